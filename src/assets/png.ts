/**
 * PNG checks: the size from the IHDR header first (cheap, before any decoder allocates
 * pixels), then a full decode by sharp with the same pixel limit, so a truncated or
 * corrupt file is refused here rather than in a renderer.
 */
import { importModule } from '../bundle/import-module.js';
import { isPng } from './sniff.js';
import { MAX_PIXELS, MAX_SIDE } from './limits.js';

export type PngHeader = { ok: true; width: number; height: number } | { ok: false; reason: string };

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  if (!isPng(bytes)) return { ok: false, reason: 'it does not start with the PNG signature' };
  if (bytes.length < 8 + 8 + 13) return { ok: false, reason: 'it ends before its header' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(8);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR' || length !== 13) return { ok: false, reason: 'its first chunk is not a valid IHDR header' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { ok: false, reason: 'its width or height is 0' };
  return { ok: true, width, height };
}

/** Why these dimensions are too large, or undefined when they are within the limits. */
export function pixelLimitProblem(width: number, height: number): string | undefined {
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    return `${width} × ${height} pixels, more than allowed (at most ${MAX_SIDE} pixels a side and ${MAX_PIXELS.toLocaleString('en')} pixels in all, e.g. 4096 × 4096)`;
  }
  return undefined;
}

/** Decodes the whole image under the pixel limit; undefined when it decodes cleanly. */
export async function pngDecodeProblem(bytes: Buffer): Promise<string | undefined> {
  // Loaded on first use: a build whose logos are all SVG (most) does not pay for sharp here.
  const { default: sharp } = await importModule<typeof import('sharp')>('sharp');
  try {
    const image = sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'warning' });
    const meta = await image.metadata();
    if (meta.format !== 'png') return `sharp reads it as ${meta.format ?? 'an unknown format'}, not PNG`;
    // stats() decodes every pixel: corrupt or truncated image data shows up here.
    await image.stats();
    return undefined;
  } catch {
    // libpng's messages ("pngload_buffer: libpng read error") help no author.
    return 'its image data is damaged or cut off';
  }
}
