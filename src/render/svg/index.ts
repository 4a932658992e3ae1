/**
 * Frames → one standalone SVG page. Glyphs are outlines (see glyphs.ts), images are data
 * URIs (see images.ts): the file references nothing outside itself and looks the same
 * wherever it is opened or rasterised.
 */
import type { FrameItem, Frames } from '../../layout/frames.js';
import { assert } from '../../diagnostics/index.js';
import { altText } from './alt-text.js';
import { escapeXml } from './escape.js';
import { loadFont } from '../../layout/text/fonts.js';
import { GlyphDefs } from './glyphs.js';
import { asIs, imageItem, pathItem, rectItem, textItem, type Ink, type TextContext } from './items.js';
import { imageKey, type EmbeddedImages } from './images.js';
import { num } from './number.js';

export { altText, altTextFile, type AltText } from './alt-text.js';
export { embedImages, type EmbeddedImages } from './images.js';
export { escapeXml } from './escape.js';
export { GlyphDefs } from './glyphs.js';
export type { Ink } from './items.js';

/** One frame item as markup, in paint order. */
export interface DrawnItem {
  item: FrameItem;
  svg: string;
}

/**
 * Every item of a page as an SVG fragment, and the glyph outlines they use. `ink` decides
 * how colours are written (see Ink); the page's white background is not an item.
 */
export function drawPage(frames: Frames, pageIndex: number, images: EmbeddedImages, ink: Ink = asIs): { items: DrawnItem[]; defs: GlyphDefs } {
  const page = frames.pages[pageIndex];
  assert(page, `page ${pageIndex} does not exist (${frames.pages.length} pages)`);

  const fontFiles = new Map(frames.fonts.map((f) => [f.id, f.file]));
  const ctx: TextContext = {
    defs: new GlyphDefs(),
    fontIndex: new Map(frames.fonts.map((f, i) => [f.id, i])),
    // The layout's font cache: one parsed Font per file per process, shared with the PDF renderer.
    font: (id) => loadFont(fontFiles.get(id)!).font,
  };

  const items: DrawnItem[] = [];
  for (const item of page.items) {
    let svg: string;
    switch (item.type) {
      case 'text':
        svg = textItem(item, ctx, ink);
        break;
      case 'rect':
        svg = rectItem(item, ink);
        break;
      case 'path':
        svg = pathItem(item, ink);
        break;
      case 'image': {
        const uri = images.get(imageKey(item));
        assert(uri, `image ${item.asset} was not embedded: call embedImages(frames) first`);
        svg = imageItem(item, uri);
        break;
      }
    }
    if (svg) items.push({ item, svg });
  }
  return { items, defs: ctx.defs };
}

/** The page background every SVG and PNG starts from. */
export function background(width: number, height: number, ink: Ink = asIs): string {
  return `<rect width="${num(width)}" height="${num(height)}" fill="${escapeXml(ink(PAGE_COLOR))}"/>`;
}

export const PAGE_COLOR = '#FFFFFF';

export function renderSvg(frames: Frames, pageIndex: number, images: EmbeddedImages = new Map()): string {
  const { items, defs } = drawPage(frames, pageIndex, images);
  const alt = altText(frames);
  const w = num(frames.width);
  const h = num(frames.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${w}pt" height="${h}pt" ` +
    `viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="folderpers-title folderpers-desc" xml:lang="${escapeXml(frames.meta.lang)}">` +
    `<title id="folderpers-title">${escapeXml(frames.meta.title)}</title>` +
    `<desc id="folderpers-desc">${escapeXml(`${alt.short}\n\n${alt.full}`)}</desc>` +
    `<defs>${defs.toSvg()}</defs>` +
    background(frames.width, frames.height) +
    items.map((d) => d.svg).join('') +
    `</svg>\n`
  );
}
