/**
 * The guide for professionals ("Wijzer voor professionals"): one A4 page in the house style
 * (two when the local text needs it), with the local "how to request" contact block.
 */
import { extractSections, sectionsShape } from '../content/extract/sections.js';
import type { Inline, ProfessionalGuide } from '../content/model.js';
import { layoutProfessionalGuide } from '../layout/kinds/professional-guide.js';
import type { Run } from '../resolve/runs.js';
import { introHtml, joinHtml, sectionsHtml } from '../render/html/index.js';
import type { KindDefinition } from './kind.js';
import { colophonTexts, hasContactSection, sectionIds, sectionOutline, sectionTexts } from './sections.js';

export const professionalGuide: KindDefinition<ProfessionalGuide<Inline[]>, ProfessionalGuide<Run[]>> = {
  name: 'professional-guide',
  schema: 'professional-guide.schema.json',
  template: 'professional-guide',
  formats: ['pdf', 'thumb.png', 'html', 'fragment.html'],
  extract(ctx, root, fields) {
    const parts = extractSections(ctx, root);
    const positions = new Map();
    return { model: { ...fields, kind: 'professional-guide', ...parts }, shape: sectionsShape(parts, positions), positions };
  },
  texts: (doc) => [...sectionTexts(doc as ProfessionalGuide<never>), ...colophonTexts(doc)],
  outline: sectionOutline,
  replaceableSections: sectionIds,
  shows: (doc) => ({ texts: [...sectionTexts(doc), ...colophonTexts(doc)].map((t) => t.content), contactCard: hasContactSection(doc), footerBand: false }),
  resolve: (doc, r) => ({ ...doc, colophon: doc.colophon.map(r.runs), intro: r.blocks(doc.intro), sections: r.sections(doc.sections) }),
  layout: layoutProfessionalGuide,
  html: (doc, web) => joinHtml([introHtml(doc.intro, false), sectionsHtml(doc.sections, web.contact)]),
};
