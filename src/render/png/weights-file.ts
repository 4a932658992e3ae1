/**
 * Measured strip weights as bytes, for a store that keeps them between builds. Anything
 * that does not decode to a consistent strip is refused (undefined), never trusted: the
 * caller measures the strip again.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { LEVELS, MAX_STRIP_INKS, type StripWeights } from './ink-weights.js';

const MAGIC = 'FPW1';

/** Layout: magic, ink count, inks (u16), mix count (u32), levels, index width (1|2), pixel count (u32), pixels; deflated. */
export function encodeWeights(w: StripWeights): Buffer {
  const k = w.inks.length;
  const width = w.pixels.BYTES_PER_ELEMENT;
  const head = Buffer.alloc(4 + 1 + 2 * k + 4);
  head.write(MAGIC, 0, 'latin1');
  head[4] = k;
  w.inks.forEach((ink, i) => head.writeUInt16LE(ink, 5 + 2 * i));
  head.writeUInt32LE(w.mixes, 5 + 2 * k);
  const tail = Buffer.alloc(5);
  tail[0] = width;
  tail.writeUInt32LE(w.pixels.length, 1);
  const pixels = Buffer.from(w.pixels.buffer, w.pixels.byteOffset, w.pixels.byteLength);
  return deflateRawSync(Buffer.concat([head, w.levels, tail, pixels]), { level: 1 });
}

export function decodeWeights(bytes: Uint8Array): StripWeights | undefined {
  let data: Buffer;
  try {
    data = inflateRawSync(bytes);
  } catch {
    return undefined;
  }
  if (data.length < 10 || data.toString('latin1', 0, 4) !== MAGIC) return undefined;
  const k = data[4]!;
  if (k < 1 || k > MAX_STRIP_INKS) return undefined;
  let at = 5;
  const inks = Array.from({ length: k }, (_, i) => data.readUInt16LE(at + 2 * i));
  at += 2 * k;
  const mixes = data.readUInt32LE(at);
  at += 4;
  if (mixes < 1 || data.length < at + mixes * k + 5) return undefined;
  const levels = Uint8Array.from(data.subarray(at, at + mixes * k));
  at += mixes * k;
  for (let m = 0; m < mixes; m++) {
    let sum = 0;
    for (let j = 0; j < k; j++) sum += levels[m * k + j]!;
    if (sum !== LEVELS) return undefined;
  }
  const width = data[at]!;
  const count = data.readUInt32LE(at + 1);
  at += 5;
  if ((width !== 1 && width !== 2) || data.length !== at + count * width) return undefined;
  const raw = data.subarray(at);
  const pixels = width === 1 ? Uint8Array.from(raw) : new Uint16Array(Uint8Array.from(raw).buffer);
  for (let p = 0; p < pixels.length; p++) if (pixels[p]! >= mixes) return undefined;
  return { inks, levels, mixes, pixels };
}
