/**
 * The parent leaflet ("Informatie voor ouders"): two A4 pages — cover band, lead, sections in
 * two columns, the "Meer weten?" block with the local contact card at the foot of the last page.
 */
import { extractSections, sectionsShape } from '../content/extract/sections.js';
import type { Inline, ParentLeaflet } from '../content/model.js';
import { layoutParentLeaflet } from '../layout/kinds/parent-leaflet.js';
import type { Run } from '../resolve/runs.js';
import { introHtml, joinHtml, sectionsHtml } from '../render/html/index.js';
import type { KindDefinition } from './kind.js';
import { colophonTexts, hasContactSection, sectionIds, sectionOutline, sectionTexts } from './sections.js';

export const parentLeaflet: KindDefinition<ParentLeaflet<Inline[]>, ParentLeaflet<Run[]>> = {
  name: 'parent-leaflet',
  schema: 'parent-leaflet.schema.json',
  template: 'parent-leaflet',
  formats: ['pdf', 'thumb.png', 'html', 'fragment.html'],
  extract(ctx, root, fields) {
    const parts = extractSections(ctx, root);
    const positions = new Map();
    return { model: { ...fields, kind: 'parent-leaflet', ...parts }, shape: sectionsShape(parts, positions), positions };
  },
  texts: (doc) => [...sectionTexts(doc as ParentLeaflet<never>), ...colophonTexts(doc)],
  outline: sectionOutline,
  replaceableSections: sectionIds,
  shows: (doc) => ({ texts: [...sectionTexts(doc), ...colophonTexts(doc)].map((t) => t.content), contactCard: hasContactSection(doc), footerBand: false }),
  resolve: (doc, r) => ({ ...doc, colophon: doc.colophon.map(r.runs), intro: r.blocks(doc.intro), sections: r.sections(doc.sections) }),
  layout: layoutParentLeaflet,
  html: (doc, web) => joinHtml([introHtml(doc.intro, true), sectionsHtml(doc.sections, web.contact)]),
};
