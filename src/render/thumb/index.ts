/**
 * The thumbnail of a page (the web edition's preview of a document, 320 px wide): its
 * bands, panels, shapes and logo as they are printed, its text as grey lines in the text's
 * colour ("greeked"), which is what text of 9 pt is at this size anyway. Drawn here rather
 * than by librsvg: a page has ~100 items and no glyph outlines are needed, so a thumbnail
 * costs a few milliseconds where rasterising the page cost 20–40 ms — the web edition
 * must stay within 5 % of a national build (bench/run.ts reports it). Only the logo is
 * rasterised by sharp, once per logo and size in a worker, from the checked bytes.
 */
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { checkedAsset } from '../../assets/checked.js';
import type { Frames, ImageItem } from '../../layout/frames.js';
import { chunk, SIGNATURE } from '../png/png-chunks.js';
import { flattenPath, type Point } from './path.js';
import { Canvas, hexColour } from './raster.js';

interface Raster {
  rgba: Uint8Array;
  width: number;
  height: number;
}

/** Logos rasterised at a pixel size, by the checked bytes (never by path) and size. */
const logos = new WeakMap<Buffer, Map<string, Promise<Raster>>>();

function logoRaster(item: ImageItem, width: number, height: number): Promise<Raster> {
  const bytes = checkedAsset(item.asset);
  let sizes = logos.get(bytes);
  if (!sizes) logos.set(bytes, (sizes = new Map()));
  const key = `${width}x${height}`;
  let raster = sizes.get(key);
  if (!raster) {
    raster = sharp(bytes, { density: 300 })
      .resize(width, height, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
      .ensureAlpha()
      .raw()
      .toBuffer()
      .then((rgba) => ({ rgba, width, height }));
    sizes.set(key, raster);
  }
  return raster;
}

/** Share of a text line's box that its letters darken: a line of text read from afar. */
const TEXT_DENSITY = 0.55;
const BOLD_DENSITY = 0.75;

export async function renderThumbnail(frames: Frames, pageIndex: number, width: number): Promise<Buffer> {
  const scale = width / frames.width;
  const height = Math.round(frames.height * scale);
  const canvas = new Canvas(width, height);
  const page = frames.pages[pageIndex]!;
  const fontIds = new Map(frames.fonts.map((f) => [f.id, f]));
  const scaled = (polygon: readonly Point[]): Point[] => polygon.map(([x, y]) => [x * scale, y * scale]);
  for (const item of page.items) {
    switch (item.type) {
      case 'rect': {
        const [x0, y0, x1, y1] = [item.x * scale, item.y * scale, (item.x + item.width) * scale, (item.y + item.height) * scale];
        if (item.fill) canvas.fillRect(x0, y0, x1, y1, hexColour(item.fill));
        if (item.stroke) {
          const w = Math.max(0.5, (item.strokeWidth ?? 1) * scale);
          const c = hexColour(item.stroke);
          canvas.fillRect(x0, y0, x1, y0 + w, c);
          canvas.fillRect(x0, y1 - w, x1, y1, c);
          canvas.fillRect(x0, y0, x0 + w, y1, c);
          canvas.fillRect(x1 - w, y0, x1, y1, c);
        }
        break;
      }
      case 'path': {
        const polygons = flattenPath(item.d).map(scaled);
        if (item.fill) canvas.fillPolygons(polygons, hexColour(item.fill));
        if (item.stroke) {
          const w = Math.max(0.5, (item.strokeWidth ?? 1) * scale);
          for (const p of polygons) canvas.strokePolyline(p, w, hexColour(item.stroke), false);
        }
        break;
      }
      case 'text': {
        // Each word a bar from the baseline up to the x-height, its share of the run's width by its letters.
        const bold = /bold/i.test(fontIds.get(item.font)?.id ?? item.font);
        const density = bold || item.size >= 14 ? BOLD_DENSITY : TEXT_DENSITY;
        const colour = hexColour(item.color);
        const text = item.text;
        const advance = (item.width * scale) / Math.max(1, text.length);
        const top = (item.y - item.size * 0.52) * scale;
        const bottom = item.y * scale;
        const left = item.x * scale;
        let start = -1;
        for (let i = 0; i <= text.length; i++) {
          const c = i < text.length ? text.charCodeAt(i) : 32;
          const blank = c === 32 || c === 0xa0 || c === 9 || c === 0x2009 || c === 0x202f;
          if (!blank && start < 0) start = i;
          else if (blank && start >= 0) {
            canvas.fillRect(left + start * advance, top, left + i * advance, bottom, colour, density);
            start = -1;
          }
        }
        break;
      }
      case 'image': {
        const w = Math.max(1, Math.round(item.width * scale));
        const h = Math.max(1, Math.round(item.height * scale));
        const raster = await logoRaster(item, w, h);
        canvas.drawImage(raster.rgba, raster.width, raster.height, Math.round(item.x * scale), Math.round(item.y * scale));
        break;
      }
    }
  }
  return encodeRgb(canvas);
}

/**
 * An 8-bit RGB PNG, rows unfiltered, deflated at level 1. Measured on a leaflet's
 * thumbnail: unfiltered rows deflate smaller and quicker than rows filtered by the row
 * above (the page's flat areas are long runs either way); level 1 takes 1.3 ms for 19 KB,
 * level 6 4.7 ms for 15 KB, level 9 20 ms for 14 KB.
 */
function encodeRgb(canvas: Canvas): Buffer {
  const stride = canvas.width * 3;
  const rows = Buffer.alloc((stride + 1) * canvas.height);
  const pixels = Buffer.from(canvas.pixels.buffer, canvas.pixels.byteOffset, canvas.pixels.byteLength);
  for (let y = 0; y < canvas.height; y++) pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0);
  header.writeUInt32BE(canvas.height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 1 })), chunk('IEND', Buffer.alloc(0))]);
}
