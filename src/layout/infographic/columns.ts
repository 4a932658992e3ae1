/**
 * Paragraphs flowed into n balanced columns (the introduction across the grid): the
 * smallest column height that holds every line, with no paragraph leaving a single line
 * at the foot of one column or the head of the next. With `preferWhole`, when keeping
 * every paragraph whole costs at most two lines more, paragraphs are not split at all: a
 * reader then never has to jump columns mid-sentence.
 */
import type { FrameItem, StructNode } from '../frames.js';
import type { StructureBuilder } from '../structure.js';
import { baselineOffset, drawLine, linkNodes } from '../blocks/text.js';
import type { Block } from './flow.js';

interface Placed {
  block: number;
  line: number;
  column: number;
  top: number;
}

function fill(blocks: Block[], columns: number, height: number, paraGap: number, whole: boolean): Placed[] | undefined {
  const placed: Placed[] = [];
  let column = 0;
  let y = 0;
  for (let b = 0; b < blocks.length; b++) {
    const { lines, style } = blocks[b]!;
    for (let l = 0; l < lines.length; l++) {
      const gapBefore = l === 0 && y > 0 ? paraGap : 0;
      const remaining = lines.length - l;
      // Keep the first two and last two lines of a paragraph together (or all of them).
      const need = whole && l === 0 ? remaining : l === 0 ? Math.min(2, remaining) : remaining === 2 ? 2 : 1;
      if (y + gapBefore + need * style.leading > height + 0.01 && y > 0) {
        if (whole && l > 0) return undefined;
        column++;
        y = 0;
        if (column >= columns) return undefined;
      }
      const top = y + (y > 0 && l === 0 ? paraGap : 0);
      placed.push({ block: b, line: l, column, top });
      y = top + style.leading;
    }
  }
  return placed;
}

export interface ColumnLayout {
  height: number;
  draw(xs: number[], top: number, nodes: StructNode[], builder: StructureBuilder, out: FrameItem[]): void;
}

function shortest(blocks: Block[], columns: number, paraGap: number, whole: boolean, from: number): { height: number; placed: Placed[] } {
  let height = from;
  let placed = fill(blocks, columns, height, paraGap, whole);
  while (!placed) {
    height += 1;
    placed = fill(blocks, columns, height, paraGap, whole);
  }
  return { height, placed };
}

export function balanceColumns(blocks: Block[], columns: number, paraGap: number, preferWhole: boolean): ColumnLayout {
  const total = blocks.reduce((h, b) => h + b.height + paraGap, 0);
  const leading = Math.max(...blocks.map((b) => b.style.leading));
  const start = Math.max(leading, total / columns - paraGap);
  const split = shortest(blocks, columns, paraGap, false, start);
  const whole = preferWhole ? shortest(blocks, columns, paraGap, true, split.height) : split;
  const result = whole.height <= split.height + 2 * leading + 1 ? whole.placed : split.placed;
  const used = Math.max(...result.map((p) => p.top + blocks[p.block]!.style.leading));
  return {
    height: used,
    draw(xs, top, nodes, builder, out) {
      const links = blocks.map((b, i) => linkNodes(b.lines, nodes[i]!, builder));
      for (const p of result) {
        const { style, lines } = blocks[p.block]!;
        const y = top + p.top + baselineOffset(style, style.leading);
        drawLine(lines[p.line]!, xs[p.column]!, y, style.size, style.color, style.linkColor ?? style.color, nodes[p.block]!, links[p.block]!, out);
      }
    },
  };
}
