/**
 * The frames as the print edition draws them: every side a rect marks `bleed` runs out to
 * the trimmed edge and 3 mm beyond, and links become plain text (paper has none; PDF/X also
 * forbids annotations on the page), so Link elements become Spans in the structure tree.
 */
import type { FrameItem, Frames, RectItem, StructNode } from '../../layout/frames.js';
import { assert } from '../../diagnostics/index.js';
import { BLEED } from './sheet.js';

export function paperFrames(frames: Frames): Frames {
  return {
    ...frames,
    pages: frames.pages.map((page) => ({ items: page.items.map((item) => onPaper(item, frames)) })),
    structure: withoutLinks(frames.structure),
  };
}

function onPaper(item: FrameItem, page: { width: number; height: number }): FrameItem {
  if (item.type === 'text' && item.link) {
    const { link: _link, ...text } = item;
    return text;
  }
  if (item.type !== 'rect' || !item.bleed?.length) return item;
  return bled(item, page);
}

function bled(rect: RectItem, page: { width: number; height: number }): RectItem {
  assert(!rect.radius, 'a rect with rounded corners cannot bleed');
  let x0 = rect.x;
  let y0 = rect.y;
  let x1 = rect.x + rect.width;
  let y1 = rect.y + rect.height;
  for (const side of rect.bleed!) {
    if (side === 'top') y0 = -BLEED;
    if (side === 'left') x0 = -BLEED;
    if (side === 'right') x1 = page.width + BLEED;
    if (side === 'bottom') y1 = page.height + BLEED;
  }
  return { ...rect, x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function withoutLinks(node: StructNode): StructNode {
  const children = node.children.map(withoutLinks);
  if (node.role !== 'Link') return { ...node, children };
  const { href: _href, alt: _alt, ...rest } = node;
  return { ...rest, role: 'Span', children };
}
