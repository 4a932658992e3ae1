/**
 * Text blocks of the infographics on the shared text engine: lines are broken by
 * src/layout/text and drawn by the blocks' drawLine, so links, hyphens and tagged text
 * behave exactly as in the leaflets. Panels here are fixed boxes, not column flows, so a
 * block is measured first (height) and placed second.
 */
import type { Run } from '../../resolve/runs.js';
import type { FrameItem, StructNode } from '../frames.js';
import type { StructureBuilder } from '../structure.js';
import { baselineOffset, drawLine, linkNodes } from '../blocks/text.js';
import { checkLines, type TextSource } from '../fit.js';
import { breakLines, type FontSet, type Line } from '../text/index.js';

export interface BlockStyle {
  fonts: FontSet;
  size: number;
  leading: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  /** False for headings and labels: a title reads better ragged than broken mid-word. */
  hyphenate?: boolean;
  /** Colour of linked text; defaults to `color`. */
  linkColor?: string;
}

export interface Block {
  lines: Line[];
  style: BlockStyle;
  height: number;
  /** Widest line: more than the measure only when an unbreakable word is too long. */
  width: number;
}

/**
 * Breaks `runs` for `maxWidth` and reports a line wider than `limit` (the width, unless the
 * box may give an unbreakable address more room than it breaks text for) at `source`.
 */
export function measureBlock(runs: readonly Run[], style: BlockStyle, maxWidth: number, source: TextSource, limit = maxWidth): Block {
  const lines = breakLines(runs, style, maxWidth);
  checkLines(lines, maxWidth, source, limit);
  return { lines, style, height: lines.length * style.leading, width: Math.max(0, ...lines.map((l) => l.width)) };
}

/** Plain text as one run, for labels that come from the profile or the model's strings. */
export function plain(text: string, bold = false): Run[] {
  return [{ text, bold, italic: false }];
}

/** Draws a measured block with its line boxes starting at `top`; returns the bottom. */
export function drawBlock(
  block: Block,
  x: number,
  top: number,
  node: StructNode,
  builder: StructureBuilder,
  out: FrameItem[],
): number {
  const { style } = block;
  const links = linkNodes(block.lines, node, builder);
  const base = baselineOffset(style, style.leading);
  block.lines.forEach((line, i) => {
    const y = top + i * style.leading + base;
    drawLine(line, x, y, style.size, style.color, style.linkColor ?? style.color, node, links, out);
  });
  return top + block.height;
}
