/**
 * A page as a 256-colour image, composed from horizontal strips. Strips drawn in inks
 * only (see ink-weights.ts) come from the per-worker cache after the first municipality;
 * their ink mixes are coloured with this municipality's inks, which also gives their
 * palette entries exactly, without a quantiser. Strips with an image (the logo) are
 * rasterised in colour; their colours fill the palette entries left (see paintInColour).
 */
import sharp from 'sharp';
import { assert } from '../../diagnostics/index.js';
import { GlyphDefs } from '../svg/index.js';
import { applyInks, LEVELS, MAX_STRIP_INKS, measureWeights, RGBA, type StripWeights } from './ink-weights.js';
import type { PagePlan, PlannedItem } from './page-plan.js';
import { remeasureWeights, segmentFor, stripKey, weightsFor } from './strip-cache.js';
import { deflateSegment, zlibStream, type Segment } from './zlib-segments.js';

export interface IndexedImage {
  width: number;
  height: number;
  /** RGB triples, at most 256. */
  palette: Buffer;
  /** The PNG image data: a zlib stream of palette indices row by row, each row led by its filter byte (0: none). */
  data: Buffer;
}

/**
 * Rows per strip. Smaller strips confine a municipality's own text to less of the page;
 * larger ones cost fewer librsvg calls when a strip is first measured. 64 rows is 15 pt
 * at 300 dpi: the footer band is a handful of strips.
 */
const STRIP_ROWS = 64;

/** Palette entries the ink mixes may take; the rest is kept for strips drawn in colour. */
const MAX_MIX_COLOURS = 224;

interface Strip {
  /** Pixel rows [y0, y1). */
  y0: number;
  y1: number;
  items: PlannedItem[];
  inks: number[];
  /** Drawn in colour: it holds an image, or more inks than a mix key holds. */
  inColour: boolean;
}

function stripsOf(plan: PagePlan, width: number, height: number): Strip[] {
  const scale = width / plan.width;
  // A pixel's worth of margin: anti-aliasing reaches into the neighbouring row.
  const margin = 1 / scale;
  const strips: Strip[] = [];
  for (let y0 = 0; y0 < height; y0 += STRIP_ROWS) {
    const y1 = Math.min(height, y0 + STRIP_ROWS);
    const top = y0 / scale - margin;
    const bottom = y1 / scale + margin;
    const items = plan.items.filter((i) => i.extent.bottom > top && i.extent.top < bottom);
    const inks = [...new Set(items.flatMap((i) => i.inks))].sort((a, b) => a - b);
    strips.push({ y0, y1, items, inks, inColour: items.some((i) => i.image) || inks.length > MAX_STRIP_INKS });
  }
  return strips;
}

/** A strip's rows of the page as a standalone SVG, inks left as tokens. */
function stripSvg(plan: PagePlan, { items, y0, y1 }: Pick<Strip, 'items' | 'y0' | 'y1'>, width: number): string {
  const scale = width / plan.width;
  const markup = items.map((i) => i.svg).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y1 - y0}" ` +
    `viewBox="0 ${y0 / scale} ${plan.width} ${(y1 - y0) / scale}" preserveAspectRatio="none">` +
    `<defs>${plan.defs.toSvg(GlyphDefs.refsIn(markup))}</defs>${markup}</svg>`
  );
}

/** Exact colours in the order they are added; a colour found again keeps its first entry unless added as a duplicate. */
class Palette {
  private readonly index = new Map<number, number>();
  private readonly rgb: number[] = [];

  get size(): number {
    return this.rgb.length;
  }

  has(rgb: number): boolean {
    return this.index.has(rgb);
  }

  get(rgb: number): number | undefined {
    return this.index.get(rgb);
  }

  /** Palette index of a colour, added if new; -1 when the palette is full. */
  indexOf(rgb: number): number {
    return this.index.get(rgb) ?? this.add(rgb);
  }

