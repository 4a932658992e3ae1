/**
 * `text/missing-glyph`: a character the font that will print it has no glyph for (an emoji
 * in a municipality's name, a rare letter in a house font) would print as an empty box. It
 * is reported by `validate`, once per file and character, at the first place the character
 * stands: the profile's line for a profile value, the Markdown position for document text.
 *
 * Which font prints what: a municipality's own texts (name, organisation, hours, address,
 * local section files) are set in its house font when it names one, and the values of the
 * contact card and the footer band in the bundled Source Sans 3 as well, so they are
 * checked against both; national texts (documents and defaults) are set in every font in
 * use, so they are checked against the bundled font and every house font of the profiles
 * validated; contact values (phone numbers, e-mail addresses, web addresses: the fields
 * src/profiles/field-kinds.ts types as links) are always set in the bundled font, even
 * with a house font, so that no house font can change the digits that are printed. A
 * character counts as present only when every face of the font (regular, bold, italic,
 * bold italic) has it: the text rules do not know which words a layout sets in bold.
 * A house font must also have what the layouts print themselves (labels, footers, list
 * marks, the hyphen of a broken word): printable ASCII and `·`, `•`, `—`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { TextKind } from '../content/control-characters.js';
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { BUNDLED_FONT_NAME, defaultFontFiles } from '../layout/text/bundled-fonts.js';
import { codePointsOf } from '../layout/text/cmap.js';
import { linkKindOf } from '../profiles/field-kinds.js';
import type { HouseFontFace, ProfileFile, ProfileLoad } from '../profiles/load-profile.js';

export const MISSING_GLYPH_RULE = 'text/missing-glyph';

/** What the layouts print besides the content (src/layout/kinds/house.ts, blocks/, text/breaker.ts, infographic/). */
export const LAYOUT_TEXT = `${Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).join('')}·•—`;

interface Face {
  name: string;
  codePoints: ReadonlySet<number>;
}

interface Printer {
  /** How a message names it: "Source Sans 3 (the bundled font)", "the house font of leiden". */
  label: string;
  faces: Face[];
}

let bundled: Printer | undefined;

/** The bundled faces' characters, read from their cmap tables once per process. */
export function bundledPrinter(): Printer {
  if (bundled) return bundled;
  const files = defaultFontFiles();
  const faces = [files.regular, files.bold, files.italic, files.boldItalic ?? files.bold].map((file) => ({
    name: basename(file),
    codePoints: codePointsOf(readFileSync(file)),
  }));
  bundled = { label: `${BUNDLED_FONT_NAME} (the bundled font)`, faces };
  return bundled;
}

function housePrinter(id: string, faces: readonly HouseFontFace[]): Printer {
  return { label: `the house font of ${id}`, faces: faces.map((f) => ({ name: basename(f.file), codePoints: f.codePoints })) };
}

const REFUSED: Record<TextKind, RegExp> = {
  text: /^(?![\u200B-\u200D\u2060])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u,
  address: /^[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]$/u,
};

/** The faces of `printer` that lack `cp`. */
function lacking(printer: Printer, cp: number): string[] {
  return printer.faces.filter((f) => !f.codePoints.has(cp)).map((f) => f.name);
}

/**
 * First place of every character in these texts, per file. Printable ASCII is left out: the
 * bundled font has all of it, and a house font must (checked once, at the line naming the
 * face), so only the rest needs looking at, and a document is mostly ASCII. Also left out,
 * as the layout skips them: white space and the soft hyphen, and what
 * `text/control-character` refuses already.
 */
function firstPlaces(texts: Iterable<LocatedText>, kind: TextKind = 'text'): Map<number, SourceRef>[] {
  const byFile = new Map<string, Map<number, SourceRef>>();
  for (const text of texts) {
    const value = text.value;
    let places: Map<number, SourceRef> | undefined;
    for (let i = 0; i < value.length; i++) {
      if (value.charCodeAt(i) < 0x7f) continue;
      const cp = value.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      places ??= byFile.get(text.source.file) ?? byFile.set(text.source.file, new Map()).get(text.source.file)!;
      if (!places.has(cp) && cp !== 0xad && !REFUSED[kind].test(ch)) places.set(cp, refAt(text, i));
      if (cp > 0xffff) i++;
    }
  }
  return [...byFile.values()];
}

