/**
 * The house style shared by the leaflet, the guide and the three-layer model: cover band,
 * sections in columns, the contact block, colophon, footers, and the page flow that keeps
 * the contact block at the foot of the last page.
 */
import { diagnostic, fileStart, type SourceRef } from '../../diagnostics/index.js';
import type { Section } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import { at, block, heading, paragraph, stack, type BlockContext } from '../blocks/blocks.js';
import { flow, type FlowLine, type Region } from '../blocks/flow.js';
import { baselineOffset, drawLine, spacer, textLines } from '../blocks/text.js';
import { tint } from '../color.js';
import { checkHeight, checkLines, fieldSource, trialScope, type TextSource } from '../fit.js';
import type { FrameItem, StructNode } from '../frames.js';
import { logoAspect } from '../logo.js';
import { qrPath } from '../qr.js';
import { StructureBuilder } from '../structure.js';
import { breakLines, measure, type Line } from '../text/index.js';
import { mm } from '../units.js';
import { pageItems, type KindContext } from './context.js';
import { displayUrl, emailRun, phoneRun, plain, webRun } from './links.js';

export function blockContext(k: KindContext, parent: StructNode, section: string, width: number, source: TextSource): BlockContext {
  return { fonts: k.fonts, template: k.template, colors: k.colors, builder: k.builder, parent, section, width, source };
}

/** The document's own text outside the Markdown body (title, colophon): its first line. */
export function documentSource(k: KindContext, what: string): TextSource {
  return { scope: k.fit, at: fileStart(k.doc.file), what };
}

export function sectionSource(k: KindContext, s: Section<Run[]>): TextSource {
  return { scope: k.fit, at: s.at, what: `section "${s.title}" (#${s.id})` };
}

/** Lines placed one after another from (x, y) on `page`, ignoring columns; returns the bottom. */
export function place(k: KindContext, lines: readonly FlowLine[], page: number, x: number, y: number): number {
  const out = pageItems(k, page);
  lines.forEach((line, i) => {
    if (i > 0) y += line.spaceBefore;
    line.draw(x, y, out);
    if (line.bookmark) k.bookmarks.push({ title: line.bookmark, page, y });
    y += line.height;
  });
  return y;
}

export function heightOf(lines: readonly FlowLine[]): number {
  return lines.reduce((h, l, i) => h + l.height + (i > 0 ? l.spaceBefore : 0), 0);
}

/**
 * Cover band on page 1: title (H1) and subtitle in the text colour for the brand colour,
 * and on the right a white field with the logo (Figure) and the municipality's name.
 * Returns the y below the band.
 */
