/**
 * Measuring with a shaping cache. Text is shaped in chunks that end after a space, exactly
 * as pdfkit lays text out, so the widths here are the widths pdfkit draws (kerning and
 * ligatures included) and the cache hits across documents: the same words recur in every
 * municipality's leaflet.
 */
import type { LoadedFont } from './fonts.js';

function chunkAdvance(font: LoadedFont, chunk: string): number {
  let adv = font.advances.get(chunk);
  if (adv === undefined) {
    adv = font.font.layout(chunk).advanceWidth;
    font.advances.set(chunk, adv);
  }
  return adv;
}

/** Advance width of `text` in points at `size`. */
export function measure(font: LoadedFont, text: string, size: number): number {
  let units = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      units += chunkAdvance(font, text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) units += chunkAdvance(font, text.slice(start));
  return (units / font.unitsPerEm) * size;
}

/** Ascender/descender/cap height in points. */
export function metrics(font: LoadedFont, size: number): { ascent: number; descent: number; capHeight: number } {
  const k = size / font.unitsPerEm;
  return { ascent: font.ascent * k, descent: font.descent * k, capHeight: font.capHeight * k };
}
