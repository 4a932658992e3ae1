/**
 * SVG → PNG with sharp (librsvg). The SVG holds no text elements, so rasterising needs no
 * fonts and gives the same bytes on every machine with the same sharp build.
 */
import sharp from 'sharp';
import { assert } from '../../diagnostics/index.js';
import { insertAfterHeader, itxtChunk } from './png-chunks.js';

export { readItxt } from './png-chunks.js';

export interface PngOptions {
  /** Output width in pixels. */
  width: number;
  /** Output height in pixels; by default from the SVG's aspect ratio. */
  height?: number;
  alt: { short: string; full: string };
  /** Document title, written as the PNG `Title`. */
  title?: string;
}

/** Page size in points, from the root `viewBox` that renderSvg writes. */
function svgSize(svg: string): { width: number; height: number } {
  const match = /^<svg[^>]*\sviewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  assert(match, 'SVG has no viewBox on its root element');
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** Pixel size of a page of `width` × `height` points at `dpi`: A4 at 300 dpi is 2480 × 3508. */
export function pixelSize(width: number, height: number, dpi: number): { width: number; height: number } {
  return { width: Math.round((width / 72) * dpi), height: Math.round((height / 72) * dpi) };
}

/**
 * Measured on the task-per-moment page (A4 at 300 dpi, CPU time, one libvips thread):
 * rasterising costs ~220 ms whatever the encoding; then
 *   RGB, no filter, zlib 6        +30 ms   928 KB  (lossless)
 *   palette q100, zlib 6         +250 ms   447 KB  (max. channel error 6)
 *   palette q90,  zlib 6         +130 ms   353 KB  (max. error 22 on anti-aliased edges only)
 *   RGB, adaptive filter, zlib 9 +890 ms  1220 KB
 * The page is flat colours and text edges (about 1700 distinct colours), so a 256-colour
 * palette at quality 90 without dithering is indistinguishable on screen and in print, a
 * third of the RGB file, and costs ~350 ms CPU a print PNG: under 200 ms amortised on two cores.
 */
const ENCODING = { palette: true, quality: 90, colours: 256, dither: 0, effort: 1, compressionLevel: 6 } as const;

/**
 * A width that is the page at a whole dpi (2480 px: A4 at 300 dpi) gets the page's exact
 * size and resolution at that dpi (3508 px high, not 3507 from the rounded width); any
 * other width keeps the page's aspect ratio.
 */
function outputSize(page: { width: number; height: number }, width: number, height?: number) {
  const dpi = Math.round((width * 72) / page.width);
  const whole = pixelSize(page.width, page.height, dpi);
  if (whole.width === width) return { width, height: height ?? whole.height, dpi };
  return { width, height: height ?? Math.round((width * page.height) / page.width), dpi: (width * 72) / page.width };
}

export async function renderPng(svg: string, opts: PngOptions): Promise<Buffer> {
  const { width, height, dpi } = outputSize(svgSize(svg), opts.width, opts.height);
  // Give the root element the pixel size wanted: librsvg then maps the viewBox onto exactly
  // these pixels. (A density option would apply twice to a size given in pt.)
  const sized = svg.replace(/^(<svg[^>]*?)\swidth="[^"]*" height="[^"]*"/, `$1 width="${width}" height="${height}"`);
  // The page is opaque (renderSvg paints a white background): drop the alpha channel.
  const png = await sharp(Buffer.from(sized))
    .flatten({ background: '#FFFFFF' })
    .withDensity(Math.round(dpi * 100) / 100)
    .png(ENCODING)
    .toBuffer();
  const chunks = [itxtChunk('Description', `${opts.alt.short}\n\n${opts.alt.full}`, 'nl')];
  if (opts.title) chunks.unshift(itxtChunk('Title', opts.title, 'nl'));
  return insertAfterHeader(png, chunks);
}