export function cover(k: KindContext): number {
  const { g, template: t, colors, fonts, builder } = k;
  const root = builder.root;
  const pad = mm(7);
  // The field is three grid columns, wider when the name needs it (up to five).
  const nameSizeProbe = k.profile.brand.logo ? 10 : 13;
  const nameW = measure(fonts.bold, k.profile.name, nameSizeProbe) + 2 * mm(4) + 1;
  const fieldW = Math.min(g.span(5), Math.max(g.span(3), nameW));
  const textW = g.measure - fieldW - 3 * pad;

  const h1 = builder.add(root, 'H1');
  // Shrink the title a little rather than hyphenate it or let it run to four lines.
  // The largest size that sets the title in at most three lines; a slightly smaller size
  // wins when it saves a line (a one-line title reads better than a broken one).
  const fits = (scale: number) => {
    const lines = breakLines([plain(k.doc.title)], { fonts, size: t.type.title.size * scale, bold: true, hyphenate: false }, textW);
    return lines.every((l) => l.width <= textW) ? lines.length : Infinity;
  };
  let scale = [1, 0.92, 0.85, 0.78].find((sc) => fits(sc) <= 3) ?? 0.78;
  if (scale === 1 && fits(0.93) < fits(1)) scale = 0.93;
  const titleLines = textLines([plain(k.doc.title)], {
    style: { fonts, size: t.type.title.size * scale, bold: true, hyphenate: false },
    width: textW,
    leading: t.type.title.leading * scale,
    color: colors.onBrand,
    linkColor: colors.onBrand,
    node: h1,
    builder,
    section: 'cover',
    source: documentSource(k, 'the title on the cover'),
  });
  const subtitleLines: FlowLine[] = [];
  if (k.doc.subtitle) {
    const p = builder.add(root, 'P');
    subtitleLines.push(
      ...textLines([plain(k.doc.subtitle)], {
        style: { fonts, size: t.type.subtitle.size },
        width: textW,
        leading: t.type.subtitle.leading,
        color: colors.onBrand,
        linkColor: colors.onBrand,
        node: p,
        builder,
        section: 'cover',
        source: documentSource(k, 'the subtitle on the cover'),
      }),
    );
    if (subtitleLines[0]) subtitleLines[0].spaceBefore = 6;
  }

  // The white field: logo above the name, so any logo stays legible on any brand colour.
  const fpad = mm(4);
  const inner = fieldW - 2 * fpad;
  const logo = k.profile.brand.logo;
  let logoW = 0;
  let logoH = 0;
  let figure: StructNode | undefined;
  if (logo) {
    const aspect = logoAspect(logo);
    logoH = Math.min(mm(t.coverHeight) * 0.32, inner / aspect);
    logoW = logoH * aspect;
    figure = builder.add(root, 'Figure', { alt: `Logo van ${k.profile.name}` });
  }
  const nameNode = builder.add(root, 'P');
  const nameSize = nameSizeProbe;
  const nameLines = textLines([plain(k.profile.name, true)], {
    style: { fonts, size: nameSize, hyphenate: false },
    width: inner,
    leading: nameSize * 1.25,
    color: colors.heading,
    linkColor: colors.heading,
    node: nameNode,
    builder,
    section: 'cover',
    source: fieldSource(k.fit, 'name', "the municipality's name on the cover"),
  });
  const fieldH = fpad + (logo ? logoH + 5 : 0) + heightOf(nameLines) + fpad;

  const textH = heightOf(titleLines) + (subtitleLines.length ? 6 + heightOf(subtitleLines) : 0);
  const inset = mm(5);
  const bandH = Math.max(mm(t.coverHeight), textH + 2 * pad, fieldH + 2 * inset);
  const out = pageItems(k, 0);
  // In print the band runs off the top and both sides of the paper (full bleed).
  out.push({ type: 'rect', x: g.left, y: g.top, width: g.measure, height: bandH, fill: colors.brand, bleed: ['top', 'left', 'right'] });

  // Title and subtitle sit at the bottom of the band, like a poster; the field at the top.
  place(k, [...titleLines, ...subtitleLines], 0, g.left + pad, g.top + bandH - pad - textH);
  const fx = g.right - inset - fieldW;
  const fy = g.top + inset;
  out.push({ type: 'rect', x: fx, y: fy, width: fieldW, height: fieldH, fill: '#FFFFFF', radius: 3 });
  let y = fy + fpad;
  if (logo && figure) {
    out.push({ type: 'image', x: fx + fpad, y, width: logoW, height: logoH, asset: logo, node: figure.id });
    y += logoH + 5;
  }
  place(k, nameLines, 0, fx + fpad, y);
  return g.top + bandH;
}

/** A `##` section: Sect > H2, blocks. */
export function sectionLines(k: KindContext, s: Section<Run[]>, width: number): FlowLine[] {
  const sect = k.builder.add(k.builder.root, 'Sect');
  const ctx = blockContext(k, sect, s.id, width, sectionSource(k, s));
  return stack([heading(ctx, s.heading, s.title, k.template.type.h2), ...s.blocks.map((b) => block(ctx, b))]);
}

const CARD_PAD = 9;

/**
 * The "Meer weten?" block on a tinted panel: heading, the section's first paragraph, the
 * contact card (organisation, phone, e-mail, website, opening hours, QR code), then the
 * section's other blocks.
 */
