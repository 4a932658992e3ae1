/**
 * A house font is parsed by fontkit here, once, inside try/catch: fontkit throws plain
 * errors (or worse, loops) on damaged tables, and the layout stage must only ever see a
 * font that already survived a real parse and a layout of sample text.
 */

/** Text the documents certainly contain: Dutch accents, dashes, quotes, digits. */
const SAMPLE = 'Aa Zz 0123456789 ëéèïüö —–‘’“” € @ .,:;?!';

export async function fontProblem(bytes: Buffer): Promise<string | undefined> {
  // Loaded on first use: only profiles with house fonts need fontkit before rendering.
  const fontkit = await import('fontkit');
  try {
    const font = fontkit.create(bytes);
    if (!('unitsPerEm' in font)) return 'it is a font collection; give one TTF or OTF file per style';
    if (!(font.unitsPerEm >= 16 && font.unitsPerEm <= 16384)) return `its units per em (${font.unitsPerEm}) are out of range`;
    if (!(font.numGlyphs > 1)) return 'it contains no glyphs';
    const run = font.layout(SAMPLE);
    if (run.glyphs.length === 0) return 'it can not lay out text';
    for (const glyph of run.glyphs) void glyph.path; // parses every outline (glyf or CFF)
    return undefined;
  } catch {
    // fontkit's own messages ("Cannot read properties of undefined …") help no author.
    return 'its data is damaged, cut off or not a font at all';
  }
}
