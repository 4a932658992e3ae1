/**
 * `out/<id>/index.html`: one municipality's page — its name and logo, each document with a
 * thumbnail, a short description and its files with their sizes, and the contact card.
 * Everything is relative to the page, so the folder works from the file system and from
 * any static host.
 */
import type { MergedProfile } from '../profiles/model.js';
import { contactCard, formatSize, html, styleSheet, trustedMarkup, type Html, type Tokens, type WebLogo } from '../render/html/index.js';

export interface SiteFile {
  /** Format name as in the manifest: `pdf`, `html`, `web.png` … */
  format: string;
  /** Path relative to the output folder. */
  path: string;
  bytes: number;
}

export interface SiteDocument {
  id: string;
  title: string;
  description?: string;
  files: readonly SiteFile[];
}

/** How each format is offered to a reader, in this order. */
export const FORMAT_LABELS: Array<{ format: string; label: string }> = [
  { format: 'html', label: 'Webpagina' },
  { format: 'pdf', label: 'PDF' },
  { format: 'png', label: 'Afbeelding voor drukwerk (PNG)' },
  { format: 'web.png', label: 'Afbeelding voor het web (PNG)' },
  { format: 'svg', label: 'Vectorafbeelding (SVG)' },
  { format: 'fragment.html', label: 'Tekst voor uw website (HTML-fragment)' },
  { format: 'alt.txt', label: 'Beschrijving van de afbeelding (tekst)' },
];

/** A file's name beside the page (`<id>/x` → `x`). */
function local(path: string): string {
  return path.slice(path.indexOf('/') + 1);
}

export function documentCard(doc: SiteDocument, linkBase = ''): Html {
  const byFormat = new Map(doc.files.map((f) => [f.format, f]));
  const page = byFormat.get('html');
  const thumb = byFormat.get('thumb.png');
  const target = (f: SiteFile) => `${linkBase}${linkBase ? f.path : local(f.path)}`;
  const files = FORMAT_LABELS.flatMap(({ format, label }) => {
    const f = byFormat.get(format);
    return f ? [html`<li><a href="${target(f)}">${label}</a> <span class="fp-size">(${formatSize(f.bytes)})</span></li>`] : [];
  });
  return html`<li class="fp-document">${thumb ? html`<img class="fp-thumb" src="${target(thumb)}" alt="" width="160" height="226" loading="lazy">` : ''}<div><h2>${page ? html`<a href="${target(page)}">${doc.title}</a>` : doc.title}</h2>${doc.description ? html`<p>${doc.description}</p>` : ''}<ul class="fp-files">${files}</ul></div></li>`;
}

export function municipalityPage(parts: {
  profile: MergedProfile;
  documents: readonly SiteDocument[];
  tokens: Tokens;
  logo?: WebLogo;
  generator: string;
}): string {
  const { profile, logo } = parts;
  const title = `Onafhankelijke cliëntondersteuning – ${profile.name}`;
  return html`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="generator" content="${parts.generator}">
<style>${trustedMarkup(styleSheet(parts.tokens, profile.brand.primary, ':root'))}</style>
</head>
<body>
<a class="fp-skip-link" href="#fp-main">Direct naar de inhoud</a>
<header class="fp-page-header"><div class="fp-page-header__content">${logo ? html`<img class="fp-logo" src="${logo.src}" alt="" width="${logo.width}" height="${logo.height}">` : ''}<p class="fp-page-header__name">${profile.name}</p></div></header>
<main id="fp-main" class="fp-main" tabindex="-1">
<article class="fp-article" lang="nl"><header><h1>Onafhankelijke cliëntondersteuning</h1><p class="fp-subtitle">Folders, een wijzer voor professionals en infographics van ${profile.name}, om te lezen, te downloaden en te printen.</p></header>
<ul class="fp-documents">${parts.documents.map((d) => documentCard(d))}</ul>
<section class="fp-section fp-contact" aria-labelledby="fp-contact"><h2 id="fp-contact">Meer weten?</h2>${contactCard(profile.contact)}</section>
</article>
</main>
</body>
</html>
`.markup;
}
