/** The text engine: fonts loaded once, measuring with a shaping cache, Dutch hyphenation, line breaking. */
export { loadFont, loadFontSet, faceFor, facesUsed, defaultFontFiles, fontById, missingCharacters } from './fonts.js';
export type { FontFaces, FontFiles, FontSet, FontStyle, LoadedFont } from './fonts.js';
export { measure, metrics } from './measure.js';
export { hyphenationBreaks, hyphenationPoints, hyphenatedForm, type HyphenBreak } from './hyphenate.js';
export { breakLines } from './breaker.js';
export type { Line, Segment, InlineStyle } from './breaker.js';
