/**
 * The web edition's one style sheet, inlined in every page. Brand and type come in as CSS
 * custom properties named after NL Design System design tokens (`--utrecht-document-color`,
 * `--utrecht-link-color` …), so a municipality's own token file (profile `brand.tokens`)
 * can supply them, and a CMS that already defines them styles a pasted fragment the same
 * way. Everything else is relative (rem, ch, %): the page reflows from 320 CSS px to a
 * desktop without horizontal scrolling (WCAG 1.4.10) and text zooms to 200 %.
 */
import { readableOn, textOn, tint } from '../../layout/color.js';

/** The tokens the style sheet reads, with where their default comes from. */
export const TOKEN_NAMES = [
  'utrecht-document-color',
  'utrecht-document-background-color',
  'utrecht-document-font-family',
  'utrecht-heading-color',
  'utrecht-heading-font-family',
  'utrecht-link-color',
  'utrecht-link-hover-color',
  'utrecht-link-visited-color',
  'utrecht-focus-outline-color',
  'utrecht-focus-background-color',
  'utrecht-page-header-background-color',
  'utrecht-page-header-color',
  'utrecht-page-footer-background-color',
  'utrecht-page-footer-color',
  'utrecht-blockquote-content-color',
  'nl-skip-link-background-color',
  'nl-skip-link-color',
] as const;

export type TokenName = (typeof TOKEN_NAMES)[number];
export type Tokens = Record<TokenName, string>;

const FONT_STACK = '"Source Sans 3", "Source Sans Pro", system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';

/** The brand colour's tokens with those a municipality's own token file sets laid over them. */
export function pageTokens(brand: string, own: Partial<Tokens> | undefined): Tokens {
  return { ...brandTokens(brand), ...own };
}

/** The tokens from the brand colour alone, with the same colour roles as the PDF (src/layout/palette.ts). */
export function brandTokens(brand: string): Tokens {
  const onBrand = textOn(brand);
  const onWhite = readableOn(brand, '#FFFFFF');
  return {
    'utrecht-document-color': '#1A1A1A',
    'utrecht-document-background-color': '#FFFFFF',
    'utrecht-document-font-family': FONT_STACK,
    'utrecht-heading-color': onWhite,
    'utrecht-heading-font-family': FONT_STACK,
    'utrecht-link-color': onWhite,
    'utrecht-link-hover-color': readableOn(onWhite, '#FFFFFF', 7),
    'utrecht-link-visited-color': onWhite,
    'utrecht-focus-outline-color': '#1A1A1A',
    'utrecht-focus-background-color': '#FFE066',
    'utrecht-page-header-background-color': brand.toUpperCase(),
    'utrecht-page-header-color': onBrand,
    'utrecht-page-footer-background-color': tint(brand, 0.12),
    'utrecht-page-footer-color': '#1A1A1A',
    'utrecht-blockquote-content-color': onWhite,
    'nl-skip-link-background-color': '#1A1A1A',
    'nl-skip-link-color': '#FFFFFF',
  };
}

/** The colours on the tinted panel (contact block, citation), darkened where the panel needs it for AA. */
function declarations(tokens: Tokens, panel: string): string {
  return [
    ...TOKEN_NAMES.map((name) => `--${name}:${tokens[name]}`),
    `--fp-panel-background-color:${panel}`,
    `--fp-panel-heading-color:${readableOn(tokens['utrecht-heading-color'], panel)}`,
    `--fp-panel-link-color:${readableOn(tokens['utrecht-link-color'], panel)}`,
    `--fp-panel-color:${readableOn(tokens['utrecht-document-color'], panel)}`,
  ].join(';');
}

/**
 * The rules, scoped to `.fp-` classes. `scope` is where the custom properties are set: the
 * page's root, or the article itself for a fragment.
 */
