/**
 * A strip of the page measured as ink weights instead of colours. Painting solid colours
 * one over another mixes them linearly: every pixel ends up as Σ wᵢ·inkᵢ, and the weights
 * wᵢ depend on the shapes alone, not on the colours. So a strip is rasterised once with its
 * inks as pure red, green and blue (three inks per librsvg pass, the other inks black),
 * each channel then *is* one ink's weight, and any municipality's colours can be applied
 * afterwards without rasterising again.
 *
 * Weights are kept in LEVELS + 1 steps: sixteen anti-aliasing levels per edge are
 * indistinguishable at 300 dpi and at 1200 px, and they keep the number of distinct
 * mixes on a page under what a 256-colour PNG palette holds.
 */
import sharp from 'sharp';
import { assert } from '../../diagnostics/index.js';

export const LEVELS = 15;

/** Inks per strip whose quantised weights still pack into one safe integer (4 bits each). */
export const MAX_STRIP_INKS = 13;

const CHANNELS = ['#FF0000', '#00FF00', '#0000FF'] as const;

/**
 * Bytes per pixel of a strip as librsvg draws it, alpha included. The page is opaque (its
 * background is in every strip), so the alpha byte is skipped when the pixels are read
 * instead of being removed by libvips, a pass over the pixels that cost ~0.7 of a logo
 * band's ~3.8 ms.
 */
export const RGBA = 4;

export interface StripWeights {
  /** Page ink indices this strip uses; weights below are in this order. */
  inks: readonly number[];
  /** Distinct mixes: `mixes` × `inks.length` levels, each 0…LEVELS, each mix summing to LEVELS. */
  levels: Uint8Array;
  mixes: number;
  /**
   * Per pixel, row by row: which mix. A function, because a strip from the store only
   * needs its pixels when its compressed rows are not stored as well; undefined when
   * stored pixels do not check out once inflated (measured weights always have them).
   */
  pixels: () => Uint8Array | Uint16Array | undefined;
  /** Bytes the pixels take in memory. */
  pixelBytes: number;
}

/**
 * Rasterises a strip whose markup writes ink n as `ink:n` (see `inkToken`). `markup` gets
 * the colour each ink is to be drawn in for one pass.
 */
export async function measureWeights(
  markup: (colour: (ink: number) => string) => string,
  inks: readonly number[],
  width: number,
  height: number,
): Promise<StripWeights> {
  assert(inks.length > 0 && inks.length <= MAX_STRIP_INKS, `a weighed strip needs 1–${MAX_STRIP_INKS} inks, got ${inks.length}`);
  const position = new Map(inks.map((ink, i) => [ink, i]));
  const passes: Buffer[] = [];
  for (let pass = 0; pass * 3 < inks.length; pass++) {
    const svg = markup((ink) => CHANNELS[position.get(ink)! - 3 * pass] ?? '#000000');
    const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
    assert(info.width === width && info.height === height && info.channels === RGBA, 'unexpected strip raster shape');
    passes.push(data);
  }
  return quantise(passes, inks, width * height);
}

/** Reads each pixel's weights from the passes' channels and numbers the distinct mixes. */
function quantise(passes: readonly Buffer[], inks: readonly number[], count: number): StripWeights {
  const k = inks.length;
  const ids = new Map<number, number>();
  const levels: number[] = [];
  const pixels = new Uint16Array(count);
  const q = new Uint8Array(k);
  // Most neighbouring pixels are the same mix: remember the last raw bytes and their id
  // (up to two passes, whose 48 bits a number holds exactly; more inks are rare).
  const remember = passes.length <= 2;
  let last = -1;
  let lastId = 0;
  for (let p = 0; p < count; p++) {
    let raw = -1;
    if (remember) {
      raw = 0;
      for (const d of passes) raw = raw * 16777216 + ((d[p * RGBA]! << 16) | (d[p * RGBA + 1]! << 8) | d[p * RGBA + 2]!);
    }
    if (remember && raw === last) {
      pixels[p] = lastId;
      continue;
    }
    let sum = 0;
    let largest = 0;
    for (let j = 0; j < k; j++) {
      const v = passes[(j / 3) | 0]![p * RGBA + (j % 3)]!;
      q[j] = Math.round((v * LEVELS) / 255);
      sum += q[j]!;
      if (q[j]! > q[largest]!) largest = j;
    }
    // Rounding may leave the mix a level short or over: the strongest ink takes the rest.
    q[largest] = q[largest]! + LEVELS - sum;
    let key = 0;
    for (let j = 0; j < k; j++) key = key * 16 + q[j]!;
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      for (let j = 0; j < k; j++) levels.push(q[j]!);
    }
    pixels[p] = id;
    last = raw;
    lastId = id;
  }
  const ofMixes = ids.size <= 256 ? Uint8Array.from(pixels) : pixels;
  return { inks, levels: Uint8Array.from(levels), mixes: ids.size, pixels: () => ofMixes, pixelBytes: ofMixes.byteLength };
}

/** How a strip's markup names ink n before a pass or a palette gives it a colour. */
export function inkToken(ink: number): string {
  return `ink:${ink}`;
}

/** Replaces every ink token in markup by the colour `colour` gives it. */
export function applyInks(markup: string, colour: (ink: number) => string): string {
  return markup.replace(/ink:(\d+)/g, (_, n: string) => colour(Number(n)));
}
