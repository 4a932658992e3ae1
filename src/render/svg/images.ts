/**
 * Images are embedded, never referenced: a logo becomes a PNG data URI sized for 300 dpi
 * at the box it is drawn in. Rasterising an SVG logo here (sharp, from a Buffer) also
 * sanitises it: no script, no external reference and no font-dependent `<text>` can reach
 * the output. The bytes are the ones the asset gate checked (src/assets/checked.ts), never
 * the file again.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { checkedAsset } from '../../assets/checked.js';
import type { Frames, ImageItem } from '../../layout/frames.js';

const PRINT_DPI = 300;

/** Keyed by content hash and box size: the same logo recurs on every document of a municipality. */
const cache = new Map<string, Promise<string>>();

async function rasterise(data: Buffer, widthPx: number, heightPx: number): Promise<string> {
  const isSvg = /^\s*(<\?xml|<svg|<!--|<!DOCTYPE)/i.test(data.subarray(0, 256).toString('utf8'));
  // Render SVG at a density that gives at least the target size, so downscaling keeps edges crisp.
  let input = sharp(data, { limitInputPixels: 50_000_000 });
  if (isSvg) {
    const meta = await input.metadata();
    const scale = Math.max(widthPx / (meta.width || widthPx), heightPx / (meta.height || heightPx));
    input = sharp(data, { density: Math.min(72 * Math.max(scale, 1), 2400) });
  }
  // zlib 6 as for the PDF's logo (src/render/pdf/images.ts): level 9 cost three times the CPU for ~20 % fewer bytes.
  const png = await input
    .resize({ width: widthPx, height: heightPx, fit: 'inside', withoutEnlargement: !isSvg })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

function embedOne(item: ImageItem): Promise<string> {
  const data = checkedAsset(item.asset);
  const widthPx = Math.max(1, Math.round((item.width / 72) * PRINT_DPI));
  const heightPx = Math.max(1, Math.round((item.height / 72) * PRINT_DPI));
  const key = `${createHash('sha256').update(data).digest('hex')}:${widthPx}x${heightPx}`;
  let uri = cache.get(key);
  if (!uri) {
    uri = rasterise(data, widthPx, heightPx);
    cache.set(key, uri);
    uri.catch(() => cache.delete(key));
  }
  return uri;
}

export type EmbeddedImages = ReadonlyMap<string, string>;

/** Data URIs for every image of the frames, keyed by `asset` path and box size. */
export async function embedImages(frames: Frames): Promise<EmbeddedImages> {
  const out = new Map<string, string>();
  for (const page of frames.pages) {
    for (const item of page.items) {
      if (item.type !== 'image') continue;
      const key = imageKey(item);
      if (!out.has(key)) out.set(key, await embedOne(item));
    }
  }
  return out;
}

export function imageKey(item: ImageItem): string {
  return `${item.asset}@${item.width}x${item.height}`;
}
