/**
 * What a logo costs to rasterise, estimated from its markup alone, so that a logo that would
 * take librsvg minutes is refused by `validate` instead of stalling a build. Static on
 * purpose: the answer may not depend on the speed of the machine that validates.
 *
 * Every element gets a cost in units of about a microsecond of librsvg at more than the
 * largest size the renderers ask for (a 540-pixel square box; the largest logo box is
 * 757 × 208 pixels at 300 dpi), measured on the development VM with rasters of hostile
 * and ordinary logos (docs/svg-cost.md). The weights are each kind's worst case seen: a
 * drawn shape (90), a path segment (5), a pair of segments of one path that can cross
 * (1, see svg-path.ts), an offscreen surface for group opacity or a clip path (50), a
 * mask (2,500), a filter primitive over the whole logo (36,000), a pixel of an embedded
 * PNG (0.03), a dash of a dashed stroke (2). A `<use>`, a mask, a clip path or a filter
 * costs its content again at every reference. A logo may cost at most MAX_SVG_COST, about
 * a second; the bundled logos cost under 5,000.
 *
 * Features whose cost grows with something no limit here bounds are refused outright:
 * `<pattern>` (one tile drawn per repeat: a 1-unit tile over a logo took 0.6 s per fill),
 * `<marker>` (drawn again at every vertex), and the filter primitives whose work grows
 * with their parameters or draws other content (morphology, convolution, turbulence,
 * lighting, displacement, feImage, feTile). A printed logo needs none of them.
 */
import type { SaxesTagNS } from 'saxes';

export const MAX_SVG_COST = 1_000_000;
/** Segments in one path, polyline or polygon: the crossing bound is computed per path. */
export const MAX_PATH_SEGMENTS = 50_000;
/** Segments in the whole logo (a traced coat of arms has a few tens of thousands at most). */
export const MAX_SVG_SEGMENTS = 100_000;

export const WEIGHTS = {
  element: 5,
  shape: 90,
  segment: 5,
  crossing: 1,
  surface: 50,
  mask: 2500,
  filterPrimitive: 36_000,
  pixel: 0.03,
  dash: 2,
} as const;

const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image']);
const REFUSED_ELEMENTS: Record<string, string> = {
  pattern: 'a logo may not use <pattern>: every repeat of its tile is drawn on its own, so the cost grows with the number of tiles; draw the shapes themselves',
  marker: 'a logo may not use <marker>: the marker is drawn again at every point of the line; draw the shapes themselves',
};
const CHEAP_PRIMITIVES = new Set(['feblend', 'fecolormatrix', 'fecomponenttransfer', 'fecomposite', 'fedropshadow', 'feflood', 'fegaussianblur', 'femerge', 'feoffset']);
/** Parts of a primitive, not primitives of their own. */
const PRIMITIVE_PARTS = new Set(['fefuncr', 'fefuncg', 'fefuncb', 'fefunca', 'femergenode']);

export interface CostProblem {
  offset: number;
  rule: string;
  message: string;
}

type Kind = 'use' | 'mask' | 'clip' | 'filter';

/** Where a reference stands and what it names. */
interface Via {
  offset: number;
  target: string;
}

interface Reference extends Via {
  index: number;
  kind: Kind;
}

interface Totals {
  shapes: number;
  segments: number;
  crossings: number;
  surfaces: number;
  masks: number;
  primitives: number;
  pixels: number;
  dashes: number;
}

export interface ShapeGeometry {
  segments: number;
  crossings: number;
  /** Length of the outline in user units (an upper bound for curves). */
  length: number;
}

/**
 * Collects the cost of each element as the SVG is parsed (`enter` in document order,
 * `leave` when it closes) and adds up the references at the end, when every target is known.
 */
export class CostMeter {
  private readonly own: number[] = [0];
  private readonly lengths: number[] = [0];
  private readonly offsets: number[] = [0];
  private readonly ranges = new Map<string, { start: number; end: number }>();
  private readonly open: { id: string | undefined; start: number }[] = [];
  private readonly references: Reference[] = [];
  private readonly primitives = new Map<string, number>();
  private readonly totals: Totals = { shapes: 0, segments: 0, crossings: 0, surfaces: 0, masks: 0, primitives: 0, pixels: 0, dashes: 0 };
  private readonly problems: CostProblem[] = [];
  /** The <filter> being read: its id, primitives so far, and how deep it opened. */
  private filter: { id: string | undefined; count: number; depth: number } | undefined;
  private smallestDash = Infinity;
  /** The logo's own size in user units (the larger side), for percentages. */
  private rootSide = 1;
  /** CSS rules in <style> apply to elements no one here matches: assumed to apply to all. */
  private readonly everywhere: { offset: number; surfaces: number; references: { kind: Kind; target: string }[] } = { offset: 0, surfaces: 0, references: [] };
  private segments = 0;

