/**
 * Measured strip weights as bytes, for a store that keeps them between builds. The mix
 * table comes first and the pixels compressed after it, so a strip whose compressed rows
 * are stored too is used without inflating its pixels. Sealed under the strip's key (see
 * sealed.ts), and decoded strictly and totally: anything that does not check out, now or
 * when the pixels are first inflated, is undefined, never an exception, and the caller
 * measures the strip again.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { assert } from '../../diagnostics/index.js';
import { LEVELS, MAX_STRIP_INKS, type StripWeights } from './ink-weights.js';
import { seal, unseal } from './sealed.js';
import { inflateExactly } from './zlib-segments.js';

export const WEIGHTS_MAGIC = 'FPW3';

/** A pixel index is at most 16 bits, so a strip has at most this many mixes. */
const MAX_MIXES = 65536;

/** What the caller knows the strip must be: its inks and its number of pixels. */
export interface StripShape {
  inks: readonly number[];
  pixels: number;
}

/** Payload: ink count, inks (u16), mix count (u32), levels, index width (1|2), pixel count (u32), pixels deflated. */
export function encodeWeights(w: StripWeights, key: string): Buffer {
  const k = w.inks.length;
  const pixels = w.pixels();
  assert(pixels, 'only weights with their pixels are stored');
  const head = Buffer.alloc(1 + 2 * k + 4);
  head[0] = k;
  w.inks.forEach((ink, i) => head.writeUInt16LE(ink, 1 + 2 * i));
  head.writeUInt32LE(w.mixes, 1 + 2 * k);
  const shape = Buffer.alloc(5);
  shape[0] = pixels.BYTES_PER_ELEMENT;
  shape.writeUInt32LE(pixels.length, 1);
  const packed = deflateRawSync(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), { level: 1 });
  return seal(WEIGHTS_MAGIC, key, Buffer.concat([head, w.levels, shape, packed]));
}

/** The weights of the strip `key` with `shape`, or undefined when the bytes are anything else. */
export function decodeWeights(bytes: Uint8Array, key: string, shape: StripShape): StripWeights | undefined {
  const rest = unseal(WEIGHTS_MAGIC, key, bytes);
  if (!rest || rest.length < 1) return undefined;
  const k = rest[0]!;
  if (k < 1 || k > MAX_STRIP_INKS || k !== shape.inks.length || rest.length < 1 + 2 * k + 4) return undefined;
  let at = 1;
  const inks = Array.from({ length: k }, (_, i) => rest.readUInt16LE(at + 2 * i));
  if (inks.some((ink, i) => ink !== shape.inks[i])) return undefined;
  at += 2 * k;
  const mixes = rest.readUInt32LE(at);
  at += 4;
  if (mixes < 1 || mixes > MAX_MIXES || rest.length < at + mixes * k + 5) return undefined;
  const levels = Uint8Array.from(rest.subarray(at, at + mixes * k));
  at += mixes * k;
  for (let m = 0; m < mixes; m++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += levels[m * k + j]!;
    if (sum !== LEVELS) return undefined;
  }
  const width = rest[at]!;
  const count = rest.readUInt32LE(at + 1);
  if (width !== (mixes <= 256 ? 1 : 2) || count !== shape.pixels) return undefined;
  const packed = Buffer.from(rest.subarray(at + 5));
  let pixels: Uint8Array | Uint16Array | undefined | null = null;
  return {
    inks,
    levels,
    mixes,
    pixelBytes: count * width,
    pixels: () => {
      if (pixels === null) pixels = inflatePixels(packed, count, width, mixes);
      return pixels;
    },
  };
}

/** Exactly `count` indices of `width` bytes, each naming one of `mixes`, from all of `packed`; else undefined. */
function inflatePixels(packed: Buffer, count: number, width: number, mixes: number): Uint8Array | Uint16Array | undefined {
  const raw = inflateExactly(packed, count * width, (input, options) => inflateRawSync(input, options));
  if (!raw) return undefined;
  // A copy: the inflated buffer may sit at an offset a Uint16Array cannot start at.
  const bytes = Uint8Array.from(raw);
  const pixels = width === 1 ? bytes : new Uint16Array(bytes.buffer);
  for (let p = 0; p < pixels.length; p++) if (pixels[p]! >= mixes) return undefined;
  return pixels;
}
