/**
 * Measured strip weights as bytes, for a store that keeps them between builds. The mix
 * table comes first and the pixels compressed after it, so a strip whose compressed rows
 * are stored too is used without inflating its pixels. Sealed (see sealed.ts): anything
 * that does not check out is refused (undefined), and the caller measures the strip again.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { assert } from '../../diagnostics/index.js';
import { LEVELS, MAX_STRIP_INKS, type StripWeights } from './ink-weights.js';
import { seal, unseal } from './sealed.js';

const MAGIC = 'FPW2';

/** Payload: ink count, inks (u16), mix count (u32), levels, index width (1|2), pixel count (u32), pixels deflated. */
export function encodeWeights(w: StripWeights): Buffer {
  const k = w.inks.length;
  const pixels = w.pixels();
  const head = Buffer.alloc(1 + 2 * k + 4);
  head[0] = k;
  w.inks.forEach((ink, i) => head.writeUInt16LE(ink, 1 + 2 * i));
  head.writeUInt32LE(w.mixes, 1 + 2 * k);
  const shape = Buffer.alloc(5);
  shape[0] = pixels.BYTES_PER_ELEMENT;
  shape.writeUInt32LE(pixels.length, 1);
  const packed = deflateRawSync(Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength), { level: 1 });
  return seal(MAGIC, Buffer.concat([head, w.levels, shape, packed]));
}

export function decodeWeights(bytes: Uint8Array): StripWeights | undefined {
  const rest = unseal(MAGIC, bytes);
  if (!rest || rest.length < 10) return undefined;
  const k = rest[0]!;
  if (k < 1 || k > MAX_STRIP_INKS) return undefined;
  let at = 1;
  const inks = Array.from({ length: k }, (_, i) => rest.readUInt16LE(at + 2 * i));
  at += 2 * k;
  const mixes = rest.readUInt32LE(at);
  at += 4;
  if (mixes < 1 || rest.length < at + mixes * k + 5) return undefined;
  const levels = Uint8Array.from(rest.subarray(at, at + mixes * k));
  at += mixes * k;
  for (let m = 0; m < mixes; m++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += levels[m * k + j]!;
    if (sum !== LEVELS) return undefined;
  }
  const width = rest[at]!;
  const count = rest.readUInt32LE(at + 1);
  if (width !== (mixes <= 256 ? 1 : 2)) return undefined;
  const packed = Buffer.from(rest.subarray(at + 5));
  let pixels: Uint8Array | Uint16Array | undefined;
  return {
    inks,
    levels,
    mixes,
    pixelBytes: count * width,
    pixels: () => {
      if (!pixels) {
        // The checksum matched what was written, so only a bug could make this fail.
        const raw = Uint8Array.from(inflateRawSync(packed));
        assert(raw.length === count * width, 'stored strip has the wrong number of pixels');
        pixels = width === 1 ? raw : new Uint16Array(raw.buffer);
        for (let p = 0; p < pixels.length; p++) assert(pixels[p]! < mixes, 'stored strip names a mix it does not have');
      }
      return pixels;
    },
  };
}
