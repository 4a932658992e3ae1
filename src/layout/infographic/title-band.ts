/**
 * The title band in the brand colour: the document title (H1) and its subtitle. A title
 * with a colon that does not fit on one line breaks after the colon, where the sense
 * breaks, rather than wherever the width runs out.
 */
import type { Run } from '../../resolve/runs.js';
import type { TextSource } from '../fit.js';
import type { StructNode } from '../frames.js';
import { breakLines } from '../text/index.js';
import { mm } from '../units.js';
import { styleOf, type Canvas } from './canvas.js';
import { drawBlock, measureBlock, plain } from './flow.js';

const PAD_X = 18;
const PAD_Y = 13;

function titleRuns(title: string, fits: boolean): Run[] {
  const colon = title.indexOf(': ');
  if (fits || colon < 0) return plain(title, true);
  return [{ text: `${title.slice(0, colon + 1)}\n${title.slice(colon + 2)}`, bold: true, italic: false }];
}

/** Draws the band from `top`; returns its bottom. */
export function titleBand(
  c: Canvas,
  title: string,
  subtitle: string | undefined,
  x: number,
  width: number,
  top: number,
  parent: StructNode,
  source: TextSource,
): number {
  const { palette: p } = c;
  const inner = width - 2 * PAD_X;
  const style = styleOf(c, 'title', p.onBand, { bold: true, hyphenate: false });
  const oneLine = breakLines(plain(title, true), style, inner).length === 1;
  const titleBlock = measureBlock(titleRuns(title, oneLine), style, inner, source);
  const subStyle = styleOf(c, 'subtitle', p.onBand, { hyphenate: false });
  const subBlock = subtitle ? measureBlock(plain(subtitle), subStyle, inner, source) : undefined;
  const textHeight = titleBlock.height + (subBlock ? subBlock.height + 4 : 0);
  const height = Math.max(mm(c.template.bandHeight), textHeight + 2 * PAD_Y);

  c.items.push({ type: 'rect', x, y: top, width, height, fill: p.band, bleed: ['top', 'left', 'right'] });
  let y = top + (height - textHeight) / 2;
  y = drawBlock(titleBlock, x + PAD_X, y, c.builder.add(parent, 'H1'), c.builder, c.items);
  if (subBlock) drawBlock(subBlock, x + PAD_X, y + 4, c.builder.add(parent, 'P'), c.builder, c.items);
  return top + height;
}
