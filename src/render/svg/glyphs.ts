/**
 * Text as outlines: fontkit shapes each text item into glyphs, and each glyph outline is
 * written once per SVG as a `<path id>` def, then placed with `<use>`. No `<text>` element,
 * so the drawing does not depend on the fonts installed where it is rasterised.
 */
import type { Font } from 'fontkit';
import { num } from './number.js';

export interface ShapedGlyph {
  id: number;
  /** Pen position of the glyph origin, in font units from the start of the run. */
  x: number;
  y: number;
}

/** Shaping results per font and chunk; the same words recur on every municipality's page. */
const shapes = new WeakMap<Font, Map<string, { glyphs: ShapedGlyph[]; advance: number }>>();

function shapeChunk(font: Font, chunk: string): { glyphs: ShapedGlyph[]; advance: number } {
  let cache = shapes.get(font);
  if (!cache) shapes.set(font, (cache = new Map()));
  let shaped = cache.get(chunk);
  if (!shaped) {
    const run = font.layout(chunk);
    const glyphs: ShapedGlyph[] = [];
    let pen = 0;
    for (let i = 0; i < run.glyphs.length; i++) {
      const pos = run.positions[i]!;
      glyphs.push({ id: run.glyphs[i]!.id, x: pen + pos.xOffset, y: pos.yOffset });
      pen += pos.xAdvance;
    }
    shaped = { glyphs, advance: pen };
    cache.set(chunk, shaped);
  }
  return shaped;
}

/**
 * Shapes text in chunks that end after a space — the way the layout measures and pdfkit
 * draws — so glyphs land where the layout put them and the SVG matches the PDF.
 */
export function shape(font: Font, text: string): ShapedGlyph[] {
  const out: ShapedGlyph[] = [];
  let pen = 0;
  for (const chunk of text.match(/[^ \t]*[ \t]*/g) ?? []) {
    if (!chunk) continue;
    const shaped = shapeChunk(font, chunk);
    for (const g of shaped.glyphs) out.push({ id: g.id, x: pen + g.x, y: g.y });
    pen += shaped.advance;
  }
  return out;
}

/** Outline of one glyph in font units, y flipped to SVG's downward axis. */
const outlines = new WeakMap<Font, Map<number, string>>();

function outline(font: Font, glyphId: number): string {
  let cache = outlines.get(font);
  if (!cache) outlines.set(font, (cache = new Map()));
  let d = cache.get(glyphId);
  if (d === undefined) {
    d = font.getGlyph(glyphId).path.scale(1, -1).toSVG();
    cache.set(glyphId, d);
  }
  return d;
}

/**
 * The glyph defs of one SVG document. Ids are derived from the font's position in
 * `frames.fonts` and the glyph id, so they are stable across runs.
 */
export class GlyphDefs {
  private readonly used = new Map<string, string>();

  /** Returns the def id for a glyph, registering its outline on first use. */
  ref(fontIndex: number, font: Font, glyphId: number): string {
    const id = `g${fontIndex}-${glyphId}`;
    if (!this.used.has(id)) this.used.set(id, outline(font, glyphId));
    return id;
  }

  /** Blank glyphs (spaces) have no outline and need no def. */
  static isBlank(font: Font, glyphId: number): boolean {
    return outline(font, glyphId) === '';
  }

  /** The defs, sorted by id; `only` limits them to the ids a part of the page uses. */
  toSvg(only?: Iterable<string>): string {
    const ids = only ? [...new Set(only)].filter((id) => this.used.has(id)) : [...this.used.keys()];
    return ids
      .sort()
      .map((id) => `<path id="${id}" d="${this.used.get(id)!}"/>`)
      .join('');
  }

  /** The def ids that a fragment of markup refers to. */
  static refsIn(markup: string): string[] {
    return [...markup.matchAll(/href="#(g\d+-\d+)"/g)].map((m) => m[1]!);
  }
}

/** Scale from font units to points, with enough digits that 20 glyphs do not drift. */
export function unitScale(font: Font, size: number): string {
  return num(size / font.unitsPerEm, 7);
}
