/**
 * Text blocks as flow lines: each broken line becomes one flow line that draws its
 * segments as text items. Links get one Link structure node per link (also when the link
 * wraps), underlined in the link colour.
 */
import type { Run } from '../../resolve/runs.js';
import { checkLines, type TextSource } from '../fit.js';
import type { FrameItem, StructNode } from '../frames.js';
import type { StructureBuilder } from '../structure.js';
import { breakLines, type InlineStyle, type Line } from '../text/index.js';
import type { FlowLine } from './flow.js';

export interface TextOptions {
  style: InlineStyle;
  width: number;
  leading: number;
  color: string;
  linkColor: string;
  /** Structure node the text belongs to. */
  node: StructNode;
  builder: StructureBuilder;
  section: string;
  /** Left offset of the text inside the flow line (hanging indents). */
  indent?: number;
  /** Keep every line of the block together (pull quotes, short items). */
  keepTogether?: boolean;
  /** Drawn behind each line (panel slices, rules), with the line box. */
  decorate?: (x: number, y: number, height: number, out: FrameItem[]) => void;
  /** Where the text comes from: a line wider than the column is reported there. */
  source: TextSource;
}

/** Baseline offset from the top of a line box, centring the font's ascent–descent in the leading. */
export function baselineOffset(style: InlineStyle, leading: number): number {
  const f = style.fonts.regular;
  const asc = (f.ascent / f.unitsPerEm) * style.size;
  const desc = (-f.descent / f.unitsPerEm) * style.size;
  return (leading - (asc + desc)) / 2 + asc;
}

/** Link nodes for the link groups of `lines`, created in reading order under `parent`. */
export function linkNodes(lines: readonly Line[], parent: StructNode, builder: StructureBuilder): Map<number, StructNode> {
  const nodes = new Map<number, StructNode>();
  for (const line of lines) {
    for (const seg of line.segments) {
      if (seg.link && seg.linkGroup !== undefined && !nodes.has(seg.linkGroup)) {
        nodes.set(seg.linkGroup, builder.add(parent, 'Link', { href: seg.link.href, alt: seg.link.description }));
      }
    }
  }
  return nodes;
}

export function drawLine(
  line: Line,
  x: number,
  baseline: number,
  size: number,
  color: string,
  linkColor: string,
  /** Undefined for an artifact (a footer). */
  node: StructNode | undefined,
  links: Map<number, StructNode>,
  out: FrameItem[],
): void {
  for (const seg of line.segments) {
    const linkNode = seg.linkGroup !== undefined ? links.get(seg.linkGroup) : undefined;
    const owner = linkNode ?? node;
    const item: FrameItem = {
      type: 'text',
      x: x + seg.x,
      y: baseline,
      font: seg.font.id,
      size,
      color: linkNode ? linkColor : color,
      text: seg.text,
      width: seg.width,
    };
    if (owner) item.node = owner.id;
    if (seg.hyphen) item.hyphen = true;
    if (seg.suffix) item.actualTextSuffix = seg.suffix;
    if (seg.field !== undefined) item.contact = seg.field;
    if (linkNode && seg.link) {
      item.link = { href: seg.link.href, node: linkNode.id };
      const visible = seg.text.replace(/\s+$/, '');
      const w = visible === seg.text ? seg.width : seg.width * (visible.length / seg.text.length);
      out.push(item, { type: 'rect', x: x + seg.x, y: baseline + size * 0.12, width: w, height: Math.max(0.5, size * 0.05), fill: linkColor });
      continue;
    }
    out.push(item);
  }
}

/** Breaks `runs` and returns one flow line per text line. */
export function textLines(runs: readonly Run[], o: TextOptions): FlowLine[] {
  const indent = o.indent ?? 0;
  const lines = breakLines(runs, o.style, o.width - indent);
  checkLines(lines, o.width - indent, o.source);
  const links = linkNodes(lines, o.node, o.builder);
  const base = baselineOffset(o.style, o.leading);
  const n = lines.length;
  return lines.map((line, i) => ({
    height: o.leading,
    spaceBefore: 0,
    // No orphan (first line alone at a column end), no widow (last line alone at the top).
    keepWithNext: i < n - 1 && (o.keepTogether === true || i === 0 || i === n - 2),
    section: o.section,
    text: true,
    draw(x, y, out) {
      o.decorate?.(x, y, o.leading, out);
      drawLine(line, x + indent, y + base, o.style.size, o.color, o.linkColor, o.node, links, out);
    },
  }));
}

/** Fixed vertical space (panel padding) that draws its own decoration slice. */
export function spacer(height: number, section: string, keepWithNext: boolean, decorate?: TextOptions['decorate']): FlowLine {
  return {
    height,
    spaceBefore: 0,
    keepWithNext,
    section,
    text: false,
    draw(x, y, out) {
      decorate?.(x, y, height, out);
    },
  };
}
