/**
 * A small RGB canvas with anti-aliased fills: rectangles exactly (area coverage at their
 * fractional edges), polygons by the non-zero rule with four sub-rows a pixel row, and RGBA
 * images composited at whole pixels. Integer arithmetic on the pixels and a fixed order of
 * operations: the same frames give the same bytes on every machine.
 */
import type { Point } from './path.js';

const SUB_ROWS = 4;

export type Rgb = readonly [number, number, number];

export function hexColour(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

export class Canvas {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }

  /** Mixes `colour` into pixel (x, y) by `amount` (0–1). */
  private blend(x: number, y: number, colour: Rgb, amount: number): void {
    if (amount <= 0) return;
    const a = Math.min(1, amount);
    const i = (y * this.width + x) * 3;
    for (let c = 0; c < 3; c++) this.pixels[i + c] = Math.round(this.pixels[i + c]! * (1 - a) + colour[c]! * a);
  }

  /** A rectangle in pixel coordinates, edges anti-aliased by how much of each pixel they cover. */
  fillRect(x0: number, y0: number, x1: number, y1: number, colour: Rgb, alpha = 1): void {
    const left = Math.max(0, x0);
    const right = Math.min(this.width, x1);
    const top = Math.max(0, y0);
    const bottom = Math.min(this.height, y1);
    if (right <= left || bottom <= top) return;
    for (let y = Math.floor(top); y < Math.ceil(bottom); y++) {
      const cy = Math.min(bottom, y + 1) - Math.max(top, y);
      for (let x = Math.floor(left); x < Math.ceil(right); x++) {
        const cx = Math.min(right, x + 1) - Math.max(left, x);
        this.blend(x, y, colour, cx * cy * alpha);
      }
    }
  }

  /**
   * Polygons (already in pixel coordinates) filled together by the non-zero winding rule.
   * Edges are sorted by their top, so each row looks only at the edges that cross it (a QR
   * code is hundreds of little squares), and only the columns they span are touched.
   */
  fillPolygons(polygons: readonly (readonly Point[])[], colour: Rgb, alpha = 1): void {
    const edges: Array<{ top: number; bottom: number; x: number; slope: number; dir: number }> = [];
    let left = Infinity;
    let right = -Infinity;
    for (const p of polygons) {
      for (let k = 0; k < p.length; k++) {
        const [ax, ay] = p[k]!;
        const [bx, by] = p[(k + 1) % p.length]!;
        left = Math.min(left, ax);
        right = Math.max(right, ax);
        if (ay === by) continue;
        const down = by > ay;
        const [tx, ty, , uy] = down ? [ax, ay, bx, by] : [bx, by, ax, ay];
        edges.push({ top: ty, bottom: uy, x: tx, slope: (bx - ax) / (by - ay), dir: down ? 1 : -1 });
      }
    }
    if (edges.length === 0) return;
    edges.sort((a, b) => a.top - b.top);
    const top = Math.max(0, Math.floor(edges[0]!.top));
    const bottom = Math.min(this.height, Math.ceil(Math.max(...edges.map((e) => e.bottom))));
    const x0 = Math.max(0, Math.floor(left));
    const x1 = Math.min(this.width, Math.ceil(right));
    if (bottom <= top || x1 <= x0) return;
    const coverage = new Float64Array(x1 - x0);
    const crossings: Array<{ x: number; dir: number }> = [];
    let active: typeof edges = [];
    let next = 0;
    for (let row = top; row < bottom; row++) {
      while (next < edges.length && edges[next]!.top < row + 1) active.push(edges[next++]!);
      active = active.filter((e) => e.bottom > row);
      if (active.length < 2) continue;
      coverage.fill(0);
      let touched = false;
      for (let s = 0; s < SUB_ROWS; s++) {
        const sy = row + (s + 0.5) / SUB_ROWS;
        crossings.length = 0;
        for (const e of active) if (sy >= e.top && sy < e.bottom) crossings.push({ x: e.x + (sy - e.top) * e.slope, dir: e.dir });
        if (crossings.length < 2) continue;
        crossings.sort((a, b) => a.x - b.x);
        let winding = 0;
        for (let k = 0; k < crossings.length - 1; k++) {
          winding += crossings[k]!.dir;
          if (winding === 0) continue;
          const xa = Math.max(x0, crossings[k]!.x);
          const xb = Math.min(x1, crossings[k + 1]!.x);
          for (let x = Math.floor(xa); x < Math.ceil(xb); x++) {
            coverage[x - x0]! += (Math.min(xb, x + 1) - Math.max(xa, x)) / SUB_ROWS;
            touched = true;
          }
        }
      }
      if (!touched) continue;
      for (let x = x0; x < x1; x++) if (coverage[x - x0]! > 0) this.blend(x, row, colour, coverage[x - x0]! * alpha);
    }
  }

  /** A polyline stroked `width` pixels wide: each segment a quad, all filled at once. */
  strokePolyline(points: readonly Point[], width: number, colour: Rgb, closed: boolean): void {
    const quads: Point[][] = [];
    const n = closed ? points.length : points.length - 1;
    for (let k = 0; k < n; k++) {
      const [ax, ay] = points[k]!;
      const [bx, by] = points[(k + 1) % points.length]!;
      const length = Math.hypot(bx - ax, by - ay);
      if (length === 0) continue;
      const nx = (-(by - ay) / length) * (width / 2);
      const ny = ((bx - ax) / length) * (width / 2);
      quads.push([
        [ax + nx, ay + ny],
        [bx + nx, by + ny],
        [bx - nx, by - ny],
        [ax - nx, ay - ny],
      ]);
    }
    this.fillPolygons(quads, colour);
  }

  /** An RGBA raster (`width` × `height`) with its top left corner at pixel (x, y). */
  drawImage(rgba: Uint8Array, width: number, height: number, x: number, y: number): void {
    for (let row = 0; row < height; row++) {
      const py = y + row;
      if (py < 0 || py >= this.height) continue;
      for (let col = 0; col < width; col++) {
        const px = x + col;
        if (px < 0 || px >= this.width) continue;
        const i = (row * width + col) * 4;
        this.blend(px, py, [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!], rgba[i + 3]! / 255);
      }
    }
  }
}
