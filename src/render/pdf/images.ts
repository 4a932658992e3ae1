/**
 * Logo assets for the PDF. pdfkit embeds PNG and JPEG only, so an SVG logo is rasterised
 * once per process (sharp, from a Buffer so librsvg resolves nothing beside the file) at
 * print resolution for the size it is drawn. The logo always stands on a white field, so it
 * is flattened onto white: an RGB PNG without alpha is copied into the PDF as it is, while
 * one with alpha makes pdfkit decode, split and re-compress it for every document. The
 * bytes are the ones the asset gate checked (src/assets/checked.ts), never the file again.
 */
import sharp from 'sharp';
import { checkedAsset } from '../../assets/checked.js';

/** By the checked bytes and width: a path admitted again with other bytes is another logo. */
const cache = new WeakMap<Buffer, Map<number, Promise<Buffer>>>();

/** PNG bytes for `file`, at least `widthPt` points wide at 300 dpi. */
export function imageBytes(file: string, widthPt: number): Promise<Buffer> {
  const px = Math.max(64, Math.ceil((widthPt / 72) * 300));
  const bytes = checkedAsset(file);
  let sizes = cache.get(bytes);
  if (!sizes) cache.set(bytes, (sizes = new Map()));
  let p = sizes.get(px);
  if (!p) {
    p = load(bytes, px);
    sizes.set(px, p);
  }
  return p;
}

/**
 * The tallest raster worth drawing: logo boxes are at most 208 pixels high at 300 dpi. A
 * logo far taller than wide would otherwise be drawn 64 pixels wide and thousands high,
 * more pixels than the SVG cost limits were measured at (docs/svg-cost.md).
 */
const MAX_HEIGHT_PX = 1024;

async function load(bytes: Buffer, px: number): Promise<Buffer> {
  const isPng = bytes.subarray(1, 4).toString('latin1') === 'PNG';
  const { width = 1, height = 1 } = await sharp(bytes).metadata();
  const fit = Math.max(1, Math.min(px, Math.floor((MAX_HEIGHT_PX * width) / height)));
  // A PNG is only ever made smaller: a 4000-pixel logo would weigh on every PDF.
  const image = isPng ? sharp(bytes).resize({ width: fit, withoutEnlargement: true }) : sharp(bytes, { density: 300 }).resize({ width: fit });
  // zlib 6, not 9: a 600-pixel logo took 12 ms of CPU at 9 and 3.5 ms at 6, for 1.2 KB more
  // (one libvips thread); 9 made the logos ~13 % of a national build's CPU.
  return image.flatten({ background: '#FFFFFF' }).png({ compressionLevel: 6 }).toBuffer();
}