export function styleSheet(tokens: Tokens, brand: string, scope: string): string {
  const panel = tint(brand, 0.12);
  return `${scope}{${declarations(tokens, panel)}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--utrecht-document-background-color);color:var(--utrecht-document-color);font-family:var(--utrecht-document-font-family);font-size:1.125rem;line-height:1.55}
img{max-width:100%;height:auto}
a{color:var(--utrecht-link-color);text-decoration:underline;text-underline-offset:.15em;overflow-wrap:anywhere}
a:visited{color:var(--utrecht-link-visited-color)}
a:hover{color:var(--utrecht-link-hover-color);text-decoration-thickness:.14em}
:focus-visible{outline:3px solid var(--utrecht-focus-outline-color);outline-offset:2px;background:var(--utrecht-focus-background-color);color:#1A1A1A}
.fp-skip-link{position:absolute;left:.5rem;top:-10rem;padding:.5rem 1rem;background:var(--nl-skip-link-background-color);color:var(--nl-skip-link-color);z-index:1}
.fp-skip-link:focus{top:.5rem}
.fp-page-header{background:var(--utrecht-page-header-background-color);color:var(--utrecht-page-header-color)}
.fp-page-header__content,.fp-main,.fp-page-footer__content{max-width:48rem;margin:0 auto;padding:1rem 1.25rem}
.fp-page-header__content{display:flex;flex-wrap:wrap;align-items:center;gap:.75rem 1.25rem}
.fp-logo{display:block;background:#FFFFFF;padding:.5rem .75rem;border-radius:4px;max-height:4.5rem;width:auto}
.fp-page-header__name{margin:0;font-weight:700;font-size:1.25rem;min-width:0;overflow-wrap:anywhere}
.fp-main:focus{outline:none}
.fp-article{overflow-wrap:break-word}
.fp-article h1,.fp-article h2,.fp-article h3{font-family:var(--utrecht-heading-font-family);color:var(--utrecht-heading-color);line-height:1.2}
.fp-article h1{font-size:clamp(1.5rem,1rem + 2.5vw,2.1rem);margin:1.5rem 0 .25rem}
.fp-article h2{font-size:1.4rem;margin:2rem 0 .5rem}
.fp-article h3{font-size:1.15rem;margin:1.25rem 0 .25rem}
.fp-subtitle{font-size:1.25rem;margin:0 0 1.5rem}
.fp-lead{font-size:1.2rem}
.fp-list{padding-left:1.4em}
.fp-list li{margin:.3em 0}
.fp-pullquote{margin:1.5rem 0;padding-left:1rem;border-left:.3rem solid var(--utrecht-page-header-background-color);color:var(--utrecht-blockquote-content-color);font-size:1.35rem;font-style:italic;line-height:1.4}
.fp-pullquote p{margin:0}
.fp-citation{margin:1.5rem 0;padding:1rem 1.25rem;background:var(--fp-panel-background-color);border-left:.3rem solid var(--utrecht-page-header-background-color)}
.fp-citation blockquote{margin:0;font-style:italic}
.fp-citation figcaption{margin-top:.5rem;font-weight:700}
.fp-citation cite{font-style:normal}
.fp-contact{margin:2rem 0;padding:1rem 1.25rem 1.25rem;background:var(--fp-panel-background-color);border-radius:6px}
.fp-contact,.fp-citation{color:var(--fp-panel-color)}
.fp-contact h2{margin-top:.25rem;color:var(--fp-panel-heading-color)}
.fp-contact a,.fp-citation a{color:var(--fp-panel-link-color)}
.fp-card{color:var(--utrecht-document-color)}
.fp-card a{color:var(--utrecht-link-color)}
.fp-card{font-style:normal;background:#FFFFFF;border-radius:4px;padding:1rem 1.25rem;margin:1rem 0}
.fp-card__organisation{font-weight:700;font-size:1.2rem;margin:0 0 .5rem}
.fp-card__rows{margin:0}
.fp-card__row{display:flex;flex-wrap:wrap;gap:0 1rem;margin:.25rem 0}
.fp-card__row dt{min-width:6.5rem;color:#4D4D4D}
.fp-card__row dd{margin:0;font-weight:700;overflow-wrap:anywhere}
.fp-figure{margin:1.5rem 0}
.fp-figure img{display:block;border:1px solid #D9D9D9}
.fp-figure figcaption{font-size:1rem;margin-top:.5rem}
.fp-moment-role{display:inline-block;margin:0;padding:.1em .6em;border-radius:1em;background:var(--utrecht-page-header-background-color);color:var(--utrecht-page-header-color);font-weight:700;font-size:.9rem;letter-spacing:.03em;text-transform:uppercase}
.fp-moment-subtitle{font-style:italic;margin:.1rem 0 .5rem}
.fp-colophon{margin-top:2.5rem;padding-top:1rem;border-top:1px solid #D9D9D9;font-size:1rem;color:#4D4D4D}
.fp-page-footer{margin-top:2rem;background:var(--utrecht-page-footer-background-color);color:var(--utrecht-page-footer-color)}
.fp-page-footer a{color:var(--utrecht-page-footer-color)}
.fp-formats{padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.fp-documents,.fp-municipalities{list-style:none;padding:0;margin:1.5rem 0}
.fp-document{display:flex;flex-wrap:wrap;gap:1rem 1.5rem;align-items:flex-start;padding:1.25rem 0;border-top:1px solid #D9D9D9}
.fp-document h2{margin-top:0}
.fp-thumb{flex:0 0 auto;width:10rem;border:1px solid #D9D9D9;background:#FFFFFF}
.fp-document>div{flex:1 1 16rem;min-width:0}
.fp-files{padding-left:1.2em;margin:.5rem 0 0}
.fp-size{color:#4D4D4D;white-space:nowrap}
a[href^="tel:"]{white-space:nowrap}
@media (min-width:40em){.fp-card__row dt{min-width:7.5rem}}
@media print{
body{font-size:11pt;background:#FFFFFF;color:#000000}
.fp-skip-link,.fp-page-footer{display:none}
.fp-page-header{background:none;color:#000000;border-bottom:2pt solid var(--utrecht-page-header-background-color)}
.fp-main{max-width:none;padding:0}
a{color:#000000}
.fp-article a[href^="https:"]::after{content:" (" attr(href) ")";font-size:90%}
.fp-contact,.fp-card,.fp-citation,.fp-figure{break-inside:avoid}
}`;
}
