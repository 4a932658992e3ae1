/**
 * Templates of the one-page infographics: page format and grid in millimetres (like the
 * leaflet templates), type in points, and the few measures the panel layouts need.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTemplate, type TypeStyle } from '../template.js';
import { mm } from '../units.js';

export type InfographicName = 'task-per-moment' | 'three-layer-diagram';

export interface InfographicTemplate {
  kind: InfographicName;
  page: { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number } };
  grid: { columns: number; gutter: number };
  /** Raster outputs: print resolution and the width of the web PNG in pixels. */
  raster: { dpi: number; webWidth: number };
  /** mm: minimum height of the title band and the footer band. */
  bandHeight: number;
  footerHeight: number;
  /** pt: inner padding of panels. */
  panelPadding: number;
  /** mm: vertical space between the page's parts. */
  gap: number;
  /** Body sizes tried in order until everything fits; the last is the legible minimum. */
  bodySizes: number[];
  /** Leading as a multiple of the body size. */
  bodyLeading: number;
  type: Record<
    | 'title'
    | 'subtitle'
    | 'h2'
    | 'badge'
    | 'role'
    | 'momentName'
    | 'momentSubtitle'
    | 'small'
    | 'colophon'
    | 'footerName'
    | 'footer',
    TypeStyle
  >;
  colors: { text: string; muted: string; panelTint: number; layerTints?: number[] };
}

/** The repository's templates/ folder, found from this module in src/ and in dist/src/. */
export function defaultTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'templates', 'task-per-moment.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('templates/ not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return join(dir, 'templates');
}

export function loadInfographicTemplate(dir: string, name: InfographicName): InfographicTemplate {
  return readTemplate<InfographicTemplate>(dir, name);
}

/** Page geometry in points. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  /** The area inside the margins. */
  content: Box;
  gutter: number;
  gap: number;
  /** x and width of grid column `i` of `n` equal columns across the content width. */
  column(i: number, n?: number): { x: number; width: number };
}

export function pageGeometry(t: InfographicTemplate): PageGeometry {
  const width = mm(t.page.width);
  const height = mm(t.page.height);
  const m = t.page.margins;
  const content = { x: mm(m.left), y: mm(m.top), width: width - mm(m.left) - mm(m.right), height: height - mm(m.top) - mm(m.bottom) };
  const gutter = mm(t.grid.gutter);
  return {
    width,
    height,
    content,
    gutter,
    gap: mm(t.gap),
    column(i, n = t.grid.columns) {
      const w = (content.width - gutter * (n - 1)) / n;
      return { x: content.x + i * (w + gutter), width: w };
    },
  };
}
