/**
 * pdfkit keeps its shaping cache on each document's font wrapper, so every new document
 * shapes every word again. The fontkit Font objects are shared per process (see
 * src/layout/text/fonts.ts); this moves pdfkit's word cache onto them, so a word shaped
 * for one municipality's leaflet is not shaped again for the next. The cached runs are
 * read-only after creation (pdfkit only reads glyph ids and positions).
 */
interface EmbeddedFontLike {
  font: object;
  layoutRun(text: string, features?: unknown): unknown;
  layoutCached(text: string): unknown;
}

const runs = new WeakMap<object, Map<string, unknown>>();
let patched = false;

export function shareShapingCache(embeddedFont: EmbeddedFontLike): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(embeddedFont) as EmbeddedFontLike;
  if (typeof proto.layoutCached !== 'function' || typeof proto.layoutRun !== 'function') return;
  proto.layoutCached = function (this: EmbeddedFontLike, text: string) {
    let cache = runs.get(this.font);
    if (!cache) {
      cache = new Map();
      runs.set(this.font, cache);
    }
    let run = cache.get(text);
    if (run === undefined) {
      run = this.layoutRun(text);
      cache.set(text, run);
    }
    return run;
  };
  patched = true;
}
