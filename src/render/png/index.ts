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
 * Print PNGs: measured per setting (2480 × 3508 task-per-moment page, one libvips thread,
 * encoding from the raw raster, which costs ~250 ms to rasterise once):
 *   palette q90 256 colours, effort 1, zlib 6    ~200 ms  338 KB   (chosen)
 *   … effort 5 / 10                               ~330 ms  350 KB
 *   … colours 128 / 64                            ~200 ms  338 KB   (same bytes: q90 needs fewer)
 *   … quality 80                                  ~200 ms  325 KB
 *   … quality 100                                 ~300 ms  445 KB
 *   … zlib 9 / 2 / 0                        ~310 / ~300 / 190 ms  316 / 395 / 8 717 KB
 *   RGB, no filter, zlib 6 / 2                ~55 / ~25 ms  953 / 1 068 KB (2.8–3.2×)
 * Almost all of the palette time is libimagequant's remapping of 8.7 M pixels at its fastest
 * speed (effort 1), whatever the quality or colour count. The page is flat colours and text
 * edges, so a 256-colour palette at quality 90 without dithering is indistinguishable on
 * screen and in print and a third of the RGB file.
 */
const ENCODING = { palette: true, quality: 90, colours: 256, dither: 0, effort: 1, compressionLevel: 6 } as const;

/**
 * Smaller sizes are resized from the print raster (Mitchell: as crisp as rasterising at
 * that size, ~25 ms instead of ~85 ms). Resampling leaves more edge shades than librsvg's
 * own anti-aliasing, so they get quality 80: the web file stays within ~1.15× of a direct
 * rasterisation at q90 and looks the same.
 */
const RESIZED_ENCODING = { ...ENCODING, quality: 80 } as const;

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

/** The page rasterised once, opaque RGB, from which every PNG size is encoded. */
export interface Raster {
  data: Buffer;
  width: number;
  height: number;
  /** Page size in points. */
  page: { width: number; height: number };
}

export interface PngSize {
  width: number;
  height?: number;
}

/** Rasterises the SVG at `size` (the largest PNG wanted) into raw RGB pixels. */
export async function rasterise(svg: string, size: PngSize): Promise<Raster> {
  const page = svgSize(svg);
  const { width, height } = outputSize(page, size.width, size.height);
  // Give the root element the pixel size wanted: librsvg then maps the viewBox onto exactly
  // these pixels. (A density option would apply twice to a size given in pt.)
  const sized = svg.replace(/^(<svg[^>]*?)\swidth="[^"]*" height="[^"]*"/, `$1 width="${width}" height="${height}"`);
  // The page is opaque (renderSvg paints a white background): drop the alpha channel.
  const { data, info } = await sharp(Buffer.from(sized))
    .flatten({ background: '#FFFFFF' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  assert(info.channels === 3 && info.width === width && info.height === height, 'unexpected raster shape');
  return { data, width, height, page };
}

/** Encodes one PNG of `opts.width` from the raster: as is, or resized down to that size. */
export async function encodePng(raster: Raster, opts: PngOptions): Promise<Buffer> {
  const { width, height, dpi } = outputSize(raster.page, opts.width, opts.height);
  let image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } });
  const resized = width !== raster.width || height !== raster.height;
  if (resized) image = image.resize(width, height, { fit: 'fill', kernel: 'mitchell' });
  const png = await image
    .withDensity(Math.round(dpi * 100) / 100)
    .png(resized ? RESIZED_ENCODING : ENCODING)
    .toBuffer();
  const chunks = [itxtChunk('Description', `${opts.alt.short}\n\n${opts.alt.full}`, 'nl')];
  if (opts.title) chunks.unshift(itxtChunk('Title', opts.title, 'nl'));
  return insertAfterHeader(png, chunks);
}

/**
 * PNGs of the SVG at several sizes from one rasterisation, at the first size (the largest:
 * the print size); the others are resized from it. Same order as `sizes`.
 */
export async function renderPngs(
  svg: string,
  opts: { sizes: readonly PngSize[]; alt: PngOptions['alt']; title?: string },
): Promise<Buffer[]> {
  const [first] = opts.sizes;
  assert(first, 'renderPngs needs at least one size');
  const raster = await rasterise(svg, first);
  const out: Buffer[] = [];
  for (const size of opts.sizes) out.push(await encodePng(raster, { ...size, alt: opts.alt, title: opts.title }));
  return out;
}

/** One PNG, rasterised at its own size. */
export async function renderPng(svg: string, opts: PngOptions): Promise<Buffer> {
  return encodePng(await rasterise(svg, opts), opts);
}
