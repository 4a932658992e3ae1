/**
 * Fonts are parsed once per process: fontkit keeps its parsed tables (cmap, GSUB, GPOS) on
 * the Font object, so sharing that object between documents — and handing the same object
 * to pdfkit — is what keeps shaping cheap. Buffers are cached too, for renderers that need
 * the bytes.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import * as fontkit from 'fontkit';
import { checkedAsset } from '../../assets/checked.js';
import type { FontFace } from '../frames.js';
import { defaultFontFiles, type FontFiles } from './bundled-fonts.js';

export { defaultFontFiles, type FontFiles } from './bundled-fonts.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

export interface LoadedFont {
  /** Key used in frames (TextItem.font, FontFace.id). */
  id: string;
  file: string;
  bytes: Buffer;
  font: fontkit.Font;
  unitsPerEm: number;
  /** In font units. */
  ascent: number;
  descent: number;
  capHeight: number;
  xHeight: number;
  /** Shaping cache: text chunk → advance in font units. */
  advances: Map<string, number>;
}

export interface FontSet {
  regular: LoadedFont;
  bold: LoadedFont;
  italic: LoadedFont;
  boldItalic: LoadedFont;
  /** The faces to list in Frames.fonts. */
  faces: FontFace[];
}

const byPath = new Map<string, LoadedFont>();

/**
 * The bundled faces are the tool's own files and are read from disk; a house font is
 * content, so only the bytes the asset gate checked are used (src/assets/checked.ts): a
 * file swapped since validation is never parsed, measured or embedded.
 */
export function loadFont(file: string): LoadedFont {
  const bytes = isBundled(file) ? undefined : checkedAsset(file);
  const cached = byPath.get(file);
  if (cached && (bytes === undefined || cached.bytes === bytes)) return cached;
  return parseFont(file, bytes ?? readFileSync(file));
}

const BUNDLED_DIR = dirname(defaultFontFiles().regular);

function isBundled(file: string): boolean {
  return dirname(file) === BUNDLED_DIR;
}

function parseFont(file: string, bytes: Buffer): LoadedFont {
  const parsed = fontkit.create(bytes);
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection; name one font file`);
  fixGlyphCodePoints(parsed);
  shapeOnce(parsed);
  const loaded: LoadedFont = {
    id: uniqueId(basename(file, extname(file)), file),
    file,
    bytes,
    font: parsed,
    unitsPerEm: parsed.unitsPerEm,
    ascent: parsed.ascent,
    descent: parsed.descent,
    capHeight: parsed.capHeight,
    xHeight: parsed.xHeight,
    advances: new Map(),
  };
  byPath.set(file, loaded);
  return loaded;
}

/**
 * fontkit caches one glyph object per glyph id and keeps the code points of whoever created
 * it first; the TrueType subsetter creates composite components (the "." inside "…") with
 * none. The font is shared by every document of the process, so the PDF's ToUnicode map —
 * built from those code points — would depend on which document ran first. Creating every
 * mapped glyph here, in code-point order, fixes each glyph's code points before any use.
 */
function fixGlyphCodePoints(font: fontkit.Font): void {
  for (const codePoint of [...font.characterSet].sort((a, b) => a - b)) font.glyphForCodePoint(codePoint);
}

/**
 * The layout (measure.ts), the PDF renderer (pdfkit) and the SVG renderer each keep a word
 * cache of their own, and each used to shape a new word with fontkit: three times the
 * OpenType work for every word a worker meets first, most of a fresh worker's first job.
 * Shaping with the default features is now remembered per font, and every caller gets its
 * own copy of the positions (pdfkit scales them in place); glyph objects are shared, as
 * fontkit shares them anyway.
 */
function shapeOnce(font: fontkit.Font): void {
  const shaped = new Map<string, fontkit.GlyphRun>();
  const shape = font.layout.bind(font);
  font.layout = (text: string, features?: unknown, ...rest: unknown[]) => {
    if (features !== undefined || rest.length > 0) return (shape as (...args: unknown[]) => fontkit.GlyphRun)(text, features, ...rest);
    let run = shaped.get(text);
    if (!run) {
      run = shape(text);
      shaped.set(text, run);
    }
    const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun, run);
    copy.glyphs = [...run.glyphs];
    copy.positions = run.positions.map((p) => Object.assign(Object.create(Object.getPrototypeOf(p) as object) as typeof p, p));
    return copy;
  };
}

/** Two house fonts may share a file name in different folders; ids must stay distinct. */
function uniqueId(base: string, file: string): string {
  const taken = new Set([...byPath.values()].filter((f) => f.file !== file).map((f) => f.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function loadFontSet(files: FontFiles): FontSet {
  const regular = loadFont(files.regular);
  const bold = loadFont(files.bold);
  const italic = loadFont(files.italic);
  const boldItalic = loadFont(files.boldItalic ?? files.bold);
  const unique = new Map<string, LoadedFont>();
  for (const f of [regular, bold, italic, boldItalic]) unique.set(f.id, f);
  const faces = [...unique.values()].map((f) => ({ id: f.id, file: f.file }));
  return { regular, bold, italic, boldItalic, faces };
}

export function faceFor(set: FontSet, bold: boolean, italic: boolean): LoadedFont {
  if (bold && italic) return set.boldItalic;
  if (bold) return set.bold;
  if (italic) return set.italic;
  return set.regular;
}

/** Every loaded font by id, for renderers that receive only frames. */
export function fontById(id: string): LoadedFont | undefined {
  for (const f of byPath.values()) if (f.id === id) return f;
  return undefined;
}

/** Characters of `text` the font has no glyph for (each reported once). */
export function missingCharacters(font: LoadedFont, text: string): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20 || cp === 0xad) continue;
    if (!font.font.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}