  /** The root's size in user units: percentages in dash arrays are relative to it. */
  root(side: number): void {
    if (Number.isFinite(side) && side > 0) this.rootSide = side;
  }

  /** `geometry`: the element's outline when it has one (paths, shapes); `pixels`: an embedded image's. */
  enter(index: number, offset: number, tag: SaxesTagNS, geometry: ShapeGeometry | undefined, pixels: number): void {
    const local = tag.local.toLowerCase();
    const id = tag.attributes['id']?.value;
    this.open.push({ id, start: index });
    this.offsets[index] = offset;
    let cost = WEIGHTS.element;
    let length = 0;

    const refused = REFUSED_ELEMENTS[local];
    if (refused) this.problems.push({ offset, rule: 'svg/unsupported', message: refused });
    if (local === 'filter') this.filter = { id, count: 0, depth: this.open.length };
    else if (this.filter && local.startsWith('fe') && !PRIMITIVE_PARTS.has(local) && !/^fe(point|spot|distant)light$/.test(local)) {
      if (!CHEAP_PRIMITIVES.has(local)) {
        this.problems.push({
          offset,
          rule: 'svg/unsupported',
          message: `a logo may not use the filter primitive <${tag.local}>: its cost grows with its parameters or it draws other content; a printed logo needs no filter effects, so flatten the effect in your drawing program`,
        });
      }
      this.filter.count++;
    }

    if (SHAPES.has(local)) {
      cost += WEIGHTS.shape;
      this.totals.shapes++;
    }
    if (geometry) {
      this.segments += geometry.segments;
      if (geometry.segments > MAX_PATH_SEGMENTS) {
        this.problems.push({ offset, rule: 'svg/size', message: `this <${tag.local}> has ${geometry.segments.toLocaleString('en')} segments; at most ${MAX_PATH_SEGMENTS.toLocaleString('en')} are allowed in one shape: simplify it or split it` });
      } else if (this.segments - geometry.segments <= MAX_SVG_SEGMENTS && this.segments > MAX_SVG_SEGMENTS) {
        this.problems.push({ offset, rule: 'svg/size', message: `the logo has more than ${MAX_SVG_SEGMENTS.toLocaleString('en')} path segments in all; simplify it` });
      }
      cost += geometry.segments * WEIGHTS.segment + geometry.crossings * WEIGHTS.crossing;
      this.totals.segments += geometry.segments;
      this.totals.crossings += geometry.crossings;
      length = geometry.length;
      const pathLength = Number(tag.attributes['pathLength']?.value);
      if (Number.isFinite(pathLength) && pathLength > length) length = pathLength;
    }
    if (pixels > 0) {
      cost += pixels * WEIGHTS.pixel;
      this.totals.pixels += pixels;
    }

    const props = properties(tag);
    const dash = props.get('stroke-dasharray');
    if (dash !== undefined) this.dash(dash);
    const opacity = props.get('opacity');
    if ((opacity !== undefined && opacity.trim() !== '1') || props.has('mix-blend-mode') || props.get('isolation') === 'isolate') {
      cost += WEIGHTS.surface;
      this.totals.surfaces++;
    }
    const href = local === 'use' ? Object.values(tag.attributes).find((a) => a.local === 'href')?.value.trim() : undefined;
    if (href?.startsWith('#')) this.references.push({ index, offset, kind: 'use', target: href.slice(1) });
    for (const [property, kind] of [['mask', 'mask'], ['clip-path', 'clip'], ['filter', 'filter']] as const) {
      const value = props.get(property);
      if (value === undefined) continue;
      const target = /url\(\s*['"]?#([^'")\s]+)/.exec(value)?.[1];
      if (target) this.references.push({ index, offset, kind, target });
      // CSS filter functions (blur(), drop-shadow() …) are primitives of their own.
      if (kind === 'filter') {
        const functions = value.replace(/url\([^)]*\)/g, '').match(/[a-z-]+\s*\(/gi)?.length ?? 0;
        cost += functions * WEIGHTS.filterPrimitive;
        this.totals.primitives += functions;
      }
    }
    this.own[index] = cost;
    this.lengths[index] = length;
  }

  /** The innermost open element closes; `lastIndex` is the number of the last element seen. */
  leave(lastIndex: number): void {
    const element = this.open.pop();
    if (!element) return;
    if (element.id !== undefined && !this.ranges.has(element.id)) this.ranges.set(element.id, { start: element.start, end: lastIndex });
    if (this.filter && this.open.length < this.filter.depth) {
      if (this.filter.id !== undefined && !this.primitives.has(this.filter.id)) this.primitives.set(this.filter.id, this.filter.count);
      this.filter = undefined;
    }
  }

  /** A `<style>` element's CSS: its rules may match any element. */
  style(css: string, offset: number): void {
    for (const m of css.matchAll(/([a-z-]+)\s*:\s*([^;}]*)/gi)) {
      const property = m[1]!.toLowerCase();
      const value = m[2]!;
      if (property === 'stroke-dasharray') this.dash(value);
      else if (property === 'opacity' || property === 'mix-blend-mode' || (property === 'isolation' && /isolate/i.test(value))) {
        this.everywhere.surfaces++;
        this.everywhere.offset ||= offset;
      } else if (property === 'mask' || property === 'clip-path' || property === 'filter') {
        const target = /url\(\s*['"]?#([^'")\s]+)/.exec(value)?.[1];
        const kind: Kind = property === 'mask' ? 'mask' : property === 'filter' ? 'filter' : 'clip';
        if (target) this.everywhere.references.push({ kind, target });
        this.everywhere.offset ||= offset;
      }
    }
  }

  /** The smallest dash period anywhere applies to every stroke: CSS and inheritance decide which. */
  private dash(value: string): void {
    if (/^\s*none\s*$/i.test(value)) return;
    const lengths = value.split(/[\s,]+/).filter(Boolean).map((v) => {
      const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%|[a-z]*)$/i.exec(v);
      if (!m) return NaN;
      const n = Number(m[1]);
      return m[2] === '%' ? (n / 100) * this.rootSide : n;
    });
    if (lengths.length === 0 || lengths.some((n) => !Number.isFinite(n) || n < 0)) return;
    const period = lengths.reduce((a, b) => a + b, 0) * (lengths.length % 2 === 1 ? 2 : 1);
    if (period > 0) this.smallestDash = Math.min(this.smallestDash, period);
  }

  /** Every problem (refused features, segment limits, a total over MAX_SVG_COST at the element that passes it) and the total. */
  finish(report: { total: boolean } = { total: true }): { problems: CostProblem[]; total: number } {
    const n = this.own.length;
    // Dashes: each stroke's length over the smallest period declared anywhere.
    if (Number.isFinite(this.smallestDash)) {
      for (let i = 1; i < n; i++) {
        const dashes = (this.lengths[i] ?? 0) / this.smallestDash;
        this.own[i] = (this.own[i] ?? 0) + dashes * WEIGHTS.dash;
        this.totals.dashes += dashes;
      }
    }
    if (this.everywhere.surfaces > 0) {
      this.totals.surfaces += (n - 1) * this.everywhere.surfaces;
    }
    const prefix = new Float64Array(n + 1);
    for (let i = 1; i < n; i++) prefix[i + 1] = prefix[i]! + (this.own[i] ?? 0);
    const sorted = [...this.references].sort((a, b) => a.index - b.index);
    const memo = new Map<string, number>();
    const busy = new Set<string>();
    const cyclic: Via[] = [];

    // The cost of drawing the part with this id once: its elements and the references inside it.
    const subtree = (id: string, via: Via, depth: number): number => {
      const known = memo.get(id);
      if (known !== undefined) return known;
      const range = this.ranges.get(id);
      if (!range) return 0; // librsvg draws nothing for a reference to nothing
      if (busy.has(id) || depth > 64) {
        cyclic.push(via);
        return 0;
      }
      busy.add(id);
      let cost = prefix[range.end + 1]! - prefix[range.start]!;
      for (let k = lowerBound(sorted, range.start); k < sorted.length && sorted[k]!.index <= range.end; k++) cost += reference(sorted[k]!, depth + 1);
      busy.delete(id);
      memo.set(id, cost);
      return cost;
    };
    const reference = (r: Via & { kind: Kind }, depth: number): number => {
      const content = subtree(r.target, r, depth);
      switch (r.kind) {
        case 'use':
          return content;
        case 'clip':
          return WEIGHTS.surface + content;
        case 'mask':
          return WEIGHTS.mask + content;
        case 'filter':
          return (this.primitives.get(r.target) ?? 0) * WEIGHTS.filterPrimitive + content;
      }
    };

    let total = 0;
    let over: number | undefined;
    let k = 0;
    for (let i = 1; i < n; i++) {
      let cost = this.own[i] ?? 0;
      for (; k < sorted.length && sorted[k]!.index === i; k++) {
        const r = sorted[k]!;
        cost += reference(r, 0);
        this.count(r);
      }
      total += cost;
      if (over === undefined && total > MAX_SVG_COST) over = this.offsets[i] ?? 0;
    }
    // Rules of a <style> element, counted as if every element matched them.
    const elements = n - 1;
    total += elements * this.everywhere.surfaces * WEIGHTS.surface;
    for (const r of this.everywhere.references) {
      total += elements * reference({ ...r, offset: this.everywhere.offset }, 0);
      this.count(r, elements);
    }
    if (over === undefined && total > MAX_SVG_COST) over = this.everywhere.offset;

    const out = [...this.problems];
    for (const r of cyclic.slice(0, 1)) {
      out.push({ offset: r.offset, rule: 'svg/size', message: `this reference to '#${r.target}' leads back to itself, or through more than 64 parts; refer to plain shapes` });
    }
    if (report.total && over !== undefined && this.problems.every((p) => p.rule !== 'svg/size')) {
      out.push({ offset: over, rule: 'svg/size', message: this.message(total) });
    }
    return { problems: out, total };
  }

  private count(r: { kind: Kind; target: string }, times = 1): void {
    if (r.kind === 'mask') this.totals.masks += times;
    else if (r.kind === 'clip') this.totals.surfaces += times;
    else if (r.kind === 'filter') this.totals.primitives += times * (this.primitives.get(r.target) ?? 0);
  }

  private message(total: number): string {
    const t = this.totals;
    const parts: { cost: number; what: string; fix: string }[] = [
      { cost: t.shapes * WEIGHTS.shape, what: count(t.shapes, 'shape'), fix: 'merge shapes of one colour into one path' },
      { cost: t.segments * WEIGHTS.segment, what: count(t.segments, 'path segment'), fix: 'simplify the paths (fewer points)' },
      {
        cost: t.crossings * WEIGHTS.crossing,
        what: `${fmt(t.crossings)} possible crossings between the segments of one path`,
        fix: 'split paths whose long lines cross each other, or simplify them',
      },
      { cost: t.surfaces * WEIGHTS.surface, what: count(t.surfaces, 'group with transparency or a clip path', 'groups with transparency or clip paths'), fix: 'flatten transparency and clipping in your drawing program' },
      { cost: t.masks * WEIGHTS.mask, what: count(t.masks, 'mask'), fix: 'flatten the masks in your drawing program' },
      { cost: t.primitives * WEIGHTS.filterPrimitive, what: count(t.primitives, 'filter step'), fix: 'flatten the filter effects in your drawing program' },
      { cost: t.pixels * WEIGHTS.pixel, what: count(t.pixels, 'pixel of embedded images', 'pixels of embedded images'), fix: 'embed a smaller image' },
      { cost: t.dashes * WEIGHTS.dash, what: count(t.dashes, 'dash', 'dashes'), fix: 'use a longer dash pattern or a solid line' },
    ];
    const main = parts.filter((p) => p.cost > 0).sort((a, b) => b.cost - a.cost).slice(0, 2);
    return `the logo is too costly to draw: an estimated ${fmt(total)} units, more than the ${fmt(MAX_SVG_COST)} (about a second of rendering) a logo may cost, mostly for ${main.map((p) => p.what).join(' and ')}; ${main[0]?.fix ?? 'simplify it'}`;
  }
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${Math.round(n) === 1 ? one : many}`;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en') : 'an unbounded number of';
}

function lowerBound(sorted: readonly Reference[], index: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.index < index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The properties that change what drawing costs. */
const COSTLY = ['style', 'stroke-dasharray', 'opacity', 'mask', 'clip-path', 'filter', 'mix-blend-mode', 'isolation'];
const NONE = new Map<string, string>();

/** Presentation attributes and `style` declarations of an element (the style wins, as in CSS). */
function properties(tag: SaxesTagNS): Map<string, string> {
  if (!COSTLY.some((name) => name in tag.attributes)) return NONE;
  const out = new Map<string, string>();
  for (const attr of Object.values(tag.attributes)) if (attr.prefix === '') out.set(attr.local.toLowerCase(), attr.value);
  const style = tag.attributes['style']?.value;
  if (style) {
    for (const declaration of style.split(';')) {
      const colon = declaration.indexOf(':');
      if (colon > 0) out.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
    }
  }
  return out;
}
