/**
 * `print/safe-area`: the print shop cuts within a millimetre or two of the trim line, so
 * everything on the finished page except what is meant to run off it (rects marked `bleed`,
 * which the print edition extends into the bleed) stays 5 mm inside the trim, where no cut
 * can reach it or leave a sliver of white beside it. Checked on the frames the print
 * edition draws, before it is drawn.
 */
import type { Frames } from '../layout/frames.js';
import { mm } from '../layout/units.js';
import { paintBox, textExtent, type Box } from './geometry.js';

export const SAFE_INSET = mm(5);

export interface SafeAreaProblem {
  /** 0-based. */
  page: number;
  /** What it is: the text, or the kind of shape. */
  what: string;
  /** Points it reaches into the outer 5 mm. */
  by: number;
}

export function safeAreaProblems(paper: Frames): SafeAreaProblem[] {
  const safe: Box = { x0: SAFE_INSET, y0: SAFE_INSET, x1: paper.width - SAFE_INSET, y1: paper.height - SAFE_INSET };
  const out: SafeAreaProblem[] = [];
  paper.pages.forEach((page, i) => {
    for (const item of page.items) {
      if (item.type === 'rect' && item.bleed?.length) continue;
      const box = item.type === 'text' ? textExtent(item) : paintBox(item);
      if (!box) continue;
      const by = Math.max(0, safe.x0 - box.x0, safe.y0 - box.y0, box.x1 - safe.x1, box.y1 - safe.y1);
      // Half a point: what measuring glyph boxes cannot tell apart.
      if (by > 0.5) out.push({ page: i, what: item.type === 'text' ? `"${item.text.trim().slice(0, 40)}"` : `a ${item.type}`, by });
    }
  });
  return out;
}
