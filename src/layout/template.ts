/**
 * Templates are data: page format and margins in millimetres, a 12-column grid, the type
 * scale in points, colour roles. One JSON file per kind in templates/, read once per process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mm } from './units.js';

export interface TypeStyle {
  /** pt */
  size: number;
  /** pt, baseline to baseline */
  leading: number;
  /** pt, space above the block (collapses at the top of a column) */
  spaceBefore?: number;
  /** pt, space below the block */
  spaceAfter?: number;
}

export interface Template {
  /** The template's name: the file name without `.json`. */
  kind: string;
  page: {
    /** mm */
    width: number;
    height: number;
    margins: { top: number; right: number; bottom: number; left: number };
  };
  grid: { columns: number; /** mm */ gutter: number };
  /** The document must fit in this many pages; more is a `layout/overflow` error. */
  maxPages: number;
  /**
   * A tighter type scale to try when the document needs more than `pages` pages: kept only
   * if it reaches that count (e.g. the professionals' guide as a one-pager).
   */
  fit?: { pages: number; type: Partial<Template['type']> };
  /** Columns of the running text. */
  bodyColumns: number;
  /** mm: height of the cover band on page 1. */
  coverHeight: number;
  type: {
    title: TypeStyle;
    subtitle: TypeStyle;
    lead: TypeStyle;
    h2: TypeStyle;
    body: TypeStyle;
    pullquote: TypeStyle;
    small: TypeStyle;
    footer: TypeStyle;
    contact: TypeStyle;
  };
  colors: {
    /** Body text. */
    text: string;
    /** Small print, footers. */
    muted: string;
    /** Tint of the brand colour for panels (0–1, share of the colour). */
    panelTint: number;
    /** Tints for the three layers of the diagram, lightest first. */
    layerTints?: number[];
  };
}

const cache = new Map<string, { kind: string }>();

/**
 * Reads `<dir>/<name>.json` once per process. Every template names its kind; a file whose
 * kind differs from its name was copied without editing and would lay out the wrong thing.
 */
export function readTemplate<T extends { kind: string }>(dir: string, name: string): T {
  const file = join(dir, `${name}.json`);
  let t = cache.get(file);
  if (!t) {
    t = JSON.parse(readFileSync(file, 'utf8')) as T;
    if (t.kind !== name) throw new Error(`${file}: kind is "${t.kind}", expected "${name}"`);
    cache.set(file, t);
  }
  return t as T;
}

export function loadTemplate(root: string, name: string): Template {
  return readTemplate<Template>(root, name);
}

/** Page geometry in points, derived from a template's millimetres. */
export interface Geometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Usable width between the margins. */
  measure: number;
  gutter: number;
  /** Width of `n` grid columns including the gutters between them. */
  span(n: number): number;
  /** x of grid column `i` (0-based). */
  col(i: number): number;
}

export function geometry(t: Template): Geometry {
  const width = mm(t.page.width);
  const height = mm(t.page.height);
  const left = mm(t.page.margins.left);
  const right = width - mm(t.page.margins.right);
  const top = mm(t.page.margins.top);
  const bottom = height - mm(t.page.margins.bottom);
  const gutter = mm(t.grid.gutter);
  const measure = right - left;
  const colWidth = (measure - gutter * (t.grid.columns - 1)) / t.grid.columns;
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    measure,
    gutter,
    span: (n) => n * colWidth + (n - 1) * gutter,
    col: (i) => left + i * (colWidth + gutter),
  };
}
