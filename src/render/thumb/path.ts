/**
 * SVG path data flattened to polygons (lists of points), for the thumbnail rasteriser.
 * Curves and arcs become straight pieces fine enough for a picture a few hundred pixels
 * wide; the frames' paths are the layout's own (icons, badges, QR codes), never a logo's.
 */
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
        current.push(...arc(x, y, rx, ry, rotation, large !== 0, sweep !== 0, ex, ey));
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

/** An elliptical arc (SVG endpoint form, implementation notes F.6) as points after the start. */
function arc(x1: number, y1: number, rx: number, ry: number, degrees: number, large: boolean, sweep: boolean, x2: number, y2: number): Point[] {
  if (rx === 0 || ry === 0) return [[x2, y2]];
  const phi = (degrees * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (x1 - x2) / 2;
  const dy = (y1 - y2) / 2;
  const x1p = cos * dx + sin * dy;
  const y1p = -sin * dx + cos * dy;
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  const scale = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
  const den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
  const factor = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (factor * rx * y1p) / ry;
  const cyp = (-factor * ry * x1p) / rx;
  const centreX = cos * cxp - sin * cyp + (x1 + x2) / 2;
  const centreY = sin * cxp + cos * cyp + (y1 + y2) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number) => Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const start = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
  let delta = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const pieces = Math.max(2, Math.ceil((Math.abs(delta) / (Math.PI / 2)) * PIECES));
  const out: Point[] = [];
  for (let k = 1; k <= pieces; k++) {
    const t = start + (delta * k) / pieces;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    out.push([cos * ex - sin * ey + centreX, sin * ex + cos * ey + centreY]);
  }
  return out;
}
