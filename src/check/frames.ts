/**
 * The frames-level check after layout, whatever the kind: every text item lies inside its
 * page's printable area, no two text items overprint each other, and no shape or image
 * painted later covers text. The layouts already measure every box; this is what catches a
 * box they forgot. A problem here is an error, and no file is written.
 */
import type { Frames, Page, TextItem } from '../layout/frames.js';
import { mm } from '../layout/units.js';
import { intersects, overlap, paintBox, textCore, textExtent, type Box } from './geometry.js';

/** Office and print-shop printers leave the outer few millimetres blank. */
export const PRINTABLE_INSET = mm(5);

export interface FrameProblem {
  /** 0-based. */
  page: number;
  kind: 'off-page' | 'overlap' | 'covered';
  text: TextItem;
  /** The other text (overlap), or what covers it (covered). */
  other?: string;
  /** Points outside the printable area (off-page). */
  by?: number;
}

export function printableArea(frames: Pick<Frames, 'width' | 'height'>): Box {
  return { x0: PRINTABLE_INSET, y0: PRINTABLE_INSET, x1: frames.width - PRINTABLE_INSET, y1: frames.height - PRINTABLE_INSET };
}

/** How far a text item reaches outside the printable area (0: inside). */
export function outside(t: TextItem, area: Box): number {
  const e = textExtent(t);
  return Math.max(0, area.x0 - e.x0, area.y0 - e.y0, e.x1 - area.x1, e.y1 - area.y1);
}

export const TOLERANCE = 0.5;

export interface PlacedText {
  item: TextItem;
  core: Box;
  /** Position in the page's drawing order. */
  index: number;
}

export interface Painted {
  box: Box;
  type: string;
  index: number;
}

/** A page's text cores and painted boxes, computed once for both checks. */
export interface PageIndex {
  texts: PlacedText[];
  paints: Painted[];
}

export function indexPage(page: Page): PageIndex {
  const index: PageIndex = { texts: [], paints: [] };
  page.items.forEach((item, i) => {
    if (item.type === 'text') {
      if (item.text.trim() !== '') index.texts.push({ item, core: textCore(item), index: i });
      return;
    }
    const box = paintBox(item);
    if (box) index.paints.push({ box, type: item.type, index: i });
  });
  return index;
}

const BAND = 24;

/** Pairs of (text, later painted item) that cover it, found through bands of the page's height. */
export function covered(index: PageIndex): Array<[PlacedText, Painted]> {
  const bands = new Map<number, PlacedText[]>();
  for (const t of index.texts) {
    for (let b = Math.floor(t.core.y0 / BAND); b <= Math.floor(t.core.y1 / BAND); b++) {
      const list = bands.get(b);
      if (list) list.push(t);
      else bands.set(b, [t]);
    }
  }
  const out: Array<[PlacedText, Painted]> = [];
  for (const p of index.paints) {
    const seen = new Set<PlacedText>();
    for (let b = Math.floor(p.box.y0 / BAND); b <= Math.floor(p.box.y1 / BAND); b++) {
      for (const t of bands.get(b) ?? []) {
        if (t.index > p.index || seen.has(t)) continue;
        seen.add(t);
        if (intersects(t.core, p.box, TOLERANCE)) out.push([t, p]);
      }
    }
  }
  return out.sort((a, b) => a[0].index - b[0].index || a[1].index - b[1].index);
}

/** `indexes`: the pages indexed once for this check and the contact check. */
export function checkFrames(frames: Frames, indexes: readonly PageIndex[] = frames.pages.map(indexPage)): FrameProblem[] {
  const problems: FrameProblem[] = [];
  const area = printableArea(frames);
  indexes.forEach((index, p) => {
    for (const { item } of index.texts) {
      const by = outside(item, area);
      if (by > TOLERANCE) problems.push({ page: p, kind: 'off-page', text: item, by });
    }
    for (const [t, paint] of covered(index)) problems.push({ page: p, kind: 'covered', text: t.item, other: paint.type });
    for (const [a, b] of overprinted(index.texts)) problems.push({ page: p, kind: 'overlap', text: a, other: b.text });
  });
  return problems;
}

/** Pairs of text items whose cores overlap: a sweep down the page, so not every pair is compared. */
export function overprinted(texts: readonly PlacedText[]): Array<[TextItem, TextItem]> {
  const sorted = [...texts].sort((a, b) => a.core.y0 - b.core.y0);
  const pairs: Array<[TextItem, TextItem]> = [];
  const active: PlacedText[] = [];
  for (const t of sorted) {
    for (let i = active.length - 1; i >= 0; i--) if (active[i]!.core.y1 <= t.core.y0 + TOLERANCE) active.splice(i, 1);
    for (const a of active) {
      const o = overlap(a.core, t.core);
      if (o.x > TOLERANCE && o.y > TOLERANCE) pairs.push([a.item, t.item]);
    }
    active.push(t);
  }
  return pairs;
}
