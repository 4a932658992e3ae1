/**
 * The municipality's contact card as an `address`: organisation, phone, e-mail, website and
 * the optional form, address and opening hours — the same values, labels and typed links as
 * the PDF's card (src/layout/kinds/house.ts), from the same profile.
 */
import type { Section } from '../../content/model.js';
import { displayUrl, emailLink, phoneLink, webLink } from '../../resolve/links.js';
import type { ContactDetails } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import { blocksHtml, sectionAnchor } from './blocks.js';
import { inlineHtml } from './inline.js';
import { html, type Html } from './markup.js';

function row(label: string, value: Html): Html {
  return html`<div class="fp-card__row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

export function contactCard(contact: ContactDetails): Html {
  const rows: Html[] = [
    row('Telefoon', html`<a href="${phoneLink(contact.phone).href}">${contact.phone}</a>`),
    row('E-mail', html`<a href="${emailLink(contact.email).href}">${contact.email}</a>`),
    row('Website', html`<a href="${webLink(contact.website).href}">${displayUrl(contact.website)}</a>`),
  ];
  if (contact.form) rows.push(row('Formulier', html`<a href="${webLink(contact.form).href}">contactformulier</a>`));
  if (contact.address) rows.push(row('Adres', html`${contact.address}`));
  if (contact.hours) rows.push(row('Bereikbaar', html`${contact.hours}`));
  return html`<address class="fp-card"><p class="fp-card__organisation">${contact.organisation}</p><dl class="fp-card__rows">${rows}</dl></address>`;
}

/**
 * The "Meer weten?" section: its heading, its first paragraph, the card, then its other
 * blocks — the order of the PDF's contact block. A landmark of its own, so it can be found.
 */
export function contactSection(section: Section<Run[]>, contact: ContactDetails): Html {
  const [first, ...rest] = section.blocks;
  const lead = first?.type === 'paragraph' ? first : undefined;
  const id = sectionAnchor(section);
  return html`<section class="fp-section fp-contact" aria-labelledby="${id}"><h2 id="${id}">${inlineHtml(section.heading)}</h2>${lead ? html`<p>${inlineHtml(lead.content)}</p>` : ''}${contactCard(contact)}${blocksHtml(lead ? rest : section.blocks)}</section>`;
}
