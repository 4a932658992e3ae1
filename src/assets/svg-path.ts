/**
 * Path data (`d`, and the `points` of polylines and polygons) read the way librsvg reads it,
 * for what it costs to fill or stroke: the number of segments, and a bound on how many
 * pairs of them can cross. Rasterising a path costs time in proportion to the crossings
 * among its edges (cairo sorts its active edges again at every one of them): 20,000 long
 * random strokes in one `<path>` took 68 s, while 20,000 short segments tracing an outline
 * take a tenth of a second. Two segments that cross share a cell of any grid laid over the
 * path, so with the path's segments counted per cell of a grid over its bounding box,
 * Σ n(n−1)/2 over the cells bounds the crossing pairs. The grid follows the path's own
 * coordinates, so no transform changes the bound (an affine map keeps every crossing).
 */

export interface PathCost {
  /** Drawing commands (a line, curve or arc each; a closing `Z` too). */
  segments: number;
  /** Upper bound on the pairs of segments that can cross (pairs sharing a grid cell). */
  crossings: number;
  /** Length in user units; for curves the length of the control polygon, which is never less. */
  length: number;
}

/** Curves are followed in at most this many straight pieces to find the cells they pass. */
const MAX_PIECES = 16;
/**
 * Up to this many segments every pair is simply counted as crossing (at most 2,016 pairs,
 * nothing against the budget): most paths of a logo are this small, and the grid is not
 * worth laying for them.
 */
const SMALL_PATH = 64;

const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SEPARATOR = /[\s,]*/y;

class Reader {
  private at = 0;
  constructor(private readonly text: string) {}

  skip(): void {
    SEPARATOR.lastIndex = this.at;
    SEPARATOR.exec(this.text);
    this.at = SEPARATOR.lastIndex;
  }

  done(): boolean {
    this.skip();
    return this.at >= this.text.length;
  }

  command(): string | undefined {
    this.skip();
    const c = this.text[this.at];
    if (c !== undefined && /[MmLlHhVvCcSsQqTtAaZz]/.test(c)) {
      this.at++;
      return c;
    }
    return undefined;
  }

  /** A number, or undefined (at a command letter, the end, or garbage). */
  number(): number | undefined {
    this.skip();
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.text);
    if (!m) return undefined;
    const n = Number(m[0]);
    if (!Number.isFinite(n)) return undefined;
    this.at = NUMBER.lastIndex;
    return n;
  }

  /** An arc flag: a single 0 or 1, which may stand without a separator ("a1 1 0 00 5 5"). */
  flag(): number | undefined {
    this.skip();
    const c = this.text[this.at];
    if (c !== '0' && c !== '1') return undefined;
    this.at++;
    return c === '1' ? 1 : 0;
  }
}

/** One segment as the points that bound it (end points, control points, or an arc's samples). */
type Outline = number[];

/**
 * A piece of path data as read: a subpath's start, or a drawn segment with the points that
 * bound it — a line or closing line (its two ends), a curve (start, control points, end: 6
 * numbers for a quadratic, 8 for a cubic), or an arc (its samples, see arcPoints). The
 * asset gate counts the drawn segments; the thumbnail fills the subpaths.
 */
export type PathSegment = { kind: 'move'; x: number; y: number } | { kind: 'line' | 'close' | 'curve' | 'arc'; points: Outline };

/** Segments of path data; parsing stops at the first error, as librsvg's does. */
function pathOutlines(d: string): Outline[] {
  const out: Outline[] = [];
  for (const segment of pathSegments(d)) if (segment.kind !== 'move') out.push(segment.points);
  return out;
}