export function contactLines(k: KindContext, s: Section<Run[]>, width: number, opts: ContactOptions = {}): FlowLine[] {
  if (opts.compact && width > k.g.span(9)) return compactContact(k, s, width);
  const { colors, template: t, builder, g } = k;
  const sect = builder.add(builder.root, 'Sect');
  const inner = width - 2 * CARD_PAD;
  const [first, ...rest] = s.blocks;
  // Across the page a short first paragraph stands with the heading on the left (3 grid
  // columns) and the card beside them; a long one runs across above the card. The
  // section's other blocks follow below.
  const wide = width > g.span(9);
  const sideW = g.span(3) - CARD_PAD;
  const body = t.type.body;
  const side =
    wide && (first?.type !== 'paragraph' || breakLines(first.content, { fonts: k.fonts, size: body.size }, sideW).length <= 6);
  const textW = side ? sideW : inner;
  const panelColors = { ...colors, heading: colors.headingOnPanel, link: colors.headingOnPanel };
  const pctx: BlockContext = { ...blockContext(k, sect, s.id, textW, sectionSource(k, s)), colors: panelColors };
  // Across the page a short heading ("Meer weten?") is set a step larger than the others.
  const big = { ...t.type.h2, size: t.type.h2.size + 3, leading: t.type.h2.leading + 3 };
  const oneLine = breakLines(s.heading, { fonts: k.fonts, size: big.size, bold: true, hyphenate: false }, textW).length === 1;
  const headStyle = wide && oneLine ? big : t.type.h2;
  const head = heading(pctx, s.heading, s.title, headStyle);
  const before = stack([head, ...(first?.type === 'paragraph' ? [paragraph(at(pctx, first), first.content)] : [])]);
  const card = contactCard(k, sect, s.id, side ? inner - textW - g.gutter : inner);
  const actx: BlockContext = wide ? { ...pctx, width: inner } : pctx;
  const after = stack((first?.type === 'paragraph' ? rest : s.blocks).map((b) => block(actx, b)));
  const panel = (x: number, y: number, h: number, out: FrameItem[]) =>
    out.push({ type: 'rect', x, y, width, height: h, fill: colors.panel });

  if (wide) {
    const afterGap = after.length ? 8 : 0;
    const beforeH = heightOf(before);
    const cardY = side ? 0 : beforeH + 6;
    const topH = side ? Math.max(beforeH, card.height) : cardY + card.height;
    const height = 2 * CARD_PAD + topH + afterGap + heightOf(after);
    return [
      panelBlock(s, width, height, colors.panel, (x, y, out) => {
        placeLines(before, x + CARD_PAD, y + CARD_PAD, out);
        card.draw(x + CARD_PAD + (side ? textW + g.gutter : 0), y + CARD_PAD + cardY, out);
        placeLines(after, x + CARD_PAD, y + CARD_PAD + topH + afterGap, out);
      }),
    ];
  }

  // In a column the panel is drawn slice by slice behind each line, so it can follow the
  // block to the next column; space between lines becomes a painted slice too.
  if (before.length) before[before.length - 1]!.keepWithNext = true;
  card.spaceBefore = 6;
  if (after[0]) after[0].spaceBefore = 8;
  const lines: FlowLine[] = [spacer(CARD_PAD, s.id, true, panel)];
  for (const l of [...before, card, ...after]) {
    if (l.spaceBefore > 0) lines.push(spacer(l.spaceBefore, s.id, true, panel));
    lines.push({
      ...l,
      spaceBefore: 0,
      draw: (x: number, y: number, out: FrameItem[]) => {
        panel(x, y, l.height, out);
        l.draw(x + CARD_PAD, y, out);
      },
    });
  }
  lines.push(spacer(CARD_PAD, s.id, false, panel));
  // The block is read as one: it moves to the next column whole rather than split.
  for (const l of lines.slice(0, -1)) l.keepWithNext = true;
  return lines;
}

