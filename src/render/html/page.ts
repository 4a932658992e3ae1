/**
 * One document as a web page: a self-contained HTML file (style and logo inline, no script,
 * nothing fetched but the document's own pictures beside it) with a skip link, the
 * municipality's header, the article, and a footer with the other formats; and the same
 * article on its own as a fragment to paste into a CMS.
 */
import type { DocumentBase } from '../../content/model.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import { inlineHtml } from './inline.js';
import { html, trustedMarkup, type Html } from './markup.js';
import { styleSheet, type Tokens } from './style.js';

export interface WebLogo {
  /** `data:` URI of the checked logo. */
  src: string;
  width: number;
  height: number;
}

export interface WebFormat {
  /** What a reader sees: "PDF", "Afbeelding (PNG)" … */
  label: string;
  /** File name beside the page. */
  file: string;
  bytes: number;
}

export interface PageParts {
  doc: DocumentBase<Run[]>;
  profile: MergedProfile;
  /** The kind's article body (src/kinds/, `html`). */
  body: Html;
  tokens: Tokens;
  logo?: WebLogo;
  /** The document's other files, for the footer. */
  formats: readonly WebFormat[];
  generator: string;
}

/** `12 kB`, `1,2 MB`: sizes as a Dutch reader writes them. */
export function formatSize(bytes: number): string {
  if (bytes < 1000 * 1000) return `${Math.max(1, Math.round(bytes / 1000))} kB`;
  return `${(bytes / 1000 / 1000).toFixed(1).replace('.', ',')} MB`;
}

export function article(parts: Pick<PageParts, 'doc' | 'body'>): Html {
  const { doc } = parts;
  const colophon = doc.colophon.length
    ? html`<footer class="fp-colophon">${doc.colophon.map((p) => html`<p>${inlineHtml(p)}</p>`)}</footer>`
    : '';
  return html`<article class="fp-article" lang="nl"><header><h1>${doc.title}</h1>${doc.subtitle ? html`<p class="fp-subtitle">${doc.subtitle}</p>` : ''}</header>${parts.body}${colophon}</article>`;
}

export function webPage(parts: PageParts): string {
  const { doc, profile, logo } = parts;
  const title = `${doc.title} – ${profile.name}`;
  const formats = parts.formats.map((f) => html`<li><a href="${f.file}">${f.label}</a> (${formatSize(f.bytes)})</li>`);
  const page = html`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${doc.description ? html`<meta name="description" content="${doc.description}">\n` : ''}<meta name="generator" content="${parts.generator}">
<style>${trustedMarkup(styleSheet(parts.tokens, profile.brand.primary, ':root'))}</style>
</head>
<body>
<a class="fp-skip-link" href="#fp-main">Direct naar de inhoud</a>
<header class="fp-page-header"><div class="fp-page-header__content">${logo ? html`<img class="fp-logo" src="${logo.src}" alt="" width="${logo.width}" height="${logo.height}">` : ''}<p class="fp-page-header__name">${profile.name}</p></div></header>
<main id="fp-main" class="fp-main" tabindex="-1">
${article(parts)}
</main>
<footer class="fp-page-footer"><div class="fp-page-footer__content"><p>Deze informatie als bestand:</p><ul class="fp-formats">${formats}</ul><p><a href="index.html">Alle informatie over cliëntondersteuning in ${profile.name.replace(/^Gemeente\s+/, '')}</a></p></div></footer>
</body>
</html>
`;
  return page.markup;
}

/** The article alone, for a CMS: no page, no style; class names prefixed `fp-`. */
export function fragment(parts: Pick<PageParts, 'doc' | 'body'>): string {
  return `${article(parts).markup}\n`;
}
