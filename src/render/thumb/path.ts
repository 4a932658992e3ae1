/**
 * SVG path data flattened to polygons (lists of points), for the thumbnail rasteriser.
 * Curves and arcs become straight pieces fine enough for a picture a few hundred pixels
 * wide; the frames' paths are the layout's own (icons, badges, QR codes), never a logo's.
 */
import { arcPoints } from '../../assets/svg-path.js';

export type Point = readonly [number, number];

const TOKEN = /[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;

/** Pieces per curve or arc: enough at thumbnail scale, where a badge is a few pixels across. */
const PIECES = 8;

export function flattenPath(d: string): Point[][] {
  const tokens = d.match(TOKEN) ?? [];
  const polygons: Point[][] = [];
  let current: Point[] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point, for the smooth forms (S, T).
  let cx = 0;
  let cy = 0;
  let command = '';
  let i = 0;
  const num = () => Number(tokens[i++]);
  const hasNumber = () => i < tokens.length && !/^[A-Za-z]$/.test(tokens[i]!);
  const close = () => {
    if (current.length > 1) polygons.push(current);
    current = [];
  };
  const cubic = (x1: number, y1: number, x2: number, y2: number, ex: number, ey: number) => {
    for (let k = 1; k <= PIECES; k++) {
      const t = k / PIECES;
      const u = 1 - t;
      current.push([u * u * u * x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * ex, u * u * u * y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * ey]);
    }
    cx = x2;
    cy = y2;
    x = ex;
    y = ey;
  };
  const quadratic = (x1: number, y1: number, ex: number, ey: number) => {
    for (let k = 1; k <= PIECES; k++) {
      const t = k / PIECES;
      const u = 1 - t;
      current.push([u * u * x + 2 * u * t * x1 + t * t * ex, u * u * y + 2 * u * t * y1 + t * t * ey]);
    }
    cx = x1;
    cy = y1;
    x = ex;
    y = ey;
  };
  while (i < tokens.length) {
    if (!hasNumber()) command = tokens[i++]!;
    const rel = command === command.toLowerCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    switch (command.toUpperCase()) {
      case 'M': {
        close();
        x = ox + num();
        y = oy + num();
        startX = x;
        startY = y;
        current.push([x, y]);
        // Further pairs after a moveto are linetos.
        command = rel ? 'l' : 'L';
        break;
      }
      case 'L':
        x = ox + num();
        y = oy + num();
        current.push([x, y]);
        break;
      case 'H':
        x = ox + num();
        current.push([x, y]);
        break;
      case 'V':
        y = oy + num();
        current.push([x, y]);
        break;
      case 'C': {
        const [x1, y1, x2, y2, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num(), ox + num(), oy + num()];
        cubic(x1, y1, x2, y2, ex, ey);
        continue;
      }
      case 'S': {
        const [x2, y2, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num()];
        cubic(2 * x - cx, 2 * y - cy, x2, y2, ex, ey);
        continue;
      }
      case 'Q': {
        const [x1, y1, ex, ey] = [ox + num(), oy + num(), ox + num(), oy + num()];
        quadratic(x1, y1, ex, ey);
        continue;
      }
      case 'T': {
        const [ex, ey] = [ox + num(), oy + num()];
        quadratic(2 * x - cx, 2 * y - cy, ex, ey);
        continue;
      }
      case 'A': {
        const [rx, ry, rotation, large, sweep, ex, ey] = [num(), num(), num(), num(), num(), ox + num(), oy + num()];
        // The same points the asset gate follows an arc by (its first pair is the start).
        const xy = arcPoints(x, y, rx, ry, rotation, large !== 0, sweep !== 0, ex, ey);
        for (let k = 2; k + 1 < xy.length; k += 2) current.push([xy[k]!, xy[k + 1]!]);
        x = ex;
        y = ey;
        break;
      }
      case 'Z':
        x = startX;
        y = startY;
        close();
        break;
      default:
        // Not path data the layout writes: stop rather than guess.
        i = tokens.length;
    }
    cx = x;
    cy = y;
  }
  close();
  return polygons;
}
