/**
 * Where folderpers relies on fontkit's internals (fontkit 2.0.4, see versions.ts). The
 * parsed Font objects are shared by every document of a process (src/layout/text/fonts.ts),
 * which is what makes shaping cheap, and what these patches keep correct.
 */
import type * as fontkit from 'fontkit';
import { assert } from '../diagnostics/index.js';

/**
 * fontkit caches one glyph object per glyph id and keeps the code points of whoever created
 * it first; the TrueType subsetter creates composite components (the "." inside "…") with
 * none. The font is shared by every document of the process, so the PDF's ToUnicode map —
 * built from those code points — would depend on which document ran first. A glyph the
 * cmap maps is therefore always created with the smallest code point that maps to it, as
 * if every mapped glyph had been created in code-point order at load (which is what this
 * did until creating ~1600 glyphs per face cost a fresh worker ~60 ms it waited for).
 * Relies on: fontkit caching glyph objects per id (`Font._glyphs`) and creating them only
 * through `getGlyph(id, codePoints)`, which `glyphForCodePoint`, shaping and the subsetter call.
 */
export function fixGlyphCodePoints(font: fontkit.Font): void {
  const internals = font as unknown as FontInternals;
  assert(typeof internals._glyphs === 'object' && typeof internals.getGlyph === 'function', 'fontkit fonts have no _glyphs: the installed fontkit is not the one patched');
  let smallest: ReadonlyMap<number, number> | undefined;
  const getGlyph = internals.getGlyph.bind(font);
  internals.getGlyph = (id: number, codePoints?: number[]) => {
    if (internals._glyphs[id]) return getGlyph(id);
    smallest ??= smallestCodePoints(internals);
    const first = smallest.get(id);
    return getGlyph(id, first === undefined ? codePoints : [first]);
  };
}

interface FontInternals {
  _glyphs: Record<number, unknown>;
  getGlyph(id: number, codePoints?: number[]): fontkit.Glyph;
  characterSet: number[];
  _cmapProcessor: {
    encoding: unknown;
    lookup(codePoint: number): number;
    cmap: { version: number; groups?: { base: number; length: number; stream: { buffer: Uint8Array } } };
  };
}

/** Glyph id → the smallest code point the font's cmap maps to it. */
function smallestCodePoints(font: FontInternals): Map<number, number> {
  const smallest = new Map<number, number>();
  const { cmap, encoding } = font._cmapProcessor;
  if (cmap.version === 12 && !encoding && cmap.groups) {
    // Read straight from the table's bytes: decoding its ~1000 groups as structs is most of the cost.
    const { base, length, stream } = cmap.groups;
    // Only groups in ascending order without overlaps, where fontkit's binary search finds
    // the same group for every code point; another font goes the slow way below.
    const view = new DataView(stream.buffer.buffer, stream.buffer.byteOffset, stream.buffer.byteLength);
    let previousEnd = -1;
    let ordered = base + 12 * length <= view.byteLength;
    for (let i = 0; ordered && i < length; i++) {
      const at = base + 12 * i;
      const start = view.getUint32(at);
      const end = view.getUint32(at + 4);
      const glyph = view.getUint32(at + 8);
      ordered = start > previousEnd && end >= start;
      previousEnd = end;
      for (let c = start; ordered && c <= end; c++) {
        const id = glyph + c - start;
        if (!smallest.has(id)) smallest.set(id, c);
      }
    }
    if (ordered) return smallest;
    smallest.clear();
  }
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) {
    const id = font._cmapProcessor.lookup(codePoint);
    if (!smallest.has(id)) smallest.set(id, codePoint);
  }
  return smallest;
}

/**
 * The layout (measure.ts), the PDF renderer (pdfkit) and the SVG renderer each keep a word
 * cache of their own, and each used to shape a new word with fontkit: three times the
 * OpenType work for every word a worker meets first, most of a fresh worker's first job.
 * Shaping with the default features is now remembered per font, and every caller gets its
 * own copy of the positions (pdfkit scales them in place); glyph objects are shared, as
 * fontkit shares them anyway. Relies on: `Font.layout(text, features)` being what the
 * subsetter, pdfkit and the layout call, and GlyphRun/GlyphPosition being plain data.
 */
export function shapeOnce(font: fontkit.Font, shipped?: (text: string) => fontkit.GlyphRun | undefined): void {
  const shaped = new Map<string, fontkit.GlyphRun>();
  shapedRuns.set(font, shaped);
  const shape = font.layout.bind(font);
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return (shape as (...args: unknown[]) => fontkit.GlyphRun)(text, features, ...rest);
    let run = shaped.get(text);
    if (!run) {
      // A run shaped when the tool was built (src/layout/text/shipped-shapes.ts) spares
      // parsing the font's GSUB and GPOS tables, most of a fresh worker's first job.
      run = shipped?.(text) ?? shape(text);
      shaped.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
    copy.glyphs = [...run.glyphs];
    copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p));
    return copy;
  };
}

const shapedRuns = new WeakMap<fontkit.Font, ReadonlyMap<string, fontkit.GlyphRun>>();

/** Every text this process shaped with `font`'s default features, and its run. */
export function runsShaped(font: fontkit.Font): ReadonlyMap<string, fontkit.GlyphRun> {
  return shapedRuns.get(font) ?? new Map();
}

/**
 * Private fields: `Glyph.prototype._decode`, `Glyph._font._variationProcessor`. fontkit's
 * TrueType subsetter decodes every glyph's outline again for every document, only
 * to learn whether it is a composite. Glyph objects live as long as the process-wide Font,
 * so their decoded outline can too. Not for variable fonts: fontkit applies variation
 * deltas to the decoded points in place.
 */
interface GlyphLike {
  _decode(): unknown;
  _font: { _variationProcessor?: unknown };
}

const decoded = new WeakMap<object, unknown>();
const patched = new WeakSet<object>();

export function memoiseGlyphDecoding(font: { getGlyph(id: number): unknown }): void {
  const proto = Object.getPrototypeOf(font.getGlyph(0)) as GlyphLike;
  if (patched.has(proto)) return;
  assert(typeof proto._decode === 'function', 'fontkit glyphs have no _decode: the installed fontkit is not the one patched');
  const original = proto._decode;
  proto._decode = function (this: GlyphLike) {
    if (this._font._variationProcessor) return original.call(this);
    if (!decoded.has(this)) decoded.set(this, original.call(this));
    return decoded.get(this);
  };
  patched.add(proto);
}
