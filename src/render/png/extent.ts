/**
 * How far up and down the page an item can paint, in points. The PNG renderer draws the
 * page in horizontal strips and gives each strip only the items that reach into it, so
 * these extents must never be too small: they err on the generous side.
 */
import type { FrameItem } from '../../layout/frames.js';

export interface Extent {
  top: number;
  bottom: number;
}

/**
 * Text reaches at most an em above its baseline (accented capitals, Source Sans 3's
 * ascender is 1.024 em) and 0.3 em below (descenders); the margins cover any house font.
 */
const ABOVE_BASELINE = 1.3;
const BELOW_BASELINE = 0.6;

/** Strokes can stick out beyond half their width at miter joins (SVG's miter limit is 4). */
const STROKE_REACH = 2;

export function extentOf(item: FrameItem, pageHeight: number): Extent {
  switch (item.type) {
    case 'text':
      return { top: item.y - ABOVE_BASELINE * item.size, bottom: item.y + BELOW_BASELINE * item.size };
    case 'rect':
    case 'image': {
      const reach = item.type === 'rect' && item.stroke ? STROKE_REACH * (item.strokeWidth ?? 1) : 0;
      return { top: item.y - reach, bottom: item.y + item.height + reach };
    }
    case 'path': {
      const ys = pathExtent(item.d);
      if (!ys) return { top: 0, bottom: pageHeight };
      const reach = item.stroke ? STROKE_REACH * (item.strokeWidth ?? 1) : 0;
      return { top: ys.top - reach, bottom: ys.bottom + reach };
    }
  }
}

/** Number of arguments per command letter. */
const ARITY: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };

/**
 * Vertical extent of SVG path data: every end and control point (a Bézier curve stays
 * inside its control points' hull) and arcs widened by twice their larger radius (an arc
 * never strays further than that from its start). Undefined for data it cannot read, which
 * the caller treats as the whole page.
 */
export function pathExtent(d: string): Extent | undefined {
  const tokens = d.match(/[a-zA-Z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g);
  if (!tokens || !/^[mM]$/.test(tokens[0]!)) return undefined;
  let top = Infinity;
  let bottom = -Infinity;
  const see = (y: number, reach = 0) => {
    top = Math.min(top, y - reach);
    bottom = Math.max(bottom, y + reach);
  };
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let i = 0;
  let command = '';
  while (i < tokens.length) {
    if (/^[a-zA-Z]$/.test(tokens[i]!)) command = tokens[i++]!;
    const lower = command.toLowerCase();
    const arity = ARITY[lower];
    if (arity === undefined) return undefined;
    const relative = command === lower;
    if (arity === 0) {
      x = startX;
      y = startY;
      continue;
    }
    const args = tokens.slice(i, i + arity).map(Number);
    if (args.length < arity || args.some((n) => !Number.isFinite(n))) return undefined;
    i += arity;
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (lower) {
      case 'h':
        x = ox + args[0]!;
        break;
      case 'v':
        y = oy + args[0]!;
        break;
      case 'a': {
        const reach = 2 * Math.max(Math.abs(args[0]!), Math.abs(args[1]!));
        see(y, reach);
        x = ox + args[5]!;
        y = oy + args[6]!;
        see(y, reach);
        break;
      }
      default:
        // Pairs of coordinates: control points first, the end point last.
        for (let k = 1; k < arity; k += 2) see(oy + args[k]!);
        x = ox + args[arity - 2]!;
        y = oy + args[arity - 1]!;
    }
    see(y);
    if (lower === 'm') {
      startX = x;
      startY = y;
      // Further pairs after a moveto are linetos (of the same relativity).
      command = relative ? 'l' : 'L';
    }
  }
  return Number.isFinite(top) ? { top, bottom } : undefined;
}
