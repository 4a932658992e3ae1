/**
 * The block types of the content model as flow lines: headings, paragraphs, lists, pull
 * quotes and citations. Each block adds its structure nodes under the section's node in
 * reading order and returns its lines with the space it wants around it.
 */
import type { Block } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import type { FrameItem, StructNode } from '../frames.js';
import type { TextSource } from '../fit.js';
import type { Palette } from '../palette.js';
import type { StructureBuilder } from '../structure.js';
import type { Template, TypeStyle } from '../template.js';
import { measure, type FontSet } from '../text/index.js';
import type { FlowLine } from './flow.js';
import { baselineOffset, spacer, textLines } from './text.js';

export interface BlockContext {
  fonts: FontSet;
  template: Template;
  colors: Palette;
  builder: StructureBuilder;
  /** Structure parent of the blocks (a Sect, or the Document). */
  parent: StructNode;
  /** Section id, for diagnostics. */
  section: string;
  /** Column width. */
  width: number;
  /** Where the blocks come from (the section, for messages); each block puts in its own line. */
  source: TextSource;
}

export interface LaidBlock {
  lines: FlowLine[];
  spaceBefore: number;
  spaceAfter: number;
}

/** Joins blocks into one line list, collapsing the space between two blocks to the larger. */
export function stack(blocks: LaidBlock[]): FlowLine[] {
  const out: FlowLine[] = [];
  let after = 0;
  for (const b of blocks) {
    if (b.lines.length === 0) continue;
    b.lines[0]!.spaceBefore = Math.max(after, b.spaceBefore);
    out.push(...b.lines);
    after = b.spaceAfter;
  }
  return out;
}

export function heading(ctx: BlockContext, runs: readonly Run[], title: string, style: TypeStyle, color = ctx.colors.heading): LaidBlock {
  const node = ctx.builder.add(ctx.parent, 'H2');
  const lines = textLines(runs, {
    style: { fonts: ctx.fonts, size: style.size, bold: true, hyphenate: false },
    width: ctx.width,
    leading: style.leading,
    color,
    linkColor: color,
    node,
    builder: ctx.builder,
    section: ctx.section,
    source: ctx.source,
    keepTogether: true,
  });
  // A heading never ends a column: its last line keeps with the first line of the text.
  for (const l of lines) l.keepWithNext = true;
  if (lines[0]) lines[0].bookmark = title;
  return { lines, spaceBefore: style.spaceBefore ?? 0, spaceAfter: style.spaceAfter ?? 0 };
}

export function paragraph(ctx: BlockContext, runs: readonly Run[], style: TypeStyle = ctx.template.type.body, color = ctx.colors.text): LaidBlock {
  const node = ctx.builder.add(ctx.parent, 'P');
  const lines = textLines(runs, {
    style: { fonts: ctx.fonts, size: style.size },
    width: ctx.width,
    leading: style.leading,
    color,
    linkColor: ctx.colors.link,
    node,
    builder: ctx.builder,
    section: ctx.section,
    source: ctx.source,
  });
  return { lines, spaceBefore: style.spaceBefore ?? 0, spaceAfter: style.spaceAfter ?? 0 };
}

const ITEM_GAP = 2;

export function list(ctx: BlockContext, ordered: boolean, items: readonly Run[][]): LaidBlock {
  const body = ctx.template.type.body;
  const L = ctx.builder.add(ctx.parent, 'L');
  const indent = body.size * 1.3;
  const out: FlowLine[] = [];
  items.forEach((runs, n) => {
    const li = ctx.builder.add(L, 'LI');
    const lbl = ctx.builder.add(li, 'Lbl');
    const lbody = ctx.builder.add(li, 'LBody');
    const label = ordered ? `${n + 1}.` : '•';
    const labelFont = ordered ? ctx.fonts.bold : ctx.fonts.regular;
    const lines = textLines(runs, {
      style: { fonts: ctx.fonts, size: body.size },
      width: ctx.width,
      leading: body.leading,
      color: ctx.colors.text,
      linkColor: ctx.colors.link,
      node: lbody,
      builder: ctx.builder,
      section: ctx.section,
      source: ctx.source,
      indent,
    });
    const first = lines[0];
    if (first) {
      const base = baselineOffset({ fonts: ctx.fonts, size: body.size }, body.leading);
      const drawText = first.draw;
      first.spaceBefore = n === 0 ? 0 : ITEM_GAP;
      first.draw = (x, y, items) => {
        // The label comes first in reading order: Lbl before LBody.
        const size = ordered ? body.size : body.size * 1.15;
        items.push({
          type: 'text',
          x,
          y: y + base,
          font: labelFont.id,
          size,
          color: ctx.colors.heading,
          text: label,
          width: measure(labelFont, label, size),
          node: lbl.id,
        });
        drawText(x, y, items);
      };
    }
    out.push(...lines);
  });
  return { lines: out, spaceBefore: body.spaceAfter ?? 0, spaceAfter: body.spaceAfter ?? 0 };
}

