/**
 * The three-layer model: a PDF with the diagram of the layers and the full text, and the
 * diagram on its own as an A4 landscape picture (SVG, PNG, alternative text). The layers come
 * from the one numbered list whose items start with a bold title.
 */
import { extractLayers, layersShape } from '../content/extract/layers.js';
import { extractSections, sectionsShape } from '../content/extract/sections.js';
import type { Inline, ThreeLayerModel } from '../content/model.js';
import { layoutThreeLayerDiagram } from '../layout/infographic/three-layer-diagram.js';
import { layoutThreeLayerModel } from '../layout/kinds/three-layer-model.js';
import type { Run } from '../resolve/runs.js';
import { html, introHtml, joinHtml, pictureFigure, pictureText, sectionsHtml } from '../render/html/index.js';
import type { KindDefinition } from './kind.js';
import { colophonTexts, hasContactSection, sectionIds, sectionOutline, sectionTexts } from './sections.js';

export const threeLayerModel: KindDefinition<ThreeLayerModel<Inline[]>, ThreeLayerModel<Run[]>> = {
  name: 'three-layer-model',
  schema: 'three-layer-model.schema.json',
  template: 'three-layer-model',
  formats: ['pdf', 'svg', 'png', 'web.png', 'alt.txt', 'thumb.png', 'html', 'fragment.html'],
  extract(ctx, root, fields) {
    const parts = extractSections(ctx, root);
    const layers = extractLayers(ctx, parts.intro, parts.sections);
    const positions = new Map();
    const shape = { ...sectionsShape(parts, positions), layers: layersShape(layers, positions) };
    return { model: { ...fields, kind: 'three-layer-model', ...parts, layers }, shape, positions };
  },
  texts(doc) {
    const d = doc as ThreeLayerModel<never>;
    return [...sectionTexts(d), ...d.layers.map((l) => ({ content: l.summary, at: l.at })), ...colophonTexts(doc)];
  },
  outline: sectionOutline,
  replaceableSections: sectionIds,
  // The PDF has the diagram and the text; the picture is the diagram with the footer band.
  shows: (doc, artifact) =>
    artifact === 'pdf'
      ? { texts: [...sectionTexts(doc), ...doc.layers.map((l) => ({ content: l.summary })), ...colophonTexts(doc)].map((t) => t.content), contactCard: hasContactSection(doc), footerBand: false }
      : { texts: doc.layers.map((l) => l.summary), contactCard: false, footerBand: true },
  resolve: (doc, r) => ({
    ...doc,
    colophon: doc.colophon.map(r.runs),
    intro: r.blocks(doc.intro),
    sections: r.sections(doc.sections),
    layers: doc.layers.map((l) => ({ ...l, summary: r.runs(l.summary) })),
  }),
  layout: layoutThreeLayerModel,
  // The PDF is the full text; the picture is the diagram on a page of its own.
  picture: (doc, profile, env) => layoutThreeLayerDiagram(doc, profile.profile, { ...env, positions: profile.positions }),
  // The diagram first, as in the PDF, with its words folded under it; then the full text.
  html: (doc, web) =>
    joinHtml([
      web.picture ? pictureFigure(web.picture, pictureText(web.picture, 'Tekst van het schema')) : html``,
      introHtml(doc.intro, false),
      sectionsHtml(doc.sections, web.contact),
    ]),
};
