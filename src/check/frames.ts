/**
 * The frames-level check after layout, whatever the kind: every text item lies inside its
 * page's printable area, no two text items overprint each other, and no shape or image
 * painted later covers text. The layouts already measure every box; this is what catches a
 * box they forgot. A problem here is an error, and no file is written.
 */
import type { Frames, TextItem } from '../layout/frames.js';
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

const TOLERANCE = 0.5;

export function checkFrames(frames: Frames): FrameProblem[] {
  const problems: FrameProblem[] = [];
  const area = printableArea(frames);
  frames.pages.forEach((page, p) => {
    const texts: Array<{ item: TextItem; core: Box }> = [];
    for (const item of page.items) {
      if (item.type === 'text') {
        if (item.text.trim() === '') continue;
        const by = outside(item, area);
        if (by > TOLERANCE) problems.push({ page: p, kind: 'off-page', text: item, by });
        texts.push({ item, core: textCore(item) });
        continue;
      }
      const box = paintBox(item);
      if (!box) continue;
      for (const t of texts) {
        if (intersects(t.core, box, TOLERANCE)) problems.push({ page: p, kind: 'covered', text: t.item, other: item.type });
      }
    }
    for (const [a, b] of overprinted(texts)) problems.push({ page: p, kind: 'overlap', text: a, other: b.text });
  });
  return problems;
}

/** Pairs of text items whose cores overlap: a sweep down the page, so not every pair is compared. */
export function overprinted(texts: ReadonlyArray<{ item: TextItem; core: Box }>): Array<[TextItem, TextItem]> {
  const sorted = [...texts].sort((a, b) => a.core.y0 - b.core.y0);
  const pairs: Array<[TextItem, TextItem]> = [];
  const active: Array<{ item: TextItem; core: Box }> = [];
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