export interface ContactOptions {
  /**
   * Across the page, take the arrangement that needs the least height (a one-page
   * document): heading and lead beside the card when the card's addresses still fit on
   * one line each, else stacked; a smaller QR code; tighter gaps.
   */
  compact?: boolean;
}

/** How a compact contact block is arranged: `side` grid columns of text left of the card (0: stacked). */
interface Arrangement {
  side: number;
  /**
   * Where the section's other blocks go: across the panel below both (`below`), in the
   * text column under the lead (`left`), or under the card in its column (`card`).
   */
  rest: 'below' | 'left' | 'card';
}

const COMPACT_QR = mm(20);

function compactContact(k: KindContext, s: Section<Run[]>, width: number): FlowLine[] {
  // Each arrangement is tried on a scratch structure tree, so the real tree gets one copy.
  const candidates: Arrangement[] = [{ side: 0, rest: 'below' }];
  for (const side of [4, 5, 6]) candidates.push({ side, rest: 'below' }, { side, rest: 'left' }, { side, rest: 'card' });
  let best: { a: Arrangement; height: number } | undefined;
  for (const a of candidates) {
    const trial = arrangeContact({ ...k, builder: new StructureBuilder(), fit: trialScope(k.fit) }, s, width, a);
    if (!trial.fits) continue;
    // Stacked first: a side arrangement must save real height (half a line) to win.
    if (!best || trial.line.height < best.height - k.template.type.body.leading / 2) best = { a, height: trial.line.height };
  }
  return [arrangeContact(k, s, width, best?.a ?? candidates[0]!).line];
}

function arrangeContact(k: KindContext, s: Section<Run[]>, width: number, a: Arrangement): { line: FlowLine; fits: boolean } {
  const { colors, template: t, builder, g } = k;
  const sect = builder.add(builder.root, 'Sect');
  const inner = width - 2 * CARD_PAD;
  const [first, ...others] = s.blocks;
  const lead = first?.type === 'paragraph' ? first : undefined;
  const rest = lead ? others : s.blocks;
  const textW = a.side ? g.span(a.side) - CARD_PAD : inner;
  const panelColors = { ...colors, heading: colors.headingOnPanel, link: colors.headingOnPanel };
  const pctx: BlockContext = { ...blockContext(k, sect, s.id, textW, sectionSource(k, s)), colors: panelColors };
  const head = heading(pctx, s.heading, s.title, t.type.h2);
  const where = a.side ? a.rest : 'below';
  const left = stack([
    head,
    ...(lead ? [paragraph(at(pctx, lead), lead.content)] : []),
    ...(where === 'left' ? rest.map((b) => block(pctx, b)) : []),
  ]);
  const cardW = a.side ? inner - textW - g.gutter : inner;
  const card = contactCard(k, sect, s.id, cardW, { qrSize: COMPACT_QR, qrBeside: true });
  const underCard = where === 'card' ? stack(rest.map((b) => block({ ...pctx, width: cardW }, b))) : [];
  const below = where === 'below' ? stack(rest.map((b) => block({ ...pctx, width: inner }, b))) : [];
  const gap = 6;
  const leftH = heightOf(left);
  const cardY = a.side ? 0 : leftH + gap;
  const cardColH = card.height + (underCard.length ? gap + heightOf(underCard) : 0);
  const topH = a.side ? Math.max(leftH, cardColH) : cardY + card.height;
  const belowY = topH + (below.length ? gap : 0);
  const height = 2 * CARD_PAD + belowY + heightOf(below);
  const line = panelBlock(s, width, height, colors.panel, (x, y, out) => {
    placeLines(left, x + CARD_PAD, y + CARD_PAD, out);
    const cx = x + CARD_PAD + (a.side ? textW + g.gutter : 0);
    card.draw(cx, y + CARD_PAD + cardY, out);
    placeLines(underCard, cx, y + CARD_PAD + card.height + gap, out);
    placeLines(below, x + CARD_PAD, y + CARD_PAD + belowY, out);
  });
  return { line, fits: card.fits };
}

