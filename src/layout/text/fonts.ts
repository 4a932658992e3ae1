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
import { decodeStructsFast, fixGlyphCodePoints, shapeOnce } from '../../patches/index.js';
import type { FontFace } from '../frames.js';
import { defaultFontFiles, type FontFiles } from './bundled-fonts.js';
import { shippedShapes } from './shipped-shapes.js';
import { SHIPPED_SHAPES_DIR, useShipped } from '../../build/tool-root.js';

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

export interface FontFaces {
  regular: LoadedFont;
  bold: LoadedFont;
  italic: LoadedFont;
  boldItalic: LoadedFont;
}

export interface FontSet extends FontFaces {
  /** The faces to list in Frames.fonts. */
  faces: FontFace[];
  /**
   * The faces contact values are set in: always the bundled Source Sans 3 (the set itself
   * when it is the bundled one). A house font's `cmap` could map "1" to the glyph of "7",
   * and the printed number would differ from the text layer and the `tel:` link.
   */
  contact: FontFaces;
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
  decodeStructsFast();
  const parsed = fontkit.create(bytes);
  if (!('layout' in parsed)) throw new Error(`${file} is a font collection; name one font file`);
  // Shared by every document of the process: see src/patches/fontkit.ts.
  fixGlyphCodePoints(parsed);
  shapeOnce(parsed, useShipped() ? shippedShapes(SHIPPED_SHAPES_DIR, bytes, parsed) : undefined);
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

/** Every font this process parsed (the tool's build keeps their shaped words, see compile-shipped.ts). */
export function fontsLoaded(): LoadedFont[] {
  return [...byPath.values()];
}

/** Two house fonts may share a file name in different folders; ids must stay distinct. */
function uniqueId(base: string, file: string): string {
  const taken = new Set([...byPath.values()].filter((f) => f.file !== file).map((f) => f.id));
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

function loadFaces(files: FontFiles): FontFaces {
  return {
    regular: loadFont(files.regular),
    bold: loadFont(files.bold),
    italic: loadFont(files.italic),
    boldItalic: loadFont(files.boldItalic ?? files.bold),
  };
}

const STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;

export function loadFontSet(files: FontFiles): FontSet {
  const own = loadFaces(files);
  const bundled = loadFaces(defaultFontFiles());
  const contact = STYLES.every((s) => own[s] === bundled[s]) ? own : bundled;
  const unique = new Map<string, LoadedFont>();
  for (const s of STYLES) unique.set(own[s].id, own[s]);
  const faces = [...unique.values()].map((f) => ({ id: f.id, file: f.file }));
  return { ...own, faces, contact };
}

/**
 * The faces a document lists (Frames.fonts): the set's own, then those of the bundled
 * contact faces that its text items use. A house-font document without contact values
 * lists what it always did, and SVG glyph ids (numbered by this order) stay put.
 */
export function facesUsed(set: FontSet, usedIds: ReadonlySet<string>): FontFace[] {
  const faces = [...set.faces];
  for (const s of STYLES) {
    const f = set.contact[s];
    if (usedIds.has(f.id) && !faces.some((x) => x.id === f.id)) faces.push({ id: f.id, file: f.file });
  }
  return faces;
}

export function faceFor(set: FontFaces, bold: boolean, italic: boolean): LoadedFont {
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
