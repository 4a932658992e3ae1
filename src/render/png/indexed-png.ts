/**
 * Writes a palette PNG from indices the renderer already has. sharp can only reach a
 * palette through its quantiser, which would re-derive (and approximate) colours that
 * compose.ts knows exactly, and spend most of a print PNG's time doing it.
 */
import { chunk, SIGNATURE } from './png-chunks.js';
import type { IndexedImage } from './compose.js';

export function encodeIndexed(image: IndexedImage, opts: { dpi: number; chunks: readonly Buffer[] }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, palette colour, deflate, no filter method, no interlace
  const density = Buffer.alloc(9);
  const perMetre = Math.round(opts.dpi / 0.0254);
  density.writeUInt32BE(perMetre, 0);
  density.writeUInt32BE(perMetre, 4);
  density[8] = 1; // unit: metre
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    ...opts.chunks,
    chunk('pHYs', density),
    chunk('PLTE', image.palette),
    chunk('IDAT', image.data),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
