/**
 * `text/control-character`: characters that a reader of the file can not see but that
 * change what is printed or linked. A NUL, BEL or ESC prints as nothing or an empty box and
 * ends up raw in the alternative text; a bidirectional override (U+202E) reorders the text
 * around it, so a phone number can print in another order than the file seems to say; a
 * zero-width space inside a web address is invisible on paper but part of the link and the
 * QR code. None of them belongs in a Dutch leaflet, so they are refused where they stand.
 *
 * Two sets. In all text: C0 controls other than tab, line feed and carriage return (the
 * white space Markdown and YAML allow), DEL, C1 controls, every bidirectional control and
 * mark (the content is left-to-right Dutch, so a mark can only reorder digits and
 * punctuation), line and paragraph separators, byte order marks inside the text, lone
 * surrogates (from a YAML `\uD800` escape) and all other invisible formatting characters
 * (`\p{Cf}`) except the soft hyphen and the zero-width space, joiners and word joiner,
 * which prose may use to steer hyphenation and line breaks. In addresses (phone numbers,
 * e-mail addresses and web addresses) those are refused too, as is all white space but
 * the space, with the other characters that draw nothing.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic } from '../diagnostics/index.js';
import { refAt, type LocatedText } from './located.js';
import type { SourceText } from './source-text.js';

export const CONTROL_RULE = 'text/control-character';

export type TextKind = 'text' | 'address';

const CANDIDATES = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u00AD\u034F\u115F\u1160\u3164\uFFA0\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

const NAMES: Record<number, string> = {
  0x00: 'NULL', 0x01: 'START OF HEADING', 0x02: 'START OF TEXT', 0x03: 'END OF TEXT', 0x04: 'END OF TRANSMISSION',
  0x05: 'ENQUIRY', 0x06: 'ACKNOWLEDGE', 0x07: 'BELL', 0x08: 'BACKSPACE', 0x09: 'CHARACTER TABULATION', 0x0a: 'LINE FEED',
  0x0b: 'LINE TABULATION', 0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN', 0x0e: 'SHIFT OUT', 0x0f: 'SHIFT IN',
  0x10: 'DATA LINK ESCAPE', 0x11: 'DEVICE CONTROL ONE', 0x12: 'DEVICE CONTROL TWO', 0x13: 'DEVICE CONTROL THREE',
  0x14: 'DEVICE CONTROL FOUR', 0x15: 'NEGATIVE ACKNOWLEDGE', 0x16: 'SYNCHRONOUS IDLE', 0x17: 'END OF TRANSMISSION BLOCK',
  0x18: 'CANCEL', 0x19: 'END OF MEDIUM', 0x1a: 'SUBSTITUTE', 0x1b: 'ESCAPE', 0x1c: 'FILE SEPARATOR',
  0x1d: 'GROUP SEPARATOR', 0x1e: 'RECORD SEPARATOR', 0x1f: 'UNIT SEPARATOR', 0x7f: 'DELETE', 0x85: 'NEXT LINE',
  0x9b: 'CONTROL SEQUENCE INTRODUCER', 0xad: 'SOFT HYPHEN', 0x034f: 'COMBINING GRAPHEME JOINER',
  0x061c: 'ARABIC LETTER MARK', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR', 0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE', 0x2060: 'WORD JOINER', 0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
  0x115f: 'HANGUL CHOSEONG FILLER', 0x1160: 'HANGUL JUNGSEONG FILLER', 0x3164: 'HANGUL FILLER', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Allowed in prose (hyphenation and line-break hints, white space), refused inside an address. */
const PROSE_ONLY = new Set([0x09, 0x0a, 0x0d, 0xad, 0x200b, 0x200c, 0x200d, 0x2060]);

function describe(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = NAMES[cp] ?? (cp >= 0x80 && cp <= 0x9f ? 'a C1 control' : cp >= 0xe0000 && cp <= 0xe007f ? 'a TAG character' : undefined);
  return name ? `${hex} (${name})` : hex;
}

/** Why `cp` may not stand in this kind of text, or undefined when it may. */
function problem(cp: number, kind: TextKind): string | undefined {
  const what = describe(cp);
  if (PROSE_ONLY.has(cp)) {
    return kind === 'address'
      ? `contains ${what}, which is invisible inside a phone number, e-mail address or web address but changes the link and the QR code; retype the address`
      : undefined;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return `contains ${what}, half of a character (a lone surrogate); write the character itself`;
  if (BIDI.has(cp)) {
    return `contains ${what}, a bidirectional control that reorders the text around it, so the print would not read as the file seems to; remove it`;
  }
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) {
    return `contains ${what}, a control character that prints as nothing or an empty box and can not be seen in most editors; remove it`;
  }
  if (cp === 0x2028 || cp === 0x2029) return `contains ${what}, an invisible line break; use a blank line between paragraphs instead`;
  return `contains ${what}, an invisible character that does not belong in the text; remove it`;
}

export interface Refused {
  /** UTF-16 index in the text. */
  index: number;
  message: string;
}

/** Every refused character of `text`, with its index. */
export function refusedCharacters(text: string, kind: TextKind): Refused[] {
  const out: Refused[] = [];
  for (const m of text.matchAll(CANDIDATES)) {
    const message = problem(m[0].codePointAt(0)!, kind);
    if (message) out.push({ index: m.index, message: `this text ${message}` });
  }
  return out;
}

/** The raw file: what an editor shows (and hides), before any parser reads it. */
export function checkSourceCharacters(source: SourceText): Diagnostic[] {
  return refusedCharacters(source.text, 'text').map((r) => diagnostic(source.at(r.index), CONTROL_RULE, r.message));
}

/**
 * A parsed value: also what escapes produce (`"\e"` or `"\u202E"` in YAML, `&#x202E;` in
 * Markdown), at the place the value's character comes from.
 */
export function checkValueCharacters(text: LocatedText, kind: TextKind): Diagnostic[] {
  return refusedCharacters(text.value, kind).map((r) => diagnostic(refAt(text, r.index), CONTROL_RULE, r.message));
}
