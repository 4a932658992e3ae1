/**
 * `out/index.html`: the review site for the national team — every municipality in the
 * build, searchable by name, with thumbnails of its documents and the warnings the build
 * gave about it, each linking into its pages. Plain HTML that works without a server (the
 * file system or any static host); the search is a few lines of script that only hide
 * list items, so without script the page still lists everything.
 */
import { brandTokens, html, styleSheet, trustedMarkup, type Html } from '../render/html/index.js';
import type { SiteDocument } from './municipality-page.js';

export interface SiteWarning {
  /** Relative to the content folder. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface SiteMunicipality {
  id: string;
  name: string;
  documents: readonly SiteDocument[];
  warnings: readonly SiteWarning[];
}

/** Neutral colours: the site belongs to the national team, not to one municipality. */
const SITE_BRAND = '#154273';

const SEARCH = `(() => {
  const input = document.getElementById('fp-search');
  const count = document.getElementById('fp-count');
  const items = [...document.querySelectorAll('[data-name]')];
  const fold = (s) => s.normalize('NFD').replace(/\\p{M}/gu, '').toLowerCase();
  const show = () => {
    const wanted = fold(input.value.trim());
    let shown = 0;
    for (const item of items) {
      const match = wanted === '' || item.dataset.name.includes(wanted);
      item.hidden = !match;
      if (match) shown++;
    }
    count.textContent = shown + ' van ' + items.length + ' gemeenten';
  };
  document.getElementById('fp-search-form').hidden = false;
  input.addEventListener('input', show);
  show();
})();`;

function warningList(warnings: readonly SiteWarning[]): Html {
  if (warnings.length === 0) return html`<p class="fp-ok">Geen waarschuwingen</p>`;
  const label = warnings.length === 1 ? '1 waarschuwing' : `${warnings.length} waarschuwingen`;
  return html`<details class="fp-warnings"><summary>${label}</summary><ul>${warnings.map(
    (w) => html`<li><span class="fp-place">${w.file}:${w.line}:${w.column}</span> ${w.message} <span class="fp-rule">${w.rule}</span></li>`,
  )}</ul></details>`;
}

function fold(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function municipalityItem(m: SiteMunicipality): Html {
  const thumbs = m.documents.flatMap((d) => {
    const thumb = d.files.find((f) => f.format === 'thumb.png');
    const page = d.files.find((f) => f.format === 'html');
    if (!thumb || !page) return [];
    return [html`<li><a href="${page.path}"><img src="${thumb.path}" alt="${d.title}" width="80" height="113" loading="lazy"></a></li>`];
  });
  return html`<li class="fp-municipality" data-name="${fold(m.name)} ${m.id}"><h2><a href="${m.id}/index.html">${m.name}</a></h2><ul class="fp-thumbs">${thumbs}</ul>${warningList(m.warnings)}</li>`;
}

export function reviewSite(parts: { municipalities: readonly SiteMunicipality[]; national: readonly SiteWarning[]; generator: string }): string {
  const list = [...parts.municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nl') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const warned = list.filter((m) => m.warnings.length > 0).length;
  return html`<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Folders cliëntondersteuning: overzicht per gemeente</title>
<meta name="generator" content="${parts.generator}">
<style>${trustedMarkup(styleSheet(brandTokens(SITE_BRAND), SITE_BRAND, ':root'))}
.fp-search-form{margin:1rem 0}
.fp-search-form input{font:inherit;padding:.4rem .6rem;width:100%;max-width:24rem;border:2px solid #4D4D4D;border-radius:4px}
.fp-municipalities{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
.fp-municipality{border:1px solid #D9D9D9;border-radius:6px;padding:.75rem 1rem}
.fp-municipality h2{font-size:1.15rem;margin:0 0 .5rem}
.fp-thumbs{list-style:none;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:.5rem}
.fp-thumbs img{display:block;width:4rem;border:1px solid #D9D9D9}
.fp-ok{margin:.5rem 0 0;color:#4D4D4D;font-size:1rem}
.fp-warnings{margin-top:.5rem;font-size:1rem}
.fp-warnings summary{color:#7A4A00;font-weight:700;cursor:pointer}
.fp-place,.fp-rule{font-family:ui-monospace,monospace;font-size:.9rem;overflow-wrap:anywhere}
.fp-rule{color:#4D4D4D}
.fp-main{max-width:80rem}</style>
</head>
<body>
<a class="fp-skip-link" href="#fp-main">Direct naar de inhoud</a>
<header class="fp-page-header"><div class="fp-page-header__content"><p class="fp-page-header__name">Folders onafhankelijke cliëntondersteuning</p></div></header>
<main id="fp-main" class="fp-main" tabindex="-1">
<article class="fp-article" lang="nl"><header><h1>Overzicht per gemeente</h1><p class="fp-subtitle">${list.length} gemeenten in deze build; ${warned} met waarschuwingen.</p></header>
${parts.national.length ? html`<section class="fp-section"><h2>Waarschuwingen voor alle gemeenten</h2>${warningList(parts.national)}</section>` : ''}
<form id="fp-search-form" class="fp-search-form" role="search" hidden onsubmit="return false"><label for="fp-search">Zoek een gemeente</label><br><input id="fp-search" type="search" autocomplete="off"> <p id="fp-count" aria-live="polite"></p></form>
<ul class="fp-municipalities">${list.map(municipalityItem)}</ul>
</article>
</main>
<script>${trustedMarkup(SEARCH)}</script>
</body>
</html>
`.markup;
}