  /** A new entry for a colour, even one the palette has; -1 when the palette is full. */
  add(rgb: number): number {
    if (this.rgb.length === 256) return -1;
    const i = this.rgb.length;
    if (!this.index.has(rgb)) this.index.set(rgb, i);
    this.rgb.push(rgb);
    return i;
  }

  /** Index of the entry closest to a colour (squared RGB distance; the first of equals). */
  nearest(rgb: number): number {
    let best = 0;
    let bestDistance = Infinity;
    this.rgb.forEach((c, i) => {
      const dr = ((c >> 16) & 255) - ((rgb >> 16) & 255);
      const dg = ((c >> 8) & 255) - ((rgb >> 8) & 255);
      const db = (c & 255) - (rgb & 255);
      const distance = dr * dr + dg * dg + db * db;
      if (distance < bestDistance) {
        best = i;
        bestDistance = distance;
      }
    });
    return best;
  }

  toBuffer(): Buffer {
    const out = Buffer.alloc(this.rgb.length * 3);
    this.rgb.forEach((c, i) => out.writeUIntBE(c, i * 3, 3));
    return out;
  }
}

const parseHex = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** A mix named by its page inks and levels ("2:7,5:8"): the same mix in any strip has the same name. */
function mixNames(weights: StripWeights): string[] {
  const k = weights.inks.length;
  const names: string[] = [];
  for (let m = 0; m < weights.mixes; m++) {
    const parts: string[] = [];
    for (let j = 0; j < k; j++) {
      const level = weights.levels[m * k + j]!;
      if (level > 0) parts.push(`${weights.inks[j]}:${level}`);
    }
    names.push(parts.join(','));
  }
  return names;
}

/** The colour of a mix with the page's inks. */
function mixColour(weights: StripWeights, m: number, inks: readonly number[][]): number {
  const k = weights.inks.length;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let j = 0; j < k; j++) {
    const w = weights.levels[m * k + j]!;
    if (w === 0) continue;
    const c = inks[weights.inks[j]!]!;
    r += w * c[0]!;
    g += w * c[1]!;
    b += w * c[2]!;
  }
  return (Math.round(r / LEVELS) << 16) | (Math.round(g / LEVELS) << 8) | Math.round(b / LEVELS);
}

/**
 * The page's palette of ink mixes, and each strip's palette index per mix. Each mix has an
 * entry of its own, in the order of the mixes' names, even where two mixes come out the
 * same colour with this municipality's inks: the strips every municipality shares then
 * number their mixes the same way whatever the municipality's colours are, so their
 * compressed rows are the same bytes and come from the cache. A page with more mixes than
 * MAX_MIX_COLOURS shares entries between mixes of one colour; undefined when even then the
 * mixes take more than that.
 */
function pagePalette(strips: readonly StripWeights[], inks: readonly number[][]): { palette: Palette; luts: Uint8Array[] } | undefined {
  const names = strips.map(mixNames);
  const colourOf = new Map<string, number>();
  strips.forEach((w, i) => names[i]!.forEach((name, m) => colourOf.has(name) || colourOf.set(name, mixColour(w, m, inks))));
  const palette = new Palette();
  const entry = new Map<string, number>();
  const own = colourOf.size <= MAX_MIX_COLOURS;
  for (const name of [...colourOf.keys()].sort()) {
    const rgb = colourOf.get(name)!;
    entry.set(name, own ? palette.add(rgb) : palette.indexOf(rgb));
    if (palette.size > MAX_MIX_COLOURS) return undefined;
  }
  const luts = names.map((list) => Uint8Array.from(list, (name) => entry.get(name)!));
  return { palette, luts };
}

/** Rows of palette indices, each led by its filter byte (0). */
function indexRows(pixels: Uint8Array | Uint16Array, lut: Uint8Array, width: number, height: number): Buffer {
  const stride = width + 1;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const from = y * width;
    const to = y * stride + 1;
    for (let x = 0; x < width; x++) rows[to + x] = lut[pixels[from + x]!]!;
  }
  return rows;
}

