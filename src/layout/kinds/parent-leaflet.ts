/**
 * Parent leaflet: a two-page A4 folder. Page 1 opens with the cover band and the intro as a
 * lead across nine grid columns; the sections run in two columns; the "Meer weten?"
 * section (id `contact`) and the colophon close the last page at its foot.
 */
import type { ParentLeaflet, Section } from '../../content/model.js';
import type { SectionsModel } from '../../kinds/sections.js';
import type { Run } from '../../resolve/runs.js';
import { at, block, paragraph, stack } from '../blocks/blocks.js';
import type { FlowLine } from '../blocks/flow.js';
import { mm } from '../units.js';
import type { KindContext } from './context.js';
import { blockContext, checkRoom, colophonLines, contactLines, cover, documentSource, flowBody, footerPlan, footers, place, sectionLines } from './house.js';

const CONTACT = 'contact';

export function layoutParentLeaflet(k: KindContext): void {
  layoutHouseDocument(k, k.doc as ParentLeaflet<Run[]>, { leadIntro: true, contactInFlow: false });
}

export interface HouseOptions {
  /** The intro as a lead across nine grid columns (else the start of the running text). */
  leadIntro: boolean;
  /** The contact section stays in the running text (else it closes the last page). */
  contactInFlow: boolean;
  /** The closing contact block in its most compact arrangement (see `ContactOptions`). */
  compactContact?: boolean;
  /** Space between the cover band and the text; 7 mm unless given. */
  coverGap?: number;
  /**
   * Something across the page between the cover and the text (the three-layer diagram):
   * drawn from `top`, returns where the text starts, or false when it did not fit.
   */
  beforeText?: (top: number) => number | false;
}

/**
 * Shared by the leaflet, the professional guide and the three-layer model: they differ in
 * template (cover height, page count), in whether the intro is a lead, and in what stands
 * between the cover and the text.
 */
export function layoutHouseDocument(k: KindContext, doc: SectionsModel<Run[]>, opts: HouseOptions): void {
  const { g, template: t } = k;
  let top = cover(k) + (opts.coverGap ?? mm(7));
  if (!checkRoom(k, top, 'cover band')) return;
  if (opts.beforeText) {
    const below = opts.beforeText(top);
    if (below === false) return;
    top = below;
  }
  const colW = g.span(t.grid.columns / t.bodyColumns);
  const intro = documentSource(k, 'the introduction');

  const lines: FlowLine[] = [];
  if (doc.intro.length > 0) {
    if (opts.leadIntro) {
      const ctx = blockContext(k, k.builder.root, 'intro', g.span(9), intro);
      const lead = stack(doc.intro.map((b) => (b.type === 'paragraph' ? paragraph(at(ctx, b), b.content, t.type.lead) : block(ctx, b))));
      top = place(k, lead, 0, g.left, top) + mm(5);
      if (!checkRoom(k, top, 'introduction', doc.intro[0]?.at)) return;
    } else {
      const ctx = blockContext(k, k.builder.root, 'intro', colW, intro);
      lines.push(...stack(doc.intro.map((b) => block(ctx, b))));
    }
  }

  const sections = doc.sections;
  const contactIndex = sections.findIndex((s) => s.id === CONTACT);
  // The contact block closes the document when it is the last section; elsewhere it stays in
  // the running text so the reading order is the authored order.
  const closingContact = !opts.contactInFlow && contactIndex === sections.length - 1 ? sections[contactIndex] : undefined;
  for (const s of sections) {
    if (s === closingContact) continue;
    const sl = s.id === CONTACT ? contactLines(k, s, colW) : sectionLines(k, s, colW);
    if (lines.length && sl[0]) sl[0].spaceBefore = Math.max(sl[0].spaceBefore, t.type.h2.spaceBefore ?? 0);
    lines.push(...sl);
  }
  const closing: FlowLine[] = [];
  if (closingContact) closing.push(...contactLines(k, closingContact, g.measure, { compact: opts.compactContact ?? false }));
  const colophon = colophonLines(k, closingContact ? g.measure : colW);
  if (closingContact) {
    if (colophon[0]) colophon[0].spaceBefore = opts.compactContact ? mm(3) : mm(4);
    closing.push(...colophon);
  } else {
    if (colophon[0]) colophon[0].spaceBefore = mm(4);
    lines.push(...colophon);
  }
  const footer = footerPlan(k);
  const ok = flowBody(k, {
    top,
    lines,
    closing,
    sections: sections as Array<Section<Run[]>>,
    footerRise: footer.rise,
    ...(opts.compactContact ? { closingGap: mm(3) } : {}),
  });
  if (ok) footers(k, footer);
}
