/**
 * Paragraphs flowed into n balanced columns (the introduction across the grid): the
 * smallest column height that holds every line, with no paragraph leaving a single line
 * at the foot of one column or the head of the next.
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

function fill(blocks: Block[], columns: number, height: number, paraGap: number): Placed[] | undefined {
  const placed: Placed[] = [];
  let column = 0;
  let y = 0;
  for (let b = 0; b < blocks.length; b++) {
    const { lines, style } = blocks[b]!;
    for (let l = 0; l < lines.length; l++) {
      const gapBefore = l === 0 && y > 0 ? paraGap : 0;
      const remaining = lines.length - l;
      // Keep the first two and last two lines of a paragraph together.
      const need = l === 0 ? Math.min(2, remaining) : remaining === 2 ? 2 : 1;
      if (y + gapBefore + need * style.leading > height + 0.01 && y > 0) {
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

export function balanceColumns(blocks: Block[], columns: number, paraGap: number): ColumnLayout {
  const total = blocks.reduce((h, b) => h + b.height + paraGap, 0);
  let height = Math.max(...blocks.map((b) => b.style.leading), total / columns - paraGap);
  let placed = fill(blocks, columns, height, paraGap);
  while (!placed) {
    height += 1;
    placed = fill(blocks, columns, height, paraGap);
  }
  const used = Math.max(...placed.map((p) => p.top + blocks[p.block]!.style.leading));
  const result = placed;
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