function describe(cp: number): string {
  return `'${String.fromCodePoint(cp)}' (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`;
}

function missing(at: SourceRef, cp: number, where: string[]): Diagnostic {
  return diagnostic(
    at,
    MISSING_GLYPH_RULE,
    `${describe(cp)} has no glyph in ${where.join(' nor in ')}: it would print as an empty box; replace the character or use a font that has it`,
  );
}

/** Checks every place's character against each printer; one diagnostic per place. */
function check(places: Map<number, SourceRef>[], printers: readonly Printer[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const file of places) {
    for (const [cp, at] of file) {
      const where = printers.flatMap((p) => {
        const faces = lacking(p, cp);
        return faces.length === 0 ? [] : [faces.length === p.faces.length ? p.label : `${p.label} (${faces.join(', ')})`];
      });
      if (where.length > 0) out.push(missing(at, cp, where));
    }
  }
  return out;
}

/** The file's phone numbers, e-mail and web addresses (typed by the field's name, the pointer's last part). */
function addresses(file: ProfileFile): LocatedText[] {
  const out: LocatedText[] = [];
  for (const [ptr, located] of file.strings) if (linkKindOf([ptr.slice(ptr.lastIndexOf('/') + 1)])) out.push(located);
  return out;
}

export interface GlyphInput {
  /** Every located text of the documents. */
  documentTexts: readonly LocatedText[];
  defaults: ProfileFile;
  loads: readonly ProfileLoad[];
}

export function checkGlyphs(input: GlyphInput): Diagnostic[] {
  const base = bundledPrinter();
  const out: Diagnostic[] = [];
  // House fonts shared by several profiles are one printer: the pool gave them the same faces.
  const houses = new Map<string, { printer: Printer; ids: string[]; faces: readonly HouseFontFace[] }>();
  for (const load of input.loads) {
    const faces = load.houseFont;
    const id = load.loaded?.profile.id;
    if (!faces || faces.length === 0 || id === undefined) continue;
    const key = faces.map((f) => `${f.style}:${f.file}`).join('\n');
    const known = houses.get(key);
    if (known) known.ids.push(id);
    else houses.set(key, { printer: housePrinter(id, faces), ids: [id], faces });
  }
  const housePrinters = [...houses.values()].map(({ printer, ids }) =>
    ids.length === 1 ? printer : { ...printer, label: `the house font of ${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ` and ${ids.length - 3} more` : ''}` },
  );

  const national = [...input.documentTexts, ...input.defaults.texts];
  out.push(...check(firstPlaces(national), [base, ...housePrinters]));
  out.push(...check(firstPlaces(addresses(input.defaults), 'address'), [base]));
  for (const load of input.loads) {
    const faces = load.houseFont;
    const own = faces && faces.length > 0 && load.loaded ? [housePrinter(load.loaded.profile.id, faces), base] : [base];
    out.push(...check(firstPlaces(load.texts), own));
    out.push(...check(firstPlaces(addresses(load.own), 'address'), [base]));
  }
  // What the layouts print themselves, reported where the profile names the face.
  for (const { faces } of houses.values()) {
    for (const face of faces) {
      const absent = [...LAYOUT_TEXT].filter((ch) => !face.codePoints.has(ch.codePointAt(0)!));
      if (absent.length === 0) continue;
      out.push(
        diagnostic(
          face.at,
          MISSING_GLYPH_RULE,
          `${basename(face.file)} has no glyph for ${absent.slice(0, 8).map((ch) => describe(ch.codePointAt(0)!)).join(', ')}${absent.length > 8 ? ` and ${absent.length - 8} more` : ''}, which the layouts print themselves (labels, footers, list marks, hyphens): they would print as empty boxes; use a font that has them`,
        ),
      );
    }
  }
  return out;
}
