/**
 * One builder per frame item type. Each returns a self-contained SVG fragment; the
 * document builder in index.ts only concatenates them in paint order.
 */
import type { Font } from 'fontkit';
import type { ImageItem, PathItem, RectItem, TextItem } from '../../layout/frames.js';
import { assert } from '../../diagnostics/index.js';
import { escapeXml } from './escape.js';
import { GlyphDefs, shape, unitScale } from './glyphs.js';
import { num } from './number.js';

export interface TextContext {
  defs: GlyphDefs;
  fontIndex: Map<string, number>;
  font: (id: string) => Font;
}

/**
 * What a frame colour is written as. The SVG file writes colours as they are; the PNG
 * renderer writes a token per distinct colour, so one drawing serves every palette.
 */
export type Ink = (color: string) => string;

export const asIs: Ink = (color) => color;

function paint(fill: string | undefined, stroke: string | undefined, strokeWidth: number | undefined, ink: Ink): string {
  let attrs = ` fill="${escapeXml(fill ? ink(fill) : 'none')}"`;
  if (stroke) attrs += ` stroke="${escapeXml(ink(stroke))}" stroke-width="${num(strokeWidth ?? 1)}"`;
  return attrs;
}

export function textItem(item: TextItem, ctx: TextContext, ink: Ink = asIs): string {
  const index = ctx.fontIndex.get(item.font);
  assert(index !== undefined, `text item uses font "${item.font}" that frames.fonts does not declare`);
  const font = ctx.font(item.font);
  const uses: string[] = [];
  for (const glyph of shape(font, item.text)) {
    if (GlyphDefs.isBlank(font, glyph.id)) continue;
    const id = ctx.defs.ref(index, font, glyph.id);
    const y = glyph.y === 0 ? '' : ` y="${num(-glyph.y, 1)}"`;
    uses.push(`<use href="#${id}" x="${num(glyph.x, 1)}"${y}/>`);
  }
  if (uses.length === 0) return '';
  const transform = `translate(${num(item.x)} ${num(item.y)}) scale(${unitScale(font, item.size)})`;
  return `<g fill="${escapeXml(ink(item.color))}" transform="${transform}">${uses.join('')}</g>`;
}

export function rectItem(item: RectItem, ink: Ink = asIs): string {
  const radius = item.radius ? ` rx="${num(item.radius)}"` : '';
  return (
    `<rect x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}"` +
    `${radius}${paint(item.fill, item.stroke, item.strokeWidth, ink)}/>`
  );
}

/** Default caps and joins (butt, miter), as the PDF renderer draws them: the PNG matches the PDF. */
export function pathItem(item: PathItem, ink: Ink = asIs): string {
  return `<path d="${escapeXml(item.d)}"${paint(item.fill, item.stroke, item.strokeWidth, ink)}/>`;
}

/** `dataUri` comes from embedImages(): the asset rasterised and inlined, never a reference. */
export function imageItem(item: ImageItem, dataUri: string): string {
  return (
    `<image x="${num(item.x)}" y="${num(item.y)}" width="${num(item.width)}" height="${num(item.height)}"` +
    ` preserveAspectRatio="xMidYMid meet" href="${escapeXml(dataUri)}"/>`
  );
}
