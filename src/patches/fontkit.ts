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
 * built from those code points — would depend on which document ran first. Creating every
 * mapped glyph here, in code-point order, fixes each glyph's code points before any use.
 * Relies on: fontkit caching glyph objects per id (`Font._glyphs`), public calls only.
 */
export function fixGlyphCodePoints(font: fontkit.Font): void {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
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