const RULE = 3;

/** A sentence lifted from the text, set large and italic beside a brand-coloured rule. */
export function pullquote(ctx: BlockContext, runs: readonly Run[]): LaidBlock {
  const style = ctx.template.type.pullquote;
  const quote = ctx.builder.add(ctx.parent, 'BlockQuote');
  const p = ctx.builder.add(quote, 'P');
  const rule = (x: number, y: number, h: number, out: FrameItem[]) =>
    out.push({ type: 'rect', x, y, width: RULE, height: h, fill: ctx.colors.brand });
  const lines = textLines(runs, {
    style: { fonts: ctx.fonts, size: style.size, italic: true },
    width: ctx.width,
    leading: style.leading,
    color: ctx.colors.heading,
    linkColor: ctx.colors.heading,
    node: p,
    builder: ctx.builder,
    section: ctx.section,
    source: ctx.source,
    indent: RULE + 9,
    keepTogether: true,
    decorate: rule,
  });
  return { lines, spaceBefore: style.spaceBefore ?? 0, spaceAfter: style.spaceAfter ?? 0 };
}

const PAD = 8;

/** A quotation with its source on its own line, on a tinted panel. */
export function citation(ctx: BlockContext, paragraphs: readonly Run[][], source: readonly Run[]): LaidBlock {
  const body = ctx.template.type.body;
  const quote = ctx.builder.add(ctx.parent, 'BlockQuote');
  const panel = (x: number, y: number, h: number, out: FrameItem[]) => {
    out.push({ type: 'rect', x, y, width: ctx.width, height: h, fill: ctx.colors.panel });
    out.push({ type: 'rect', x, y, width: RULE, height: h, fill: ctx.colors.brand });
  };
  const inner = { width: ctx.width - PAD, indent: RULE + PAD };
  const lines: FlowLine[] = [spacer(PAD, ctx.section, true, panel)];
  paragraphs.forEach((runs, i) => {
    const p = ctx.builder.add(quote, 'P');
    const ls = textLines(runs, {
      style: { fonts: ctx.fonts, size: body.size, italic: true },
      ...inner,
      leading: body.leading,
      color: ctx.colors.text,
      linkColor: ctx.colors.headingOnPanel,
      node: p,
      builder: ctx.builder,
      section: ctx.section,
      source: ctx.source,
      decorate: panel,
    });
    if (i > 0) lines.push(spacer(4, ctx.section, true, panel));
    lines.push(...ls);
  });
  const src = ctx.builder.add(quote, 'P');
  const srcLines = textLines([{ text: '— ', bold: false, italic: false }, ...stripDash(source)], {
    style: { fonts: ctx.fonts, size: body.size - 1, bold: true },
    ...inner,
    leading: body.leading,
    color: ctx.colors.headingOnPanel,
    linkColor: ctx.colors.headingOnPanel,
    node: src,
    builder: ctx.builder,
    section: ctx.section,
    source: ctx.source,
    keepTogether: true,
    decorate: panel,
  });
  // The source never stands alone at the top of a column.
  const prev = lines[lines.length - 1];
  if (prev) prev.keepWithNext = true;
  const gap = spacer(4, ctx.section, true, panel);
  lines.push(gap, ...srcLines, spacer(PAD, ctx.section, false, panel));
  // Padding slices and the gap belong with the lines around them.
  srcLines[srcLines.length - 1]!.keepWithNext = true;
  return { lines, spaceBefore: body.spaceAfter ?? 0, spaceAfter: (body.spaceAfter ?? 0) + 2 };
}

/** The extractor may keep the `—` that marks the source; the layout adds its own. */
function stripDash(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s*[—–-]\s*/, '');
  return out;
}

export function block(context: BlockContext, b: Block<Run[]>): LaidBlock {
  const ctx = at(context, b);
  switch (b.type) {
    case 'paragraph':
      return paragraph(ctx, b.content);
    case 'list':
      return list(ctx, b.ordered, b.items);
    case 'pullquote':
      return pullquote(ctx, b.content);
    case 'citation':
      return citation(ctx, b.paragraphs, b.source);
  }
}

/** The context for one block: messages about its text point at the block's own line. */
export function at(ctx: BlockContext, b: Block<Run[]>): BlockContext {
  return { ...ctx, source: { ...ctx.source, at: b.at } };
}
