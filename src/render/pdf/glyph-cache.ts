/**
 * fontkit's TrueType subsetter decodes every glyph's outline again for every document, only
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
  if (patched.has(proto) || typeof proto._decode !== 'function') return;
  const original = proto._decode;
  proto._decode = function (this: GlyphLike) {
    if (this._font._variationProcessor) return original.call(this);
    if (!decoded.has(this)) decoded.set(this, original.call(this));
    return decoded.get(this);
  };
  patched.add(proto);
}
