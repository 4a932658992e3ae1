/**
 * The content model's blocks and sections as semantic HTML: paragraphs, real lists, pull
 * quotes that assistive technology skips (the sentence is in the running text already), and
 * citations as a quotation with its source in a figure caption. Class names are prefixed
 * `fp-`, so the article can sit inside any website's own styles.
 */
import type { Block, Section } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import { inlineHtml } from './inline.js';
import { html, joinHtml, type Html } from './markup.js';

export function blockHtml(block: Block<Run[]>): Html {
  switch (block.type) {
    case 'paragraph':
      return html`<p>${inlineHtml(block.content)}</p>`;
    case 'list': {
      const items = block.items.map((item) => html`<li>${inlineHtml(item)}</li>`);
      return block.ordered ? html`<ol class="fp-list">${items}</ol>` : html`<ul class="fp-list">${items}</ul>`;
    }
    case 'pullquote':
      // The large repeat of a sentence from the text: shown, not read twice.
      return html`<aside class="fp-pullquote" aria-hidden="true"><p>${inlineHtml(block.content, { links: false })}</p></aside>`;
    case 'citation': {
      const source = stripDash(block.source);
      return html`<figure class="fp-citation"><blockquote>${block.paragraphs.map((p) => html`<p>${inlineHtml(p)}</p>`)}</blockquote><figcaption>— <cite>${inlineHtml(source)}</cite></figcaption></figure>`;
    }
  }
}

/** The extractor may keep the `—` that marks a citation's source; the caption adds its own. */
function stripDash(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r }));
  if (out[0]) out[0].text = out[0].text.replace(/^\s*[—–-]\s*/, '');
  return out;
}

export function blocksHtml(blocks: readonly Block<Run[]>[]): Html {
  return joinHtml(blocks.map(blockHtml));
}

/** A section's id as an HTML id: unique per document, and never one the page itself uses. */
export function sectionAnchor(section: { id: string }): string {
  return `fp-${section.id}`;
}

/** A `##` section. Not a landmark: a page of eight regions helps nobody find the one that matters. */
export function sectionHtml(section: Section<Run[]>, body: Html = blocksHtml(section.blocks)): Html {
  return html`<section class="fp-section"><h2 id="${sectionAnchor(section)}">${inlineHtml(section.heading)}</h2>${body}</section>`;
}