/** A contact block across the page: one line that does not break, on a rounded panel. */
function panelBlock(
  s: Section<Run[]>,
  width: number,
  height: number,
  fill: string,
  drawInside: (x: number, y: number, out: FrameItem[]) => void,
): FlowLine {
  return {
    height,
    spaceBefore: 0,
    keepWithNext: false,
    section: s.id,
    text: true,
    bookmark: s.title,
    draw(x, y, out) {
      out.push({ type: 'rect', x, y, width, height, fill, radius: 4 });
      drawInside(x, y, out);
    },
  };
}

/** Draws lines one below the other (inside a box); returns the bottom. */
function placeLines(lines: readonly FlowLine[], x: number, y: number, out: FrameItem[]): number {
  lines.forEach((l, i) => {
    if (i > 0) y += l.spaceBefore;
    l.draw(x, y, out);
    y += l.height;
  });
  return y;
}

interface CardOptions {
  /** Side of the QR code; 26 mm beside the details, 20 mm below them. */
  qrSize?: number;
  /** The QR code beside the details whatever the width (else only from 95 mm). */
  qrBeside?: boolean;
}

/** The contact card; `fits` is false when an address or number had to break over lines. */
function contactCard(k: KindContext, parent: StructNode, section: string, width: number, opts: CardOptions = {}): FlowLine & { fits: boolean } {
  const { colors, template: t, fonts, builder, profile } = k;
  const c = profile.contact;
  const style = t.type.contact;
  const pad = 8;
  // In a column the QR code goes below the details; across the page it stands beside them.
  const compact = !opts.qrBeside && width < mm(95);
  const qrSize = opts.qrSize ?? (compact ? mm(20) : mm(26));
  const caption = 'Scan voor de website';
  const captionSize = 8;
  const cw = measure(fonts.regular, caption, captionSize);
  // Beside the details the QR code's column is as wide as its caption.
  const qrCol = Math.max(qrSize, cw);
  const textW = compact ? width - 2 * pad : width - 2 * pad - qrCol - pad;
  const labelW = measure(fonts.regular, 'Bereikbaar', 9) + 8;

  const org = builder.add(parent, 'P');
  const orgLines = textLines([{ ...plain(c.organisation, true), field: 'contact.organisation' }], {
    style: { fonts, size: style.size + 2 },
    width: textW,
    leading: style.leading + 2,
    color: colors.text,
    linkColor: colors.link,
    node: org,
    builder,
    section,
    source: fieldSource(k.fit, 'contact.organisation', 'the contact card'),
  });
  // Every value in the card is tagged with its field: set in the bundled face, and checked
  // on the artifact by the contact self-check.
  const rows: Array<{ label: string; field: string; value: Run[] }> = [
    { label: 'Telefoon', field: 'contact.phone', value: [phoneRun(c.phone, 'contact.phone')] },
    { label: 'E-mail', field: 'contact.email', value: [emailRun(c.email, 'contact.email')] },
    { label: 'Website', field: 'contact.website', value: [webRun(c.website, 'contact.website')] },
  ];
  if (c.form) rows.push({ label: 'Formulier', field: 'contact.form', value: [{ ...webRun(c.form, 'contact.form'), text: 'contactformulier', bold: true }] });
  if (c.address) rows.push({ label: 'Adres', field: 'contact.address', value: [{ ...plain(c.address), field: 'contact.address' }] });
  if (c.hours) rows.push({ label: 'Bereikbaar', field: 'contact.hours', value: [{ ...plain(c.hours), field: 'contact.hours' }] });
  const rowLines = rows.map((row) => {
    const p = builder.add(parent, 'P');
    // The label is part of the paragraph's text ("Telefoon 010 …"), drawn in its own column.
    const label: FrameItem = {
      type: 'text',
      x: 0,
      y: 0,
      font: fonts.regular.id,
      size: 9,
      color: colors.muted,
      text: row.label,
      width: measure(fonts.regular, row.label, 9),
      node: p.id,
      actualTextSuffix: ' ',
    };
    const lines = textLines(row.value, {
      style: { fonts, size: style.size },
      width: textW - labelW,
      leading: style.leading,
      color: colors.text,
      linkColor: colors.link,
      node: p,
      builder,
      section,
      source: fieldSource(k.fit, row.field, 'the contact card'),
    });
    // A number or address that has to break (or stick out) does not fit this card.
    const valueW = textW - labelW;
    const whole = (): boolean => {
      const broken = breakLines(row.value, { fonts, size: style.size }, valueW);
      return broken.length === 1 && broken[0]!.width <= valueW + 0.01;
    };
    return { label, lines, fits: valueW > 0 && (!row.value.every((r) => r.atomic) || whole()) };
  });
  const fits = rowLines.every((r) => r.fits);
  const qrNode = builder.add(parent, 'Figure', { alt: `QR-code naar ${displayUrl(c.website)}` });
  const textH =
    heightOf(orgLines) + 4 + rowLines.reduce((h, r) => h + heightOf(r.lines) + 3, 0) - 3;
  const qrH = qrSize + captionSize + 4;
  const height = 2 * pad + (compact ? textH + 6 + qrSize : Math.max(textH, qrH));
  return {
    height,
    fits,
    spaceBefore: 0,
    keepWithNext: false,
    section,
    text: true,
    draw(x, y, out) {
      out.push({ type: 'rect', x, y, width, height, fill: '#FFFFFF', radius: 4 });
      let cy = y + pad;
      for (const l of orgLines) {
        l.draw(x + pad, cy, out);
        cy += l.height;
      }
      cy += 4;
      for (const r of rowLines) {
        const lx = x + pad;
        const baseY = cy + baselineOffset({ fonts, size: style.size }, style.leading);
        out.push({ ...r.label, x: lx, y: baseY } as FrameItem);
        for (const l of r.lines) {
          l.draw(lx + labelW, cy, out);
          cy += l.height;
        }
        cy += 3;
      }
      const qx = compact ? x + pad - mm(1) : x + width - pad - qrCol + (qrCol - qrSize) / 2;
      const qy = compact ? cy + 3 : y + pad;
      const qr = qrPath(c.website, qx, qy, qrSize);
      out.push({ type: 'rect', x: qx, y: qy, width: qrSize, height: qrSize, fill: '#FFFFFF', node: qrNode.id });
      out.push({ type: 'path', d: qr.d, fill: '#000000', node: qrNode.id });
      out.push({
        type: 'text',
        x: compact ? qx + qrSize + 4 : qx + (qrSize - cw) / 2,
        y: compact ? qy + qrSize / 2 + captionSize / 3 : qy + qrSize + captionSize + 1,
        font: fonts.regular.id,
        size: captionSize,
        color: colors.muted,
        text: caption,
        width: cw,
        node: qrNode.id,
      });
    },
  };
}

