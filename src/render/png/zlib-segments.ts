/**
 * A zlib stream assembled from separately compressed pieces, as pigz does it: each piece
 * is raw deflate ended by a sync flush (byte-aligned, not final, referring to nothing
 * before it), so pieces concatenate into one valid stream, and their Adler-32 checksums
 * combine without reading the data again. A page strip that is the same for the next
 * municipality is then compressed once, not once per municipality.
 */
import { constants, deflateRawSync } from 'node:zlib';
import { seal, unseal } from './sealed.js';

export interface Segment {
  /** Raw deflate data, sync-flushed. */
  data: Buffer;
  adler: number;
  /** Uncompressed bytes. */
  length: number;
}

/**
 * zlib level 6: on the print task-per-moment page level 1 and 3 take ~40 % of the time
 * for ~15 % more bytes, level 9 twelve times as long for 7 % fewer.
 */
const LEVEL = 6;

const MOD = 65521;

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the most bytes whose sums cannot overflow before the modulo (zlib's NMAX).
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= MOD;
    b %= MOD;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib's adler32_combine: the checksum of A followed by B from both checksums and B's length. */
function combineAdler(first: number, second: number, secondLength: number): number {
  const rem = secondLength % MOD;
  const a1 = first & 0xffff;
  const b1 = first >>> 16;
  const a2 = second & 0xffff;
  const b2 = second >>> 16;
  const a = (a1 + a2 + MOD - 1) % MOD;
  const b = (b1 + b2 + ((rem * a1) % MOD) + MOD - rem) % MOD;
  return ((b << 16) | a) >>> 0;
}

export function deflateSegment(bytes: Buffer): Segment {
  return {
    data: deflateRawSync(bytes, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH }),
    adler: adler32(bytes),
    length: bytes.length,
  };
}

/** An empty final block with fixed codes: the end of the stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** One zlib stream (RFC 1950: header, deflate data, Adler-32) of the segments in order. */
export function zlibStream(segments: readonly Segment[]): Buffer {
  let adler = 1;
  for (const s of segments) adler = combineAdler(adler, s.adler, s.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler, 0);
  // 0x78 0x9C: deflate, 32 KiB window, default compression level; the check bits make it a multiple of 31.
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...segments.map((s) => s.data), FINAL_BLOCK, trailer]);
}

const MAGIC = 'FPZ2';

/** A segment as bytes for the strip store, sealed (see sealed.ts): Adler-32, length, deflate data. */
export function encodeSegment(s: Segment): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(s.adler, 0);
  head.writeUInt32LE(s.length, 4);
  return seal(MAGIC, Buffer.concat([head, s.data]));
}

export function decodeSegment(bytes: Uint8Array): Segment | undefined {
  const rest = unseal(MAGIC, bytes);
  if (!rest || rest.length < 8) return undefined;
  return { adler: rest.readUInt32LE(0), length: rest.readUInt32LE(4), data: Buffer.from(rest.subarray(8)) };
}
