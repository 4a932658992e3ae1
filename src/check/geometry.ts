/**
 * Boxes of what the frames draw, in page points (y downwards), for the checks after layout.
 * A text item has two: its extent (ascender to descender, what must stay on the paper) and
 * its core (baseline to cap height, where digits and capitals are: what must not be covered
 * or overprinted). The core leaves out the descenders, so a link's underline or the next
 * line's panel slice beneath a line does not count as covering it.
 */
import type { FrameItem, PathItem, TextItem } from '../layout/frames.js';
import { fontById } from '../layout/text/index.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Shares {
  ascent: number;
  descent: number;
  cap: number;
}

const byFont = new Map<string, Shares>();

/** Metrics as shares of the size, for fonts the frames name (Source Sans 3's when unknown). */
function shares(font: string): Shares {
  let m = byFont.get(font);
  if (m) return m;
  const f = fontById(font);
  m = f ? { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm, cap: (f.capHeight || f.ascent * 0.7) / f.unitsPerEm } : { ascent: 1.024, descent: 0.4, cap: 0.66 };
  byFont.set(font, m);
  return m;
}

/** The text's visible width: a trailing space is part of the item but draws nothing. */
function inkWidth(t: TextItem): number {
  const trimmed = t.text.replace(/\s+$/, '');
  if (trimmed === t.text || t.text.length === 0) return t.width;
  return (t.width * trimmed.length) / t.text.length;
}

export function textExtent(t: TextItem): Box {
  const m = shares(t.font);
  return { x0: t.x, y0: t.y - m.ascent * t.size, x1: t.x + inkWidth(t), y1: t.y + m.descent * t.size };
}

export function textCore(t: TextItem): Box {
  const m = shares(t.font);
  return { x0: t.x, y0: t.y - m.cap * t.size, x1: t.x + inkWidth(t), y1: t.y };
}

/** How far two boxes overlap in each direction (negative: apart). */
export function overlap(a: Box, b: Box): { x: number; y: number } {
  return { x: Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0), y: Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) };
}

/** Overlapping by more than `tolerance` points both ways. */
export function intersects(a: Box, b: Box, tolerance = 0.5): boolean {
  const o = overlap(a, b);
  return o.x > tolerance && o.y > tolerance;
}

const pathBoxes = new WeakMap<PathItem, Box | undefined>();

/** What a non-text item paints over, or undefined when it paints nothing (no fill, no stroke). */
export function paintBox(item: FrameItem): Box | undefined {
  switch (item.type) {
    case 'rect': {
      if (!item.fill && !item.stroke) return undefined;
      const w = item.stroke ? (item.strokeWidth ?? 1) / 2 : 0;
      return { x0: item.x - w, y0: item.y - w, x1: item.x + item.width + w, y1: item.y + item.height + w };
    }
    case 'image':
      return { x0: item.x, y0: item.y, x1: item.x + item.width, y1: item.y + item.height };
    case 'path': {
      if (!item.fill && !item.stroke) return undefined;
      // A QR code is one long path, and the contact check asks for it once per value.
      let box = pathBoxes.get(item);
      if (!pathBoxes.has(item)) {
        box = pathBox(item.d);
        pathBoxes.set(item, box);
      }
      if (!box) return undefined;
      const w = item.stroke ? (item.strokeWidth ?? 1) / 2 : 0;
      return { x0: box.x0 - w, y0: box.y0 - w, x1: box.x1 + w, y1: box.y1 + w };
    }
    case 'text':
      return undefined;
  }
}

const ARITY: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, S: 4, Q: 4, T: 2, A: 7, Z: 0 };