/** Colophon: small print, muted, after a hairline. */
export function colophonLines(k: KindContext, width: number): FlowLine[] {
  if (k.doc.colophon.length === 0) return [];
  const ctx = blockContext(k, k.builder.root, 'colophon', width, documentSource(k, 'the colophon'));
  const small = k.template.type.small;
  const rule = spacer(small.leading * 0.6, 'colophon', true, (x, y, _h, out) =>
    out.push({ type: 'rect', x, y, width: mm(20), height: 0.75, fill: k.colors.brand }),
  );
  const paras = stack(k.doc.colophon.map((runs) => paragraph(ctx, runs, small, k.colors.muted)));
  return [rule, ...paras];
}

/**
 * The footer on every page: name and title on the left, the page number on the right
 * (artifacts). On one line when they fit beside the page number; else the name and the
 * title each on their own lines, stacked upwards from the same baseline, and the running
 * text gives up the height they need (`rise`).
 */
export interface FooterPlan {
  /** The left part broken into lines, when it does not fit on one. */
  lines?: readonly Line[];
  /** Height the footer takes above its one-line place. */
  rise: number;
}

const FOOTER_GAP_X = mm(4);

export function footerPlan(k: KindContext): FooterPlan {
  const { g, fonts, template: t } = k;
  const size = t.type.footer.size;
  const left = `${k.profile.name}  ·  ${k.doc.title}`;
  let rightW = 0;
  for (let n = 1; n <= t.maxPages; n++) for (let i = 1; i <= n; i++) rightW = Math.max(rightW, measure(fonts.regular, `Pagina ${i} van ${n}`, size));
  const room = g.measure - rightW - FOOTER_GAP_X;
  if (measure(fonts.regular, left, size) <= room) return { rise: 0 };
  const style = { fonts, size, hyphenate: false };
  const name = breakLines([plain(k.profile.name)], style, room);
  const title = breakLines([plain(k.doc.title)], style, room);
  checkLines(name, room, fieldSource(k.fit, 'name', "the municipality's name in the footer"));
  checkLines(title, room, documentSource(k, 'the title in the footer'));
  const lines = [...name, ...title];
  return { lines, rise: (lines.length - 1) * t.type.footer.leading };
}

