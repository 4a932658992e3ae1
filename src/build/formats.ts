/**
 * The files a document can become. Every document is a PDF; kinds with a picture are also
 * drawn as SVG and rasterised to a print PNG and a web PNG, with their alternative text
 * beside them; the web edition adds a thumbnail of the PDF's first page, the web page and
 * the article alone for a CMS (each kind lists its own: `formats` in src/kinds/). The
 * format name is the file extension, so `<document>.<format>` is the file. A
 * municipality's own page is the pseudo-document `index` in format `html` (see plan.ts).
 */

/** The print-shop edition of a document's PDF (src/render/print), made when asked for. */
export const PRINT_FORMAT = 'print.pdf';

export const ARTIFACT_FORMATS = ['pdf', 'svg', 'png', 'web.png', 'alt.txt', 'thumb.png', 'html', 'fragment.html', PRINT_FORMAT] as const;
export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];

/** Path of an artifact relative to the output folder, always with `/`. */
export function artifactPath(municipality: string, document: string, format: ArtifactFormat): string {
  return `${municipality}/${document}.${format}`;
}