/** The path data read into segments, as far as it is valid. */
export function pathSegments(d: string): PathSegment[] {
  const r = new Reader(d);
  const out: PathSegment[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let lastControl: [number, number] | undefined;
  let lastCommand = '';
  let command: string | undefined;
  let first = true;
  while (!r.done()) {
    const explicit = r.command();
    if (explicit) command = explicit;
    else if (command === undefined || command === 'Z' || command === 'z') return out;
    else if (command === 'M') command = 'L';
    else if (command === 'm') command = 'l';
    if (first && command !== 'M' && command !== 'm') return out;
    first = false;
    const rel = command === command!.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    const nums = (n: number): number[] | undefined => {
      const v: number[] = [];
      for (let i = 0; i < n; i++) {
        const k = r.number();
        if (k === undefined) return undefined;
        v.push(k);
      }
      return v;
    };
    const upper = command!.toUpperCase();
    let control: [number, number] | undefined;
    switch (upper) {
      case 'M': {
        const p = nums(2);
        if (!p) return out;
        x = ox + p[0]!;
        y = oy + p[1]!;
        startX = x;
        startY = y;
        out.push({ kind: 'move', x, y });
        break;
      }
      case 'Z':
        out.push({ kind: 'close', points: [x, y, startX, startY] });
        x = startX;
        y = startY;
        break;
      case 'L':
      case 'H':
      case 'V': {
        const p = nums(upper === 'L' ? 2 : 1);
        if (!p) return out;
        const nx = upper === 'V' ? x : ox + p[0]!;
        const ny = upper === 'H' ? y : upper === 'V' ? oy + p[0]! : oy + p[1]!;
        out.push({ kind: 'line', points: [x, y, nx, ny] });
        [x, y] = [nx, ny];
        break;
      }
      case 'C':
      case 'S': {
        const p = nums(upper === 'C' ? 6 : 4);
        if (!p) return out;
        const reflected = /[CcSs]/.test(lastCommand) && lastControl ? [2 * x - lastControl[0], 2 * y - lastControl[1]] : [x, y];
        const [c1x, c1y] = upper === 'C' ? [ox + p[0]!, oy + p[1]!] : reflected;
        const rest = upper === 'C' ? p.slice(2) : p;
        const c2x = ox + rest[0]!;
        const c2y = oy + rest[1]!;
        const nx = ox + rest[2]!;
        const ny = oy + rest[3]!;
        out.push({ kind: 'curve', points: [x, y, c1x!, c1y!, c2x, c2y, nx, ny] });
        control = [c2x, c2y];
        [x, y] = [nx, ny];
        break;
      }
      case 'Q':
      case 'T': {
        const p = nums(upper === 'Q' ? 4 : 2);
        if (!p) return out;
        const reflected = /[QqTt]/.test(lastCommand) && lastControl ? [2 * x - lastControl[0], 2 * y - lastControl[1]] : [x, y];
        const [cx, cy] = upper === 'Q' ? [ox + p[0]!, oy + p[1]!] : reflected;
        const nx = ox + p[upper === 'Q' ? 2 : 0]!;
        const ny = oy + p[upper === 'Q' ? 3 : 1]!;
        out.push({ kind: 'curve', points: [x, y, cx!, cy!, nx, ny] });
        control = [cx!, cy!];
        [x, y] = [nx, ny];
        break;
      }
      case 'A': {
        const p: number[] = [];
        for (const read of ['n', 'n', 'n', 'f', 'f', 'n', 'n']) {
          const v = read === 'n' ? r.number() : r.flag();
          if (v === undefined) return out;
          p.push(v);
        }
        const nx = ox + p[5]!;
        const ny = oy + p[6]!;
        out.push({ kind: 'arc', points: arcPoints(x, y, p[0]!, p[1]!, p[2]!, p[3]! === 1, p[4]! === 1, nx, ny) });
        [x, y] = [nx, ny];
        break;
      }
    }
    lastControl = control;
    lastCommand = command!;
  }
  return out;
}

/** Points along an elliptical arc (SVG implementation notes, F.6.5), as a polyline from its start, x and y in turn. */
export function arcPoints(x1: number, y1: number, rx: number, ry: number, angle: number, large: boolean, sweep: boolean, x2: number, y2: number): Outline {
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  if (rx === 0 || ry === 0 || (x1 === x2 && y1 === y2)) return [x1, y1, x2, y2];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const px = cos * dx + sin * dy;
  const py = -sin * dx + cos * dy;
  const scale = (px * px) / (rx * rx) + (py * py) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const num = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px;
  const den = rx * rx * py * py + ry * ry * px * px;
  const k = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (k * rx * py) / ry;
  const cyp = (-k * ry * px) / rx;
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const start = Math.atan2((py - cyp) / ry, (px - cxp) / rx);
  let delta = Math.atan2((-py - cyp) / ry, (-px - cxp) / rx) - start;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  const out: Outline = [];
  const steps = MAX_PIECES;
  for (let i = 0; i <= steps; i++) {
    const t = start + (delta * i) / steps;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    out.push(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
  }
  return out;
}

/** `points` of a polyline or polygon: pairs of numbers; an odd one out ends the list. */
function pointOutlines(points: string, closed: boolean): Outline[] {
  const r = new Reader(points);
  const xy: number[] = [];
  for (;;) {
    const a = r.number();
    const b = a === undefined ? undefined : r.number();
    if (a === undefined || b === undefined) break;
    xy.push(a, b);
  }
  const out: Outline[] = [];
  for (let i = 2; i + 1 < xy.length; i += 2) out.push([xy[i - 2]!, xy[i - 1]!, xy[i]!, xy[i + 1]!]);
  if (closed && xy.length >= 4) out.push([xy[xy.length - 2]!, xy[xy.length - 1]!, xy[0]!, xy[1]!]);
  return out;
}

/** The cost of path data `d`. */
export function pathCost(d: string): PathCost {
  return outlineCost(pathOutlines(d));
}

/** The cost of a polyline's or polygon's `points`. */
export function pointsCost(points: string, closed: boolean): PathCost {
  return outlineCost(pointOutlines(points, closed));
}

/**
 * Each segment is followed through a grid over the bounding box of all of them: lines as
 * they are, curves and arcs through their points (a Bézier curve lies inside the polygon of
 * its control points; the points are cut into up to 16 pieces by length). Each cell counts
 * the segments that pass it, each segment once.
 */
function outlineCost(outlines: Outline[]): PathCost {
  const segments = outlines.length;
  let length = 0;
  for (const o of outlines) for (let i = 2; i + 1 < o.length; i += 2) length += Math.hypot(o[i]! - o[i - 2]!, o[i + 1]! - o[i - 1]!);
  if (segments <= SMALL_PATH) return { segments, crossings: (segments * (segments - 1)) / 2, length };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const o of outlines) {
    for (let i = 0; i < o.length; i += 2) {
      minX = Math.min(minX, o[i]!);
      maxX = Math.max(maxX, o[i]!);
      minY = Math.min(minY, o[i + 1]!);
      maxY = Math.max(maxY, o[i + 1]!);
    }
  }
  // Coordinates so far apart that their distance overflows: no grid, every pair may cross.
  if (!Number.isFinite(maxX - minX) || !Number.isFinite(maxY - minY)) return { segments, crossings: (segments * (segments - 1)) / 2, length: Infinity };
  const side = Math.min(512, Math.max(8, Math.round(2 * Math.sqrt(segments))));
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const cell = span / side;
  const cols = Math.max(1, Math.ceil((maxX - minX) / cell) + 1);
  const rows = Math.max(1, Math.ceil((maxY - minY) / cell) + 1);
  const counts = new Int32Array(cols * rows);
  const last = new Int32Array(cols * rows).fill(-1);
  const mark = (c: number, seg: number) => {
    if (last[c] !== seg) {
      last[c] = seg;
      counts[c]!++;
    }
  };
  outlines.forEach((o, seg) => {
    const polyline = o.length === 8 || o.length === 6 ? controlPolyline(o, cell) : o;
    for (let i = 2; i + 1 < polyline.length; i += 2) {
      walk((polyline[i - 2]! - minX) / cell, (polyline[i - 1]! - minY) / cell, (polyline[i]! - minX) / cell, (polyline[i + 1]! - minY) / cell, cols, rows, (c) => mark(c, seg));
    }
  });
  let crossings = 0;
  for (const n of counts) crossings += (n * (n - 1)) / 2;
  return { segments, crossings, length };
}

/** A Bézier curve's control polygon, closed (the curve lies inside it), in pieces no longer than a cell or so. */
function controlPolyline(o: Outline, cell: number): Outline {
  const ring = [...o, o[0]!, o[1]!];
  let length = 0;
  for (let i = 2; i < ring.length; i += 2) length += Math.hypot(ring[i]! - ring[i - 2]!, ring[i + 1]! - ring[i - 1]!);
  if (length <= cell) return ring;
  // A curve longer than a cell: follow the curve itself, cut by length, instead of its polygon.
  const pieces = Math.min(MAX_PIECES, Math.ceil(length / cell));
  const out: Outline = [];
  for (let i = 0; i <= pieces; i++) out.push(...bezierAt(o, i / pieces));
  return out;
}

function bezierAt(o: Outline, t: number): [number, number] {
  const u = 1 - t;
  if (o.length === 6) {
    return [u * u * o[0]! + 2 * u * t * o[2]! + t * t * o[4]!, u * u * o[1]! + 2 * u * t * o[3]! + t * t * o[5]!];
  }
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return [a * o[0]! + b * o[2]! + c * o[4]! + d * o[6]!, a * o[1]! + b * o[3]! + c * o[5]! + d * o[7]!];
}

/** Every grid cell the straight line from (x0, y0) to (x1, y1) passes, in cell units (Amanatides–Woo). */
function walk(x0: number, y0: number, x1: number, y1: number, cols: number, rows: number, visit: (cell: number) => void): void {
  const clamp = (v: number, n: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  let cx = clamp(x0, cols);
  let cy = clamp(y0, rows);
  const ex = clamp(x1, cols);
  const ey = clamp(y1, rows);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const stepX = Math.sign(dx);
  const stepY = Math.sign(dy);
  const tDeltaX = stepX === 0 ? Infinity : Math.abs(1 / dx);
  const tDeltaY = stepY === 0 ? Infinity : Math.abs(1 / dy);
  let tMaxX = stepX === 0 ? Infinity : ((stepX > 0 ? cx + 1 : cx) - x0) / dx;
  let tMaxY = stepY === 0 ? Infinity : ((stepY > 0 ? cy + 1 : cy) - y0) / dy;
  visit(cy * cols + cx);
  // At most one step per cell boundary crossed; the bound guards against rounding at the edges.
  for (let guard = Math.abs(ex - cx) + Math.abs(ey - cy); guard > 0 && (cx !== ex || cy !== ey); guard--) {
    if (tMaxX < tMaxY) {
      cx += stepX;
      tMaxX += tDeltaX;
    } else {
      cy += stepY;
      tMaxY += tDeltaY;
    }
    visit(clamp(cy, rows) * cols + clamp(cx, cols));
  }
}
