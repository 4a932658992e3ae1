/**
 * Pages → PNG. The build composes each PNG from strips measured once per worker (see
 * compose.ts) and writes the palette itself; a page whose colours do not fit that way is
 * rasterised whole by librsvg and quantised by libimagequant. Neither path draws `<text>`,
 * so rasterising needs no fonts and gives the same bytes on every machine with the same
 * sharp build.
 */
import sharp from 'sharp';
import { assert } from '../../diagnostics/index.js';
import type { Frames } from '../../layout/frames.js';
import { renderSvg, type EmbeddedImages } from '../svg/index.js';
import { composeIndexed } from './compose.js';
import { encodeIndexed } from './indexed-png.js';
import { planPage, type PagePlan } from './page-plan.js';
import { insertAfterHeader, itxtChunk } from './png-chunks.js';

export { readItxt } from './png-chunks.js';
export { useShippedStrips, useStripStore, type ShippedStrips, type StripStore } from './strip-cache.js';

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
 * Whole-page PNGs, when a page does not compose: measured on the 2480 × 3508
 * task-per-moment page, one libvips thread, from the raw raster (~250 ms to rasterise):
 *   palette q90 256 colours, effort 1, zlib 6    ~200 ms  338 KB   (chosen)
 *   … effort 5 / 10                               ~330 ms  350 KB
 *   … quality 80 / 100                     ~200 / ~300 ms  325 / 445 KB
 *   … zlib 9 / 2 / 0                        ~310 / ~300 / 190 ms  316 / 395 / 8 717 KB
 *   RGB, no filter, zlib 6 / 2                ~55 / ~25 ms  953 / 1 068 KB (2.8–3.2×)
 * Almost all of the palette time is libimagequant's remapping of 8.7 M pixels.
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

export interface PngSize {
  width: number;
  height?: number;
}

function textChunks(alt: PngOptions['alt'], title: string | undefined): Buffer[] {
  const chunks = [itxtChunk('Description', `${alt.short}\n\n${alt.full}`, 'nl')];
  if (title) chunks.unshift(itxtChunk('Title', title, 'nl'));
  return chunks;
}

/**
 * A renderer of one page's PNGs: each size asked for is composed at that size. The sizes
 * share the page plan (drawn once, on the first call); the strips of each size stay
 * cached for the next municipality's page.
 */
export function pagePngs(
  frames: Frames,
  pageIndex: number,
  images: EmbeddedImages,
  text: { alt: PngOptions['alt']; title?: string },
): (size: PngSize) => Promise<Buffer> {
  let plan: PagePlan | undefined;
  const chunks = textChunks(text.alt, text.title);
  return async (size) => {
    plan ??= planPage(frames, pageIndex, images);
    const { width, height, dpi } = outputSize(plan, size.width, size.height);
    const image = await composeIndexed(plan, width, height);
    if (image) return encodeIndexed(image, { dpi: Math.round(dpi * 100) / 100, chunks });
    return renderPng(renderSvg(frames, pageIndex, images), { width, height, ...text });
  };
}

/**
 * One PNG of a whole SVG page: librsvg rasterises it, libimagequant finds its palette.
 * The page maps onto the pixels as compose.ts maps it: one scale, from the width.
 */
export async function renderPng(svg: string, opts: PngOptions): Promise<Buffer> {
  const page = svgSize(svg);
  const { width, height, dpi } = outputSize(page, opts.width, opts.height);
  const sized = svg
    .replace(/^(<svg[^>]*?)\swidth="[^"]*" height="[^"]*"/, `$1 width="${width}" height="${height}"`)
    .replace(/^(<svg[^>]*?)\sviewBox="[^"]*"/, `$1 viewBox="0 0 ${page.width} ${(height * page.width) / width}" preserveAspectRatio="none"`);
  // The page is opaque (renderSvg paints a white background): drop the alpha channel.
  const png = await sharp(Buffer.from(sized))
    .removeAlpha()
    .withDensity(Math.round(dpi * 100) / 100)
    .png(ENCODING)
    .toBuffer();
  return insertAfterHeader(png, textChunks(opts.alt, opts.title));
}
