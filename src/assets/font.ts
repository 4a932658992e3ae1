/**
 * A house font is parsed by fontkit here, once, inside try/catch: fontkit throws plain
 * errors (or worse, loops) on damaged tables, and the layout stage must only ever see a
 * font that already survived a real parse and a layout of sample text. What the parse
 * learns about the characters the font has is kept, so validation can check every text
 * the font will print without parsing it again.
 */

/** Text the documents certainly contain: Dutch accents, dashes, quotes, digits. */
const SAMPLE = 'Aa Zz 0123456789 ëéèïüö —–‘’“” € @ .,:;?!';

export type FontInspection = { ok: true; codePoints: ReadonlySet<number> } | { ok: false; reason: string };

export async function inspectFont(bytes: Buffer): Promise<FontInspection> {
  // Loaded on first use: only profiles with house fonts need fontkit before rendering.
  const fontkit = await import('fontkit');
  const fail = (reason: string): FontInspection => ({ ok: false, reason });
  try {
    const font = fontkit.create(bytes);
    if (!('unitsPerEm' in font)) return fail('it is a font collection; give one TTF or OTF file per style');
    if (!(font.unitsPerEm >= 16 && font.unitsPerEm <= 16384)) return fail(`its units per em (${font.unitsPerEm}) are out of range`);
    if (!(font.numGlyphs > 1)) return fail('it contains no glyphs');
    const run = font.layout(SAMPLE);
    if (run.glyphs.length === 0) return fail('it can not lay out text');
    for (const glyph of run.glyphs) void glyph.path; // parses every outline (glyf or CFF)
    // The layout asks fontkit the same question (hasGlyphForCodePoint): a mapping to glyph 0 is none.
    const codePoints = new Set(font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)));
    return { ok: true, codePoints };
  } catch {
    // fontkit's own messages ("Cannot read properties of undefined …") help no author.
    return fail('its data is damaged, cut off or not a font at all');
  }
}
