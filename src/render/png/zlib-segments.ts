/**
 * A zlib stream assembled from separately compressed pieces, as pigz does it: each piece
 * is raw deflate ended by a sync flush (byte-aligned, not final, referring to nothing
 * before it), so pieces concatenate into one valid stream, and their Adler-32 checksums
 * combine without reading the data again. A page strip that is the same for the next
 * municipality is then compressed once, not once per municipality.
 */
import { constants, deflateRawSync, inflateSync, type ZlibOptions } from 'node:zlib';
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

/** 0x78 0x9C: deflate, 32 KiB window, default compression level; the check bits make it a multiple of 31. */
const ZLIB_HEADER = Buffer.from([0x78, 0x9c]);

/** One zlib stream (RFC 1950: header, deflate data, Adler-32) of the segments in order. */
export function zlibStream(segments: readonly Segment[]): Buffer {
  let adler = 1;
  for (const s of segments) adler = combineAdler(adler, s.adler, s.length);
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(adler, 0);
  return Buffer.concat([ZLIB_HEADER, ...segments.map((s) => s.data), FINAL_BLOCK, trailer]);
}

export const SEGMENT_MAGIC = 'FPZ3';

/** A strip's rows are at most this long uncompressed (64 rows of a page far wider than A3 at 300 dpi). */
const MAX_SEGMENT_LENGTH = 16 * 1024 * 1024;

/** What a sync flush ends with: an empty stored block, so the next piece starts on a byte. */
const SYNC_FLUSH_END = Buffer.from([0x00, 0x00, 0xff, 0xff]);

/** A segment as bytes for the strip store, sealed under its key (see sealed.ts): Adler-32, length, deflate data. */
export function encodeSegment(s: Segment, key: string): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(s.adler, 0);
  head.writeUInt32LE(s.length, 4);
  return seal(SEGMENT_MAGIC, key, Buffer.concat([head, s.data]));
}

/**
 * The segment stored under `key`, verified before anyone splices it into a PNG: it is
 * sync-flushed, inflates on its own (nothing before it referred to) to exactly its
 * length, its Adler-32 is right, and `accept` takes the inflated rows. Anything else is
 * undefined, never an exception.
 */
export function decodeSegment(bytes: Uint8Array, key: string, accept: (inflated: Buffer) => boolean): Segment | undefined {
  const rest = unseal(SEGMENT_MAGIC, key, bytes);
  if (!rest || rest.length < 8 + SYNC_FLUSH_END.length) return undefined;
  const segment = { adler: rest.readUInt32LE(0), length: rest.readUInt32LE(4), data: Buffer.from(rest.subarray(8)) };
  if (segment.length < 1 || segment.length > MAX_SEGMENT_LENGTH || !segment.data.subarray(-4).equals(SYNC_FLUSH_END)) return undefined;
  const inflated = inflateAlone(segment);
  return inflated && accept(inflated) ? segment : undefined;
}

/**
 * The segment as a zlib stream of its own (header, its data, the final block, its
 * Adler-32), inflated by zlib, which checks the checksum; undefined unless all of it is
 * read and gives exactly `length` bytes.
 */
function inflateAlone(s: Segment): Buffer | undefined {
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32BE(s.adler, 0);
  const stream = Buffer.concat([ZLIB_HEADER, s.data, FINAL_BLOCK, trailer]);
  return inflateExactly(stream, s.length, (input, options) => inflateSync(input, options));
}

/**
 * `input` inflated to exactly `length` bytes with every byte of it read (no data after the
 * end of the stream), or undefined; the length bound also stops a small input that would
 * inflate to gigabytes.
 */
export function inflateExactly(
  input: Buffer,
  length: number,
  inflate: (input: Buffer, options: ZlibOptions) => Buffer,
): Buffer | undefined {
  try {
    // `info` makes zlib return its engine too, whose bytesWritten is the input it consumed.
    const { buffer, engine } = inflate(input, { info: true, maxOutputLength: Math.max(1, length) }) as unknown as {
      buffer: Buffer;
      engine: { bytesWritten: number };
    };
    return buffer.length === length && engine.bytesWritten === input.length ? buffer : undefined;
  } catch {
    return undefined;
  }
}
