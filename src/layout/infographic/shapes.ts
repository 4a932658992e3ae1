/**
 * The infographics' vector icons, as frame items in page coordinates. They are decoration:
 * no structure node, so the PDF marks them as artifacts and screen readers skip them.
 */
import type { PathItem, RectItem } from '../frames.js';

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A filled disc (a rect with full radius, which every renderer draws as a circle). */
export function disc(cx: number, cy: number, diameter: number, fill: string): RectItem {
  return { type: 'rect', x: cx - diameter / 2, y: cy - diameter / 2, width: diameter, height: diameter, radius: diameter / 2, fill };
}

/** A check mark inside a box of `size` whose top-left corner is (x, y). */
export function checkMark(x: number, y: number, size: number, stroke: string): PathItem {
  const p = (fx: number, fy: number) => `${r2(x + fx * size)} ${r2(y + fy * size)}`;
  return { type: 'path', d: `M${p(0.08, 0.52)}L${p(0.38, 0.8)}L${p(0.92, 0.2)}`, stroke, strokeWidth: r2(size * 0.16) };
}

/** A right-pointing chevron centred on (cx, cy): the direction of reading between moments. */
export function chevron(cx: number, cy: number, size: number, stroke: string): PathItem {
  const p = (fx: number, fy: number) => `${r2(cx + fx * size)} ${r2(cy + fy * size)}`;
  return { type: 'path', d: `M${p(-0.25, -0.5)}L${p(0.25, 0)}L${p(-0.25, 0.5)}`, stroke, strokeWidth: r2(size * 0.22) };
}
