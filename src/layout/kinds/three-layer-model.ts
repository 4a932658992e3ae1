/**
 * Three-layer model: the cover, then the diagram of the three layers across the page (one
 * Figure whose alternative text spells out every layer), then intro and sections in two
 * columns, the contact block and the colophon last.
 */
import type { ThreeLayerModel } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import { baselineOffset, drawLine } from '../blocks/text.js';
import { textOn, tint, readableOn } from '../color.js';
import type { FrameItem } from '../frames.js';
import { checkLines } from '../fit.js';
import { breakLines, measure } from '../text/index.js';
import { mm } from '../units.js';
import type { KindContext } from './context.js';
import { checkRoom } from './house.js';
import { layoutHouseDocument } from './parent-leaflet.js';

export function layoutThreeLayerModel(k: KindContext): void {
  const doc = k.doc as ThreeLayerModel<Run[]>;
  // The house style, with the diagram between the cover and the text and the contact
  // section, when it is the last, closing the last page as in the leaflet.
  layoutHouseDocument(k, doc, {
    leadIntro: false,
    contactInFlow: false,
    beforeText: (top) => {
      const below = diagram(k, doc, top) + mm(7);
      return checkRoom(k, below, 'diagram of the layers', doc.layers[0]?.at) && below;
    },
  });
}

function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
}

/** The layers as stacked bands, lightest first, each with its number, title and summary. */
function diagram(k: KindContext, doc: ThreeLayerModel<Run[]>, top: number): number {
  const { g, fonts, colors, template: t, builder } = k;
  const tints = t.colors.layerTints ?? [0.18, 0.45, 1];
  const alt =
    `Schema: cliëntondersteuning in ${doc.layers.length} lagen. ` +
    doc.layers.map((l) => `Laag ${l.number}: ${l.title}. ${plainText(l.summary)}`).join(' ');
  const figure = builder.add(builder.root, 'Figure', { alt });
  const out = k.pages[0]!.items;
  const pad = mm(4);
  const badge = mm(11);
  const step = mm(6);
  const titleSize = 12.5;
  const body = { size: 9.5, leading: 13 };
  let y = top;
  doc.layers.forEach((layer, i) => {
    const fill = tint(colors.brand, tints[i] ?? 1);
    const ink = textOn(fill);
    // Each layer steps in a little: the model narrows from reflection to care.
    const x = g.left + i * step;
    const width = g.measure - i * step;
    const textX = x + pad + badge + pad;
    const textW = x + width - pad - textX;
    const label = `LAAG ${layer.number}`;
    const labelSize = 8.5;
    const titleLines = breakLines([{ text: layer.title, bold: true, italic: false }], { fonts, size: titleSize, hyphenate: false }, textW);
    const summary = breakLines(layer.summary, { fonts, size: body.size }, textW);
    const source = { scope: k.fit, at: layer.at, what: `layer ${layer.number} ("${layer.title}") of the diagram` };
    checkLines(titleLines, textW, source);
    checkLines(summary, textW, source);
    const titleLeading = titleSize * 1.25;
    const textH = labelSize * 1.4 + titleLines.length * titleLeading + 2 + summary.length * body.leading;
    const h = Math.max(badge, textH) + 2 * pad;
    out.push({ type: 'rect', x, y, width, height: h, fill, radius: 3, node: figure.id });
    const cx = x + pad + badge / 2;
    const cy = y + pad + badge / 2;
    const r = badge / 2;
    const circle = `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
    const badgeFill = ink === '#FFFFFF' ? '#FFFFFF' : colors.brand;
    const badgeInk = ink === '#FFFFFF' ? readableOn(colors.brand, '#FFFFFF') : textOn(colors.brand);
    out.push({ type: 'path', d: circle, fill: badgeFill, node: figure.id });
    const num = String(layer.number);
    const nw = measure(fonts.bold, num, 16);
    out.push({ type: 'text', x: cx - nw / 2, y: cy + 5.6, font: fonts.bold.id, size: 16, color: badgeInk, text: num, width: nw, node: figure.id });
    let ly = y + pad;
    out.push({
      type: 'text',
      x: textX,
      y: ly + labelSize,
      font: fonts.bold.id,
      size: labelSize,
      color: ink,
      text: label,
      width: measure(fonts.bold, label, labelSize),
      node: figure.id,
    } satisfies FrameItem);
    ly += labelSize * 1.4;
    const titleBase = baselineOffset({ fonts, size: titleSize }, titleLeading);
    for (const line of titleLines) {
      drawLine(line, textX, ly + titleBase, titleSize, ink, ink, figure, new Map(), out);
      ly += titleLeading;
    }
    ly += 2;
    const base = baselineOffset({ fonts, size: body.size }, body.leading);
    for (const line of summary) {
      // Inside the Figure: the alternative text carries the words, links stay plain.
      drawLine({ ...line, segments: line.segments.map(({ link: _l, linkGroup: _g, ...s }) => s) }, textX, ly + base, body.size, ink, ink, figure, new Map(), out);
      ly += body.leading;
    }
    y += h + 3;
  });
  return y - 3;
}