export function footers(k: KindContext, plan: FooterPlan): void {
  const { g, fonts, colors, template: t } = k;
  const size = t.type.footer.size;
  const y = k.g.height - mm(8);
  const n = k.pages.length;
  k.pages.forEach((_p, i) => {
    const out = pageItems(k, i);
    const left = `${k.profile.name}  ·  ${k.doc.title}`;
    const right = `Pagina ${i + 1} van ${n}`;
    const rw = measure(fonts.regular, right, size);
    out.push({ type: 'rect', x: g.left, y: y - plan.rise - size - 3, width: g.measure, height: 0.5, fill: tint(colors.brand, 0.4) });
    if (plan.lines) {
      plan.lines.forEach((line, j) => drawLine(line, g.left, y - plan.rise + j * t.type.footer.leading, size, colors.muted, colors.muted, undefined, new Map(), out));
    } else {
      out.push({ type: 'text', x: g.left, y, font: fonts.regular.id, size, color: colors.muted, text: left, width: measure(fonts.regular, left, size) });
    }
    out.push({ type: 'text', x: g.right - rw, y, font: fonts.regular.id, size, color: colors.muted, text: right, width: rw });
  });
}

export interface BodyFlow {
  /** y where the columns start on page 1. */
  top: number;
  /** Running text, laid out for one column. */
  lines: FlowLine[];
  /** Full-width block at the foot of the last page (contact block, colophon). */
  closing: FlowLine[];
  /** Section titles and positions by id, for overflow diagnostics. */
  sections: Array<Section<Run[]>>;
  /** Space between the columns and the closing block; 4 mm unless given. */
  closingGap?: number;
  /** Height a footer of more than one line takes from the foot of every page. */
  footerRise: number;
}

const FOOTER_GAP = mm(4);

/**
 * Flows the running text into the template's columns over as few pages as it needs (at
 * most `maxPages`), keeping room for the closing block at the foot of the last page.
 * Text that does not fit is reported as `layout/overflow`, never cut.
 */