/**
 * `rows` has this strip's shape: its size, and every row led by filter byte 0. (Checking
 * each index against the palette too would cost ~8 ms per MB, more than composing from the
 * store saves; that a stored segment is this strip's is what the build's records prove.)
 */
function isStripRows(rows: Buffer, width: number, height: number): boolean {
  const stride = width + 1;
  if (rows.length !== stride * height) return false;
  for (let start = 0; start < rows.length; start += stride) if (rows[start] !== 0) return false;
  return true;
}

interface WeighedStrip {
  strip: Strip;
  key: string;
  measure: () => Promise<StripWeights>;
  weights: StripWeights;
}

/**
 * The page at `width` × `height` pixels, or undefined when its ink mixes alone take more
 * of the palette than MAX_MIX_COLOURS (the caller then rasterises the page whole).
 */
export async function composeIndexed(plan: PagePlan, width: number, height: number): Promise<IndexedImage | undefined> {
  const strips = stripsOf(plan, width, height);
  const inks = plan.inks.map(parseHex);
  // Every strip's rasterising is asked for at once: librsvg works on the pool's threads
  // while this thread quantises the strips already drawn, instead of waiting for each in
  // turn (the logo strips alone kept a first job ~90 ms of ~600 idle). The strips in
  // colour need no palette to be drawn, only to be numbered, so they start first. No two
  // strips of a page share a key (the markup names the strip's rows), so no strip is made
  // twice and each counts as one use towards the store, as when they were asked in turn.
  const inColour = rasterisedInColour(plan, strips.filter((s) => s.inColour), width);
  const weighed = await Promise.all(
    strips
      .filter((strip) => !strip.inColour)
      .map(async (strip): Promise<WeighedStrip> => {
        const markup = stripSvg(plan, strip, width);
        const key = stripKey(markup);
        const measure = () => measureWeights((colour) => applyInks(markup, colour), strip.inks, width, strip.y1 - strip.y0);
        return { strip, key, measure, weights: await weightsFor(key, { inks: strip.inks, pixels: width * (strip.y1 - strip.y0) }, measure) };
      }),
  );
  // Weights from the store whose pixels turn out bad when they are needed are measured
  // again, and the page's palette is made again from them.
  const first = await composeFrom(plan, strips, weighed, width, height, inks, inColour);
  if (first !== 'remeasured') return first;
  const again = await composeFrom(plan, strips, weighed, width, height, inks, inColour);
  assert(again !== 'remeasured', 'measured weights always have their pixels');
  return again;
}

async function composeFrom(
  plan: PagePlan,
  strips: readonly Strip[],
  weighed: WeighedStrip[],
  width: number,
  height: number,
  inks: readonly number[][],
  inColour: Promise<Buffer[]>,
): Promise<IndexedImage | undefined | 'remeasured'> {
  const page = pagePalette(
    weighed.map((w) => w.weights),
    inks,
  );
  if (!page) return undefined;
  const segments = new Map<Strip, Segment>();
  let remeasured = false;
  for (const [i, w] of weighed.entries()) {
    const rows = w.strip.y1 - w.strip.y0;
    const lut = page.luts[i]!;
    const segment = await segmentFor(
      w.key,
      lut,
      (stored) => isStripRows(stored, width, rows),
      () => {
        const pixels = w.weights.pixels();
        return pixels && deflateSegment(indexRows(pixels, lut, width, rows));
      },
    );
    if (segment) segments.set(w.strip, segment);
    else {
      w.weights = await remeasureWeights(w.key, w.measure);
      remeasured = true;
    }
  }
  if (remeasured) return 'remeasured';

  const coloured = strips.filter((s) => s.inColour);
  if (coloured.length > 0) {
    const rows = paintInColour(await inColour, width, page.palette);
    coloured.forEach((strip, i) => segments.set(strip, deflateSegment(rows[i]!)));
  }
  return { width, height, palette: page.palette.toBuffer(), data: zlibStream(strips.map((s) => segments.get(s)!)) };
}

