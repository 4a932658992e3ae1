/**
 * Where folderpers relies on pdfkit's internals (pdfkit 0.20.2, see versions.ts). Each patch
 * says which private parts it touches. The renderer (src/render/pdf/) reaches pdfkit's
 * private fields only through this module.
 */
import { createHash } from 'node:crypto';
import { assert } from '../diagnostics/index.js';

/* pdfkit's internal objects, typed as far as we use them. */
export interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array): void;
}

export interface PdfDocInternals {
  ref(data: Record<string, unknown>): PdfRef;
  page: { dictionary: PdfRef; structParentTreeKey: number };
  markStructureContent(tag: string, options?: Record<string, unknown>): { refs: Array<{ pageRef: PdfRef; mcid: number }> };
  markContent(tag: string, options?: Record<string, unknown> | null): unknown;
  endMarkedContent(): unknown;
  getStructTreeRoot(): PdfRef;
  getStructParentTree(): { get(key: number): unknown[]; add(key: number, value: unknown): void };
  createStructParentTreeNextKey(): number;
}

/** A pdfkit document with the private fields the patches below use. */
type DocPrivates = PdfDocInternals & {
  read(): Buffer | null;
  _id: Uint8Array;
  _offset: number;
  _write: (data: Uint8Array | string) => void;
  _finalize: () => void;
  _font: unknown;
  page: { fonts: Record<string, unknown> };
};

/**
 * Collects the bytes pdfkit writes directly, bypassing its Readable stream (hundreds of
 * small chunks and ticks per document), and makes the file ID the MD5 of every byte before
 * the trailer: derived from the content, never from the clock or a random source
 * (pdfkit's own ID hashes only the Info dictionary). Private: `_write`, `_finalize`,
 * `_offset`, `_id`.
 */
export function collectBytes(document: object): Promise<Buffer> {
  const doc = document as DocPrivates;
  const hash = createHash('md5');
  // The header pdfkit wrote in its constructor is still in the stream's buffer.
  const head = doc.read() as Buffer | null;
  const chunks: Uint8Array[] = head ? [head] : [];
  if (head) hash.update(head);
  let hashing = true;
  doc._write = function (this: DocPrivates, data) {
    const bytes = typeof data === 'string' ? Buffer.from(`${data}\n`, 'latin1') : data;
    if (hashing) hash.update(bytes);
    chunks.push(bytes);
    this._offset += bytes.length;
  };
  return new Promise((resolve) => {
    const finalize = doc._finalize;
    doc._finalize = function (this: DocPrivates) {
      this._id = hash.digest();
      hashing = false;
      finalize.call(this);
      resolve(Buffer.concat(chunks));
    };
  });
}

export interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** pdfkit's embedded font wrapper, as far as the fast text path uses it. */
export interface PdfFont {
  id: string;
  encode(text: string): [string[], GlyphPosition[]];
  ref(): unknown;
}

/** The font `doc.font(id)` selected (private `_font`), with its word cache shared (below). */
export function currentFont(document: object): PdfFont {
  const font = (document as DocPrivates)._font as PdfFont;
  shareShapingCache(font as unknown as EmbeddedFontLike);
  return font;
}

/** Puts the font in the current page's resources, as pdfkit's own text path does (private `page.fonts`). */
export function useFontOnPage(document: object, font: PdfFont): void {
  (document as DocPrivates).page.fonts[font.id] ??= font.ref();
}

/**
 * pdfkit keeps its shaping cache on each document's font wrapper, so every new document
 * shapes every word again. The fontkit Font objects are shared per process (see
 * src/layout/text/fonts.ts); this moves pdfkit's word cache onto them, so a word shaped
 * for one municipality's leaflet is not shaped again for the next. The cached runs are
 * read-only after creation (pdfkit only reads glyph ids and positions). Private:
 * `EmbeddedFont.prototype.layoutCached`, `layoutRun`.
 */
interface EmbeddedFontLike {
  font: object;
  layoutRun(text: string, features?: unknown): unknown;
  layoutCached(text: string): unknown;
}

const runs = new WeakMap<object, Map<string, unknown>>();
let patched = false;

function shareShapingCache(embeddedFont: EmbeddedFontLike): void {
  if (patched) return;
  const proto = Object.getPrototypeOf(embeddedFont) as EmbeddedFontLike;
  assert(
    typeof proto.layoutCached === 'function' && typeof proto.layoutRun === 'function',
    'pdfkit fonts have no layoutCached/layoutRun: the installed pdfkit is not the one patched',
  );
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

/**
 * pdfkit writes the Info values into the XMP packet without escaping, so a title or name
 * holding `&` or `<` makes the metadata stream malformed XML. The Info dictionary must keep
 * the real text; only the XMP copy is escaped. Private: `_addInfo`, `info`.
 */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

interface DocWithInfo {
  info: Record<string, unknown>;
  _addInfo: () => void;
}

export function escapeXmpInfo(doc: object): void {
  const d = doc as DocWithInfo;
  const original = d._addInfo;
  assert(typeof original === 'function', 'pdfkit documents have no _addInfo: the installed pdfkit is not the one patched');
  d._addInfo = function (this: DocWithInfo) {
    const saved = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(saved)) escaped[k] = typeof v === 'string' ? escapeXml(v) : v;
    this.info = escaped;
    try {
      original.call(this);
    } finally {
      this.info = saved;
    }
  };
}

/**
 * For the print edition (src/render/print): pdfkit has no API for a catalog entry of one's
 * own (OutputIntents), for an image XObject it did not make (CMYK pixels), or for adding to
 * its XMP packet. Private: `_root`, `page.xobjects`, `appendXML`.
 */
interface PrintPrivates {
  _root: PdfRef;
  page: { xobjects: Record<string, unknown> };
  appendXML(xml: string): void;
}

export function setCatalogEntry(doc: object, key: string, value: unknown): void {
  (doc as PrintPrivates)._root.data[key] = value;
}

export function useXObjectOnPage(doc: object, name: string, ref: PdfRef): void {
  (doc as PrintPrivates).page.xobjects[name] = ref;
}

export function appendXmp(doc: object, xml: string): void {
  const d = doc as PrintPrivates;
  assert(typeof d.appendXML === 'function', 'pdfkit documents have no appendXML: the installed pdfkit is not the one patched');
  d.appendXML(xml);
}

/**
 * A PDF name as an Info value (`/Trapped /False`): pdfkit writes every string there as a
 * string, and anything that is neither a string nor a plain object by its `toString`.
 */
export function pdfName(name: string): object {
  return { [Symbol.toStringTag]: 'PdfName', toString: () => `/${name}` };
}
