/**
 * Everything folderpers does to the private parts of its libraries, in one place, with the
 * versions it was written for. No other module touches a dependency's private fields.
 *
 *   fontkit  glyph code points fixed as glyphs are made, shaping remembered per font,
 *            decoded outlines kept per glyph (fontkit.ts)
 *   restructure  the hidden fields of decoded structs kept as private fields (restructure.ts)
 *   pdfkit   bytes collected without its stream and a content-derived file ID, the selected
 *            font and the page's font resources for the fast text path, its word cache
 *            shared between documents, XMP values escaped, the structure tree's internals
 *            (pdfkit.ts)
 *
 * `patchedVersionProblems()` says when the installed versions differ (versions.ts).
 */
export * from './fontkit.js';
export * from './pdfkit.js';
export * from './restructure.js';
export { patchedVersionProblems, installedVersion, WRITTEN_FOR } from './versions.js';