/**
 * The strips drawn in colour (they hold the logo), rasterised. Started before the page's
 * other strips are weighed and awaited only when they are numbered, so a failure is
 * marked handled here and thrown where it is awaited, not as an unhandled rejection that
 * would stop the worker while the rest of the page is still being weighed.
 *
 * Strips in colour that touch are drawn by one librsvg call and cut apart: the footer's
 * two or three logo strips then parse the glyph outlines and pay librsvg's set-up once.
 * That took a municipality's four logo bands from 36 to 24 ms of CPU (one libvips thread).
 */
function rasterisedInColour(plan: PagePlan, strips: readonly Strip[], width: number): Promise<Buffer[]> {
  const rasters = Promise.all(
    touchingRuns(strips).map(async (run) => {
      const inRun = new Set(run.flatMap((s) => s.items));
      const rows = { y0: run[0]!.y0, y1: run[run.length - 1]!.y1, items: plan.items.filter((i) => inRun.has(i)) };
      const svg = applyInks(stripSvg(plan, rows, width), (ink) => plan.inks[ink]!);
      const pixels = await sharp(Buffer.from(svg)).raw().toBuffer();
      assert(pixels.length === (rows.y1 - rows.y0) * width * RGBA, 'unexpected raster shape for strips in colour');
      return run.map((s) => pixels.subarray((s.y0 - rows.y0) * width * RGBA, (s.y1 - rows.y0) * width * RGBA));
    }),
  ).then((runs) => runs.flat());
  rasters.catch(() => undefined);
  return rasters;
}

/** `strips` (top to bottom) in runs of strips each starting where the one before ends. */
function touchingRuns(strips: readonly Strip[]): Strip[][] {
  const runs: Strip[][] = [];
  for (const strip of strips) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1]!.y1 === strip.y0) run.push(strip);
    else runs.push([strip]);
  }
  return runs;
}

/**
 * The strips drawn in colour, numbered. Their colours that the palette already has keep
 * their entry; of the others, the most used fill the entries left, and the rest (the
 * rarest edge shades) take the nearest colour in the palette.
 */
function paintInColour(rasters: readonly Buffer[], width: number, palette: Palette): Buffer[] {
  const counts = new Map<number, number>();
  for (const pixels of rasters) {
    // Runs of one colour are most of a strip: count them without a lookup per pixel.
    let run = -1;
    let length = 0;
    for (let at = 0; at <= pixels.length; at += RGBA) {
      const rgb = at < pixels.length ? (pixels[at]! << 16) | (pixels[at + 1]! << 8) | pixels[at + 2]! : -2;
      if (rgb === run) {
        length++;
        continue;
      }
      if (length > 0) counts.set(run, (counts.get(run) ?? 0) + length);
      run = rgb;
      length = 1;
    }
  }
  const fresh = [...counts].filter(([rgb]) => !palette.has(rgb)).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const room = 256 - palette.size;
  for (const [rgb] of fresh.slice(0, room)) palette.indexOf(rgb);
  const index = new Map([...counts.keys()].map((rgb) => [rgb, palette.get(rgb) ?? palette.nearest(rgb)]));

  return rasters.map((pixels) => {
    const height = pixels.length / RGBA / width;
    // Each row is led by its filter byte (0), which Buffer.alloc has already written.
    const rows = Buffer.alloc((width + 1) * height);
    let last = -1;
    let lastIndex = 0;
    for (let y = 0, at = 0, to = 0; y < height; y++) {
      to++;
      for (let x = 0; x < width; x++, at += RGBA, to++) {
        const rgb = (pixels[at]! << 16) | (pixels[at + 1]! << 8) | pixels[at + 2]!;
        if (rgb !== last) {
          last = rgb;
          lastIndex = index.get(rgb)!;
        }
        rows[to] = lastIndex;
      }
    }
    return rows;
  });
}