/** Commands and numbers of a path, scanned by hand: a QR code is one path of some 5 KB. */
function tokens(d: string): Array<string | number> {
  const out: Array<string | number> = [];
  let i = 0;
  const n = d.length;
  while (i < n) {
    const c = d.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (c === 101 || c === 69) break; // a stray exponent: not a path we draw
      out.push(d[i]!);
      i++;
      continue;
    }
    if ((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46) {
      // Sign, digits, fraction; an exponent (which our paths never write) via Number().
      const start = i;
      const sign = c === 45 ? -1 : 1;
      if (c === 45 || c === 43) i++;
      let value = 0;
      let scale = 0;
      while (i < n) {
        const k = d.charCodeAt(i);
        if (k >= 48 && k <= 57) {
          value = value * 10 + (k - 48);
          if (scale) scale *= 10;
          i++;
        } else if (k === 46 && !scale) {
          scale = 1;
          i++;
        } else break;
      }
      if (i < n && (d.charCodeAt(i) === 101 || d.charCodeAt(i) === 69)) {
        i++;
        if (d[i] === '-' || d[i] === '+') i++;
        while (i < n && d.charCodeAt(i) >= 48 && d.charCodeAt(i) <= 57) i++;
        out.push(Number(d.slice(start, i)));
        continue;
      }
      out.push((sign * value) / (scale || 1));
      continue;
    }
    i++; // separators: spaces and commas
  }
  return out;
}

/**
 * The bounding box of an SVG path: every end and control point (a Bézier curve lies in the
 * hull of its control points), and for an arc the box of its whole ellipse.
 */
export function pathBox(d: string): Box | undefined {
  const toks = tokens(d);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number) => {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  };
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let cmd = '';
  let i = 0;
  while (i < toks.length) {
    const tok = toks[i]!;
    if (typeof tok === 'string') {
      cmd = tok;
      i++;
      if (cmd === 'Z' || cmd === 'z') {
        cx = sx;
        cy = sy;
        add(cx, cy);
        continue;
      }
    }
    const upper = cmd.toUpperCase();
    const n = ARITY[upper];
    if (n === undefined || n === 0 || i + n > toks.length) break;
    let ok = true;
    for (let k = i; k < i + n; k++) if (typeof toks[k] !== 'number') ok = false;
    if (!ok) break;
    const num = toks as number[];
    const at = i;
    i += n;
    const rel = cmd !== upper;
    const ox = rel ? cx : 0;
    const oy = rel ? cy : 0;
    switch (upper) {
      case 'H':
        cx = ox + num[at]!;
        break;
      case 'V':
        cy = oy + num[at]!;
        break;
      case 'A': {
        const ex = ox + num[at + 5]!;
        const ey = oy + num[at + 6]!;
        arcBox(cx, cy, Math.abs(num[at]!), Math.abs(num[at + 1]!), num[at + 2]!, num[at + 3] !== 0, num[at + 4] !== 0, ex, ey, add);
        cx = ex;
        cy = ey;
        break;
      }
      default:
        for (let k = 0; k + 1 < n; k += 2) add(ox + num[at + k]!, oy + num[at + k + 1]!);
        cx = ox + num[at + n - 2]!;
        cy = oy + num[at + n - 1]!;
    }
    add(cx, cy);
    if (upper === 'M') {
      sx = cx;
      sy = cy;
      // Further pairs after a moveto are linetos.
      cmd = rel ? 'l' : 'L';
    }
  }
  return x0 === Infinity ? undefined : { x0, y0, x1, y1 };
}

/** The box of the ellipse an arc lies on (SVG 1.1 F.6.5); conservative when rotated. */
function arcBox(
  x1: number,
  y1: number,
  rx: number,
  ry: number,
  rotation: number,
  large: boolean,
  sweep: boolean,
  x2: number,
  y2: number,
  add: (x: number, y: number) => void,
): void {
  add(x1, y1);
  add(x2, y2);
  if (rx === 0 || ry === 0) return;
  if (rotation % 180 !== 0) {
    const r = Math.max(rx, ry) * 2;
    for (const [x, y] of [[x1, y1], [x2, y2]] as const) {
      add(x - r, y - r);
      add(x + r, y + r);
    }
    return;
  }
  const hx = (x1 - x2) / 2;
  const hy = (y1 - y2) / 2;
  const lambda = (hx * hx) / (rx * rx) + (hy * hy) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * hy * hy - ry * ry * hx * hx;
  const den = rx * rx * hy * hy + ry * ry * hx * hx;
  const coef = (large !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, den === 0 ? 0 : num / den));
  const cx = (coef * rx * hy) / ry + (x1 + x2) / 2;
  const cy = (-coef * ry * hx) / rx + (y1 + y2) / 2;
  add(cx - rx, cy - ry);
  add(cx + rx, cy + ry);
}
