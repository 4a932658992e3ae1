/**
 * Logo assets for the PDF. pdfkit embeds PNG and JPEG only, so an SVG logo is rasterised
 * once per process (sharp, from a Buffer so librsvg resolves nothing beside the file) at
 * print resolution for the size it is drawn.
 */
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';

const cache = new Map<string, Promise<Buffer>>();

/** PNG bytes for `file`, at least `widthPt` points wide at 300 dpi. */
export function imageBytes(file: string, widthPt: number): Promise<Buffer> {
  const px = Math.max(64, Math.ceil((widthPt / 72) * 300));
  const key = `${file}@${px}`;
  let p = cache.get(key);
  if (!p) {
    p = load(file, px);
    cache.set(key, p);
  }
  return p;
}

async function load(file: string, px: number): Promise<Buffer> {
  const bytes = await readFile(file);
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return bytes;
  return sharp(bytes, { density: 300 }).resize({ width: px }).png({ compressionLevel: 9 }).toBuffer();
}
