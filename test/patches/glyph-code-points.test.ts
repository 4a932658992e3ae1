/**
 * A glyph's code points feed the PDF's ToUnicode map, and fontkit keeps those of whoever
 * created the glyph first. fixGlyphCodePoints (src/patches/fontkit.ts) must give every
 * glyph the code points it had when every mapped glyph was created at load, in code-point
 * order, however the glyphs are asked for: Source Sans 3 (cmap format 12, read from its
 * bytes), Liberation Sans (format 4, the general way) and a format 12 cmap out of order
 * (the general way too).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles } from '../../src/layout/text/fonts.js';
import { fixGlyphCodePoints } from '../../src/patches/index.js';

const liberation = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts', 'LiberationSans-Regular.ttf');

type Internals = fontkit.Font & { getGlyph(id: number, codePoints?: number[]): fontkit.Glyph; _cmapProcessor: { lookup(cp: number): number } };

function parse(font: string | Buffer): Internals {
  return fontkit.create(typeof font === 'string' ? readFileSync(font) : font) as Internals;
}

/** Source Sans 3 with its first two cmap groups swapped: out of order, which the fast read must not trust. */
function unorderedGroups(): Buffer {
  const bytes = Buffer.from(readFileSync(defaultFontFiles().regular));
  const { base } = (parse(bytes) as unknown as { _cmapProcessor: { cmap: { groups: { base: number } } } })._cmapProcessor.cmap.groups;
  const first = Buffer.from(bytes.subarray(base, base + 12));
  bytes.copy(bytes, base, base + 12, base + 24);
  first.copy(bytes, base + 12);
  return bytes;
}

/** What every glyph's code points were when all mapped glyphs were created at load, in code-point order. */
function createdAtLoad(file: string | Buffer): Map<number, number[]> {
  const font = parse(file);
  const codePoints = new Map<number, number[]>();
  for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
    const glyph = font.glyphForCodePoint(cp);
    codePoints.set(glyph.id, glyph.codePoints);
  }
  return codePoints;
}

describe.each([
  ['Source Sans 3 (format 12)', defaultFontFiles().regular],
  ['Liberation Sans (format 4)', liberation],
  ['Source Sans 3 with its cmap groups out of order', unorderedGroups()],
])('glyph code points of %s', (_name, file) => {
  const expected = createdAtLoad(file);

  it('are those of the smallest code point, whichever code point asks first', () => {
    const font = parse(file);
    fixGlyphCodePoints(font);
    const mapped = new Map<number, number>();
    for (const cp of font.characterSet) mapped.set(font._cmapProcessor.lookup(cp), (mapped.get(font._cmapProcessor.lookup(cp)) ?? 0) + 1);
    // The test means something only if some glyph has several code points (space and no-break space).
    expect([...mapped.values()].some((n) => n > 1)).toBe(true);
    for (const cp of [...font.characterSet].sort((a, b) => b - a)) {
      const glyph = font.glyphForCodePoint(cp);
      expect(glyph.codePoints, `U+${cp.toString(16)}`).toEqual(expected.get(glyph.id));
    }
  });

  it('are the same for a glyph the subsetter or shaping creates by id', () => {
    const font = parse(file);
    fixGlyphCodePoints(font);
    for (const [id, codePoints] of expected) expect(font.getGlyph(id, []).codePoints).toEqual(codePoints);
    const unmapped = [...Array(font.numGlyphs).keys()].find((id) => !expected.has(id))!;
    expect(font.getGlyph(unmapped, [0x66, 0x69]).codePoints).toEqual([0x66, 0x69]);
  });
});
