/**
 * Logo assets for the PDF. pdfkit embeds PNG and JPEG only, so an SVG logo is rasterised
 * once per process (sharp, from a Buffer so librsvg resolves nothing beside the file) at
 * print resolution for the size it is drawn. The logo always stands on a white field, so it
 * is flattened onto white: an RGB PNG without alpha is copied into the PDF as it is, while
 * one with alpha makes pdfkit decode, split and re-compress it for every document.
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
  const isPng = bytes.subarray(1, 4).toString('latin1') === 'PNG';
  // A PNG is only ever made smaller: a 4000-pixel logo would weigh on every PDF.
  const image = isPng ? sharp(bytes).resize({ width: px, withoutEnlargement: true }) : sharp(bytes, { density: 300 }).resize({ width: px });
  return image.flatten({ background: '#FFFFFF' }).png({ compressionLevel: 9 }).toBuffer();
}
