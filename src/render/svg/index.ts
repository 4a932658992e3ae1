/**
 * Frames → one standalone SVG page. Glyphs are outlines (see glyphs.ts), images are data
 * URIs (see images.ts): the file references nothing outside itself and looks the same
 * wherever it is opened or rasterised.
 */
import type { Frames } from '../../layout/frames.js';
import { assert } from '../../diagnostics/index.js';
import { altText } from './alt-text.js';
import { escapeXml } from './escape.js';
import { loadFont } from '../../layout/text/fonts.js';
import { GlyphDefs } from './glyphs.js';
import { imageItem, pathItem, rectItem, textItem, type TextContext } from './items.js';
import { imageKey, type EmbeddedImages } from './images.js';
import { num } from './number.js';

export { altText, altTextFile, type AltText } from './alt-text.js';
export { embedImages, type EmbeddedImages } from './images.js';
export { escapeXml } from './escape.js';

export function renderSvg(frames: Frames, pageIndex: number, images: EmbeddedImages = new Map()): string {
  const page = frames.pages[pageIndex];
  assert(page, `page ${pageIndex} does not exist (${frames.pages.length} pages)`);

  const fontFiles = new Map(frames.fonts.map((f) => [f.id, f.file]));
  const ctx: TextContext = {
    defs: new GlyphDefs(),
    fontIndex: new Map(frames.fonts.map((f, i) => [f.id, i])),
    // The layout's font cache: one parsed Font per file per process, shared with the PDF renderer.
    font: (id) => loadFont(fontFiles.get(id)!).font,
  };

  const body: string[] = [];
  for (const item of page.items) {
    switch (item.type) {
      case 'text':
        body.push(textItem(item, ctx));
        break;
      case 'rect':
        body.push(rectItem(item));
        break;
      case 'path':
        body.push(pathItem(item));
        break;
      case 'image': {
        const uri = images.get(imageKey(item));
        assert(uri, `image ${item.asset} was not embedded: call embedImages(frames) first`);
        body.push(imageItem(item, uri));
        break;
      }
    }
  }

  const alt = altText(frames);
  const w = num(frames.width);
  const h = num(frames.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${w}pt" height="${h}pt" ` +
    `viewBox="0 0 ${w} ${h}" role="img" aria-labelledby="folderpers-title folderpers-desc" xml:lang="${escapeXml(frames.meta.lang)}">` +
    `<title id="folderpers-title">${escapeXml(frames.meta.title)}</title>` +
    `<desc id="folderpers-desc">${escapeXml(`${alt.short}\n\n${alt.full}`)}</desc>` +
    `<defs>${ctx.defs.toSvg()}</defs>` +
    `<rect width="${w}" height="${h}" fill="#FFFFFF"/>` +
    body.join('') +
    `</svg>\n`
  );
}