export function flowBody(k: KindContext, body: BodyFlow): boolean {
  const { template: t } = k;
  const g = { ...k.g, bottom: k.g.bottom - body.footerRise };
  const cols = t.bodyColumns;
  const span = t.grid.columns / cols;
  const colW = g.span(span);
  const closingH = heightOf(body.closing);
  // The closing block stands whole: at the foot of the last page, or at the top of a page of
  // its own. Taller than that page, it would be drawn over the footer and off the paper.
  if (closingH > 0) {
    const room = t.maxPages > 1 ? g.bottom - g.top : g.bottom - body.top;
    if (!checkHeight(closingH, room, closingSource(k, body), t.maxPages > 1 ? 'a page of its own' : 'the page below the cover', 'Shorten its text.')) {
      return false;
    }
  }
  const snapshot = k.pages.map((p) => p.items.length);
  const bookmarkCount = k.bookmarks.length;
  let result: ReturnType<typeof flow> | undefined;
  let pageCount = Math.max(1, k.pages.length);
  let textEnd = 0;
  for (; pageCount <= t.maxPages; pageCount++) {
    k.pages.length = snapshot.length;
    k.pages.forEach((p, i) => (p.items.length = snapshot[i]!));
    k.bookmarks.length = bookmarkCount;
    const regions: Region[] = [];
    for (let p = 0; p < pageCount; p++) {
      const top = p === 0 ? body.top : g.top;
      const bottom = g.bottom - (p === pageCount - 1 && closingH > 0 ? closingH + (body.closingGap ?? FOOTER_GAP) : 0);
      if (bottom - top < t.type.body.leading * 3) continue;
      for (let c = 0; c < cols; c++) regions.push({ page: p, x: g.col(c * span), y: top, width: colW, height: bottom - top });
    }
    if (regions.length === 0) continue;
    let next = 0;
    result = flow(body.lines, regions[next++]!, () => regions[next++], (p) => pageItems(k, p), k.bookmarks);
    textEnd = regions[result.lastRegion]!.page;
    if (result.overflow.length === 0) break;
  }
  if (!result || result.overflow.length > 0) {
    reportOverflow(k, body, result?.overflow ?? body.lines);
    return false;
  }
  const last = Math.min(pageCount, t.maxPages) - 1;
  pageItems(k, last);
  if (body.closing.length) {
    // At the foot of the page the running text ends on; on a page of its own, at the top.
    place(k, body.closing, last, g.left, textEnd < last ? g.top : g.bottom - closingH);
  }
  return true;
}

/** The closing block named by its section (the contact block), else the colophon. */
function closingSource(k: KindContext, body: BodyFlow): TextSource {
  const s = body.sections.find((x) => x.id === body.closing[0]?.section);
  if (!s) return documentSource(k, 'the colophon at the foot of the last page');
  // A municipality's own text for the section is where it must be shortened.
  const at = s.blocks[0]?.at ?? s.at;
  return { scope: k.fit, at, what: `the closing block (section "${s.title}" (#${s.id}) with the contact card${body.closing.some((l) => l.section === 'colophon') ? ' and the colophon' : ''})` };
}

function reportOverflow(k: KindContext, body: BodyFlow, overflow: readonly FlowLine[]): void {
  const lines = overflow.filter((l) => l.text).length;
  const ids = [...new Set(overflow.map((l) => l.section))];
  const first = body.sections.find((s) => s.id === ids[0]);
  const where = first ? `section "${first.title}" (#${first.id})` : `the ${ids[0] ?? 'closing'} block`;
  const more = ids.length > 1 ? ` and ${ids.length - 1} later section${ids.length > 2 ? 's' : ''}` : '';
  k.diagnostics.push(
    diagnostic(
      first?.at ?? fileStart(k.doc.file),
      'layout/overflow',
      `Document "${k.doc.id}" does not fit on ${k.template.maxPages} page${k.template.maxPages > 1 ? 's' : ''} for ${k.profile.name}: ` +
        `${lines} line${lines === 1 ? '' : 's'} of text overflow, from ${where}${more}. Shorten the text or the local contact details.`,
    ),
  );
}

/**
 * A block placed outside the columns (the lead, the diagram) that leaves no room for text
 * on its page: an overflow error naming the block, never content drawn off the page.
 */
export function checkRoom(k: KindContext, bottom: number, what: string, at?: SourceRef): boolean {
  const limit = k.g.bottom - k.template.type.body.leading * 3;
  if (bottom <= limit) return true;
  const mmOver = Math.ceil(((bottom - limit) * 25.4) / 72);
  k.diagnostics.push(
    diagnostic(
      at ?? fileStart(k.doc.file),
      'layout/overflow',
      `Document "${k.doc.id}" for ${k.profile.name}: the ${what} does not fit on the first page (${mmOver} mm too tall). Shorten it.`,
    ),
  );
  return false;
}
