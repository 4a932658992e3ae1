/**
 * SVG path data flattened to polygons (lists of points), for the thumbnail rasteriser. The
 * path data is read by the asset gate's reader (src/assets/svg-path.ts), so there is one
 * reading of path data; curves become straight pieces fine enough for a picture a few
 * hundred pixels wide, arcs the points the gate follows them by. The frames' paths are the
 * layout's own (icons, badges, QR codes), never a logo's.
 */
import { pathSegments } from '../../assets/svg-path.js';

export type Point = readonly [number, number];

/** Pieces per curve: enough at thumbnail scale, where a badge is a few pixels across. */
const PIECES = 8;

export function flattenPath(d: string): Point[][] {
  const polygons: Point[][] = [];
  let current: Point[] = [];
  const close = () => {
    if (current.length > 1) polygons.push(current);
    current = [];
  };
  for (const segment of pathSegments(d)) {
    if (segment.kind === 'move') {
      close();
      current.push([segment.x, segment.y]);
      continue;
    }
    const p = segment.points;
    switch (segment.kind) {
      case 'line':
        current.push([p[2]!, p[3]!]);
        break;
      case 'close':
        close();
        break;
      case 'curve':
        for (let k = 1; k <= PIECES; k++) current.push(curvePoint(p, k / PIECES));
        break;
      case 'arc':
        for (let k = 2; k + 1 < p.length; k += 2) current.push([p[k]!, p[k + 1]!]);
        break;
    }
  }
  close();
  return polygons;
}

/** The point at t of a quadratic (6 numbers) or cubic (8 numbers) Bézier curve. */
function curvePoint(p: readonly number[], t: number): Point {
  const u = 1 - t;
  if (p.length === 6) {
    return [u * u * p[0]! + 2 * u * t * p[2]! + t * t * p[4]!, u * u * p[1]! + 2 * u * t * p[3]! + t * t * p[5]!];
  }
  return [
    u * u * u * p[0]! + 3 * u * u * t * p[2]! + 3 * u * t * t * p[4]! + t * t * t * p[6]!,
    u * u * u * p[1]! + 3 * u * u * t * p[3]! + 3 * u * t * t * p[5]! + t * t * t * p[7]!,
  ];
}
