/**
 * The characters a TrueType/OpenType font has a glyph for, read from its `cmap` table
 * directly: validation checks every text against the bundled font on every run, and
 * parsing the fonts with fontkit for that would cost more than all the rest of a
 * one-profile validation. The subtable is chosen in fontkit's order, so the answer is the
 * one `font.hasGlyphForCodePoint` gives the layout (test/validate/glyph-coverage.test.ts
 * compares them). Only for the tool's own font files: formats 4 and 12, which every
 * Unicode font carries; anything else is a broken installation, not content.
 */
import { assert } from '../../diagnostics/index.js';

const PREFERRED: readonly [number, number][] = [
  [3, 10],
  [0, 6],
  [0, 4],
  [3, 1],
  [0, 3],
  [0, 2],
  [0, 1],
  [0, 0],
];

export function codePointsOf(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === 'cmap') cmap = view.getUint32(record + 8);
  }
  assert(cmap >= 0, 'the font has no cmap table');
  const subtables = new Map<string, number>();
  const count = view.getUint16(cmap + 2);
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + 8 * i;
    const key = `${view.getUint16(record)}/${view.getUint16(record + 2)}`;
    if (!subtables.has(key)) subtables.set(key, cmap + view.getUint32(record + 4));
  }
  for (const [platform, encoding] of PREFERRED) {
    const at = subtables.get(`${platform}/${encoding}`);
    if (at === undefined) continue;
    const format = view.getUint16(at);
    if (format === 4) return format4(view, at);
    if (format === 12) return format12(view, at);
  }
  assert(false, 'the font has no Unicode cmap of format 4 or 12');
}

function format4(view: DataView, at: number): Set<number> {
  const out = new Set<number>();
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    const start = view.getUint16(starts + 2 * s);
    const end = view.getUint16(ends + 2 * s);
    const delta = view.getUint16(deltas + 2 * s);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * s);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
      else {
        glyph = view.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (c - start));
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) out.add(c);
    }
  }
  return out;
}

function format12(view: DataView, at: number): Set<number> {
  const out = new Set<number>();
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const first = view.getUint32(group + 8);
    for (let c = start; c <= end; c++) if (first + (c - start) !== 0) out.add(c);
  }
  return out;
}
