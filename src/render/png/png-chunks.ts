/**
 * PNG chunks by hand: the chunk framing (length, type, CRC) that indexed-png.ts writes its
 * PNGs with, and an iTXt chunk inserted right after IHDR of a PNG sharp wrote, because sharp
 * writes no PNG text chunks and an iTXt `Description` is what image viewers and web tooling
 * read as the image's description.
 */
import { crc32 } from 'node:zlib';
import { assert } from '../../diagnostics/index.js';

export const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function chunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  typeBytes.copy(out, 4);
  data.copy(out, 8);
  out.writeUInt32BE(crc32(Buffer.concat([typeBytes, data])) >>> 0, 8 + data.length);
  return out;
}

/**
 * An uncompressed iTXt chunk (PNG spec 11.3.4.5). The keyword is Latin-1, 1–79 bytes; the
 * text is UTF-8 and may hold any character but NUL.
 */
export function itxtChunk(keyword: string, text: string, language = ''): Buffer {
  assert(/^[\x20-\x7E]{1,79}$/.test(keyword), `bad iTXt keyword "${keyword}"`);
  const data = Buffer.concat([
    Buffer.from(keyword, 'latin1'),
    Buffer.from([0, 0, 0]), // keyword terminator, compression flag, compression method
    Buffer.from(language, 'latin1'),
    Buffer.from([0]),
    Buffer.from([0]), // empty translated keyword
    Buffer.from(text.replace(/\0/g, ''), 'utf8'),
  ]);
  return chunk('iTXt', data);
}

/** Inserts chunks after IHDR (the first chunk), where readers that stop early still see them. */
export function insertAfterHeader(png: Buffer, chunks: Buffer[]): Buffer {
  assert(png.subarray(0, 8).equals(SIGNATURE), 'not a PNG');
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), ...chunks, png.subarray(ihdrEnd)]);
}

export interface TextChunk {
  keyword: string;
  text: string;
}

/** Reads every iTXt chunk back (used by tests and by the build's self-check). */
export function readItxt(png: Buffer): TextChunk[] {
  const found: TextChunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'iTXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const keyEnd = data.indexOf(0);
      const langEnd = data.indexOf(0, keyEnd + 3);
      const transEnd = data.indexOf(0, langEnd + 1);
      found.push({
        keyword: data.toString('latin1', 0, keyEnd),
        text: data.toString('utf8', transEnd + 1),
      });
    }
    at += 12 + length;
  }
  return found;
}
