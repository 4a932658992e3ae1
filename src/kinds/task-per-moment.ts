/**
 * The task-per-moment infographic: one A4 page — introduction, three moments with their
 * roles and tasks, the reading list — as a tagged PDF, SVG, PNG and alternative text. Its
 * sections have fixed roles, so none can be replaced by a profile.
 */
import { extractTaskPerMoment } from '../content/extract/task-per-moment.js';
import type { Inline, TaskPerMoment } from '../content/model.js';
import { taskPerMomentKind } from '../layout/infographic/task-per-moment.js';
import type { Run } from '../resolve/runs.js';
import { contactCard, html, inlineHtml, joinHtml, pictureFigure } from '../render/html/index.js';
import type { KindDefinition } from './kind.js';
import { colophonTexts } from './sections.js';

export const taskPerMoment: KindDefinition<TaskPerMoment<Inline[]>, TaskPerMoment<Run[]>> = {
  name: 'task-per-moment',
  schema: 'task-per-moment.schema.json',
  template: 'task-per-moment',
  formats: ['pdf', 'svg', 'png', 'web.png', 'alt.txt', 'thumb.png', 'html', 'fragment.html'],
  extract(ctx, root, fields) {
    const { parts, shape, positions } = extractTaskPerMoment(ctx, root);
    return { model: { ...fields, kind: 'task-per-moment', ...parts }, shape, positions };
  },
  texts(doc) {
    const d = doc as TaskPerMoment<never>;
    return [
      ...d.intro.paragraphs.map((content) => ({ content, at: d.intro.at })),
      ...d.moments.flatMap((m) => [...m.description, ...m.tasks].map((content) => ({ content, at: m.at }))),
      ...d.references.items.map((content) => ({ content, at: d.references.at })),
      ...colophonTexts(doc),
    ];
  },
  outline: (doc) => [
    { id: 'intro', title: doc.intro.heading, parts: doc.intro.paragraphs.map((content) => ({ content, role: 'prose' as const })) },
    ...doc.moments.map((m) => ({
      id: `moment-${m.number}`,
      title: m.name,
      parts: [...m.description, ...m.tasks].map((content) => ({ content, role: 'prose' as const })),
    })),
    { id: 'references', title: doc.references.heading, parts: doc.references.items.map((content) => ({ content, role: 'reference' as const })) },
  ],
  replaceableSections: () => [],
  // One page for both: all its text and the footer band.
  shows(doc) {
    return { texts: taskPerMoment.texts(doc).map((t) => t.content), contactCard: false, footerBand: true };
  },
  resolve: (doc, r) => ({
    ...doc,
    colophon: doc.colophon.map(r.runs),
    intro: { ...doc.intro, paragraphs: doc.intro.paragraphs.map(r.runs) },
    moments: doc.moments.map((m) => ({ ...m, description: m.description.map(r.runs), tasks: m.tasks.map(r.runs) })),
    references: { ...doc.references, items: doc.references.items.map(r.runs) },
  }),
  layout: taskPerMomentKind,
  // One page: the picture is the PDF's page itself, laid out once.
  picture: (_doc, _profile, _env, pdf) => ({ frames: pdf, diagnostics: [] }),
  // The infographic, then all of its text as the page itself: nothing is only in pixels.
  html: (doc, web) =>
    joinHtml([
      web.picture ? pictureFigure(web.picture, html`De tekst van de infographic staat hieronder.`) : html``,
      html`<section class="fp-section"><h2 id="fp-introductie">${doc.intro.heading}</h2>${doc.intro.paragraphs.map((p) => html`<p>${inlineHtml(p)}</p>`)}</section>`,
      ...doc.moments.map(
        (m) =>
          html`<section class="fp-section fp-moment"><h2 id="fp-moment-${m.number}">${m.name}</h2><p class="fp-moment-subtitle">${m.subtitle}</p><p class="fp-moment-role">${m.role}</p>${m.description.map((p) => html`<p>${inlineHtml(p)}</p>`)}<ul class="fp-list">${m.tasks.map((t) => html`<li>${inlineHtml(t)}</li>`)}</ul></section>`,
      ),
      html`<section class="fp-section"><h2 id="fp-meer-lezen">${doc.references.heading}</h2><ul class="fp-list">${doc.references.items.map((r) => html`<li>${inlineHtml(r)}</li>`)}</ul></section>`,
      html`<section class="fp-section fp-contact" aria-labelledby="fp-contact"><h2 id="fp-contact">Meer weten?</h2>${contactCard(web.contact)}</section>`,
    ]),
};
