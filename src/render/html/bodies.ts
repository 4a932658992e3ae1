/**
 * The parts the kinds' article bodies are made of: an intro and `##` sections with the
 * contact section as a card, and a picture as a figure whose every word is also text on
 * the page (WCAG 1.1.1: nothing only in pixels).
 */
import type { Block, Section } from '../../content/model.js';
import type { ContactDetails } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import type { AltText } from '../svg/alt-text.js';
import { blockHtml, sectionHtml } from './blocks.js';
import { contactSection } from './contact.js';
import { inlineHtml } from './inline.js';
import { html, joinHtml, type Html } from './markup.js';

/** The section that carries the municipality's contact card (as in the PDF layouts). */
export const CONTACT_SECTION = 'contact';

export function introHtml(intro: readonly Block<Run[]>[], lead: boolean): Html {
  return joinHtml(intro.map((b) => (lead && b.type === 'paragraph' ? html`<p class="fp-lead">${inlineHtml(b.content)}</p>` : blockHtml(b))));
}

export function sectionsHtml(sections: readonly Section<Run[]>[], contact: ContactDetails): Html {
  return joinHtml(sections.map((s) => (s.id === CONTACT_SECTION ? contactSection(s, contact) : sectionHtml(s))));
}

/** A picture of the document beside the page: the web PNG, the print PNG for wide or dense screens. */
export interface WebPicture {
  web: { file: string; width: number; height: number };
  print: { file: string; width: number };
  alt: AltText;
}

/** The picture as a figure: its short description as `alt`, `caption` under it. */
export function pictureFigure(picture: WebPicture, caption: Html): Html {
  const { web, print } = picture;
  return html`<figure class="fp-figure"><img src="${web.file}" srcset="${web.file} ${web.width}w, ${print.file} ${print.width}w" sizes="(min-width: 48rem) 45.5rem, 100vw" width="${web.width}" height="${web.height}" style="max-width:100%;height:auto" alt="${picture.alt.short}"><figcaption>${caption}</figcaption></figure>`;
}

/** Every word drawn in the picture, a block a line (its alternative text), folded under it. */
export function pictureText(picture: WebPicture, summary: string): Html {
  const lines = picture.alt.full.split('\n').filter((l) => l.trim() !== '');
  return html`<details class="fp-picture-text"><summary>${summary}</summary>${lines.map((l) => html`<p>${l}</p>`)}</details>`;
}
