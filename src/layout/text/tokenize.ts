/**
 * Turns runs into fragments: the pieces of text between two places where a line may
 * break. A fragment ends at a space, at a hyphenation point (a hyphen is added when the line
 * breaks there), after a hard hyphen or slash in a word, or — only when a URL or e-mail
 * address is wider than the column — after a `/` inside it. Phone numbers, e-mail
 * addresses and URLs are atomic runs: their spaces do not break and they are never
 * hyphenated.
 *
 * A word wider than the column never runs out of it when it can be broken: a heading's word
 * is hyphenated at its legal points after all, an address breaks before a `.` or `-` when its
 * `/` and `@` are not enough, and ordinary text that still does not fit is broken between two
 * characters (the line says so, for a `layout/word-broken` warning). Only an atomic run
 * (a phone number, an address without any such point) can stay wider than the column; the
 * layout reports that as `layout/overflow`.
 */
import type { Link, Run } from '../../resolve/runs.js';
import { faceFor, type FontSet, type LoadedFont } from './fonts.js';
import { hyphenationBreaks } from './hyphenate.js';
import { measure } from './measure.js';

export interface InlineStyle {
  fonts: FontSet;
  size: number;
  /** Applied on top of each run's own bold/italic. */
  bold?: boolean;
  italic?: boolean;
  /** False for headings and titles: they break only between words. */
  hyphenate?: boolean;
}

export interface Piece {
  text: string;
  font: LoadedFont;
  width: number;
  link?: Link;
  /** Consecutive runs with the same link target share one group: one Link element. */
  linkGroup?: number;
  /** The profile field the text shows (see Run.field). */
  field?: string;
}

export type BreakKind = 'space' | 'hyphen' | 'free' | 'forced' | 'end';

export interface Fragment {
  pieces: Piece[];
  width: number;
  /** What a break after this fragment means. */
  after: BreakKind;
  /** Width of the space drawn after this fragment when the line does not break here. */
  spaceWidth: number;
  /** Width of the hyphen added when the line breaks here. */
  hyphenWidth: number;
  /** A hyphenation break inside a known compound that is not at its joint: costs more. */
  weak?: boolean;
  /** The break after this fragment cuts this word between two characters (it had no other). */
  broken?: string;
}

interface RawPiece {
  text: string;
  font: LoadedFont;
  link?: Link;
  linkGroup?: number;
  atomic: boolean;
  field?: string;
}

interface Word {
  pieces: RawPiece[];
  after: 'space' | 'forced' | 'end';
}

export function tokenize(runs: readonly Run[], style: InlineStyle, maxWidth: number): Fragment[] {
  const words = splitWords(runs, style);
  const out: Fragment[] = [];
  const hyphenate = style.hyphenate !== false;
  for (const word of words) out.push(...fragmentWord(word, style.size, maxWidth, hyphenate));
  return out;
}

function splitWords(runs: readonly Run[], style: InlineStyle): Word[] {
  const words: Word[] = [];
  let current: RawPiece[] = [];
  let group = -1;
  let lastHref: string | undefined;
  const finish = (after: Word['after']) => {
    if (current.length > 0) {
      words.push({ pieces: current, after });
      current = [];
    } else if (words.length > 0 && after === 'forced') {
      words[words.length - 1]!.after = 'forced';
    }
  };
  for (const run of runs) {
    // Contact values in the bundled face: their digits are the digits of the text layer.
    const faces = run.field !== undefined ? style.fonts.contact : style.fonts;
    const font = faceFor(faces, Boolean(style.bold || run.bold), Boolean(style.italic || run.italic));
    const href = run.link?.href;
    if (href !== undefined && href !== lastHref) group++;
    lastHref = href;
    const base = {
      font,
      atomic: Boolean(run.atomic),
      ...(run.link ? { link: run.link, linkGroup: group } : {}),
      ...(run.field !== undefined ? { field: run.field } : {}),
    };
    if (run.atomic) {
      current.push({ ...base, text: run.text });
      continue;
    }
    for (const part of run.text.replaceAll('\u00ad', '').split(/(\s+)/)) {
      if (part === '') continue;
      if (/^\s+$/.test(part)) finish(part.includes('\n') ? 'forced' : 'space');
      // An address written as link text is kept whole like a placeholder's address: a
      // break after one of its hyphens would read as a hyphenated word.
      else current.push({ ...base, text: part, atomic: base.atomic || looksLikeAddress(part) });
    }
  }
  finish('end');
  if (words.length > 0) words[words.length - 1]!.after = 'end';
  return words;
}

function looksLikeAddress(word: string): boolean {
  return /^(https?:\/\/|www\.)/i.test(word) || /^[\w.-]+@[\w-]+\.[\w.-]+/.test(word) || /^[\w-]+(\.[\w-]+)+\//.test(word);
}

/** Break offsets inside one piece: [offset, kind]. */
type PointKind = 'hyphen' | 'weak' | 'free' | 'emergency';

/**
 * `tooWide`: the whole word is wider than the column, so an address may break at its
 * emergency points and a heading's word at its hyphenation points.
 */
function piecePoints(piece: RawPiece, hyphenate: boolean, tooWide: boolean, size: number, maxWidth: number): Array<[number, PointKind]> {
  const points: Array<[number, PointKind]> = [];
  const t = piece.text;
  if (piece.atomic) {
    if (!tooWide) return points;
    // After a `/` of a URL or the `@` of an e-mail address; after a hyphen only in an
    // address that has neither.
    const hyphenToo = !/[/@]/.test(t);
    for (let i = 0; i < t.length - 1; i++) {
      const c = t[i];
      if ((c === '/' && t[i + 1] !== '/') || c === '@' || (hyphenToo && c === '-' && /[a-z]/i.test(t[i + 1]!))) {
        points.push([i + 1, 'emergency']);
      }
    }
    // A part between two of those that is still wider than the column (a long domain or
    // mailbox name) may break before a `.`, `-` or `_` as well. Never a phone number: it is
    // read as one.
    if (piece.link?.kind === 'tel') return points;
    const ends = [0, ...points.map(([at]) => at), t.length];
    const more: Array<[number, PointKind]> = [];
    for (let k = 0; k + 1 < ends.length; k++) {
      const [from, to] = [ends[k]!, ends[k + 1]!];
      if (measure(piece.font, t.slice(from, to), size) <= maxWidth) continue;
      // (Not before the separator that ends the part: a line of it alone would be a stub.)
      for (let i = from + 1; i < to - 1; i++) if ('.-_'.includes(t[i]!) && !'.-_'.includes(t[i - 1]!)) more.push([i, 'emergency']);
    }
    return [...points, ...more].sort((a, b) => a[0] - b[0]);
  }
  for (const m of hyphenate || tooWide ? t.matchAll(/\p{L}{5,}/gu) : []) {
    for (const b of hyphenationBreaks(m[0])) points.push([m.index + b.at, b.preferred ? 'hyphen' : 'weak']);
  }
  for (let i = 1; i < t.length - 1; i++) {
    if ((t[i] === '-' || t[i] === '/') && /[\p{L}\p{N}]/u.test(t[i - 1]!) && /\p{L}/u.test(t[i + 1]!)) {
      points.push([i + 1, 'free']);
    }
  }
  return points.sort((a, b) => a[0] - b[0]);
}

function fragmentWord(word: Word, size: number, maxWidth: number, hyphenate: boolean): Fragment[] {
  const wordWidth = word.pieces.reduce((w, p) => w + measure(p.font, p.text, size), 0);
  const tooWide = wordWidth > maxWidth;
  const frags: Fragment[] = [];
  /** Per fragment: it holds part of an atomic run, which is never cut between characters. */
  const atomic: boolean[] = [];
  let pieces: Piece[] = [];
  let holdsAtomic = false;
  const close = (after: BreakKind, weak = false) => {
    const frag = fragment(pieces, after, size);
    if (weak) frag.weak = true;
    frags.push(frag);
    atomic.push(holdsAtomic);
    pieces = [];
    holdsAtomic = false;
  };
  const push = (raw: RawPiece, text: string) => {
    if (text === '') return;
    pieces.push(piece(raw, text, size));
    holdsAtomic ||= raw.atomic;
  };
  for (const raw of word.pieces) {
    let start = 0;
    for (const [offset, kind] of piecePoints(raw, hyphenate, tooWide, size, maxWidth)) {
      push(raw, raw.text.slice(start, offset));
      start = offset;
      if (pieces.length > 0) close(kind === 'hyphen' || kind === 'weak' ? 'hyphen' : 'free', kind === 'weak');
    }
    push(raw, raw.text.slice(start));
  }
  if (pieces.length > 0) close(word.after);
  else if (frags.length > 0) frags[frags.length - 1]!.after = word.after;
  if (!tooWide) return frags;
  const text = word.pieces.map((p) => p.text).join('');
  return frags.flatMap((f, i) => {
    const room = maxWidth - (f.after === 'hyphen' ? f.hyphenWidth : 0);
    return atomic[i] || f.width <= room ? [f] : cutBetweenCharacters(f, size, Math.max(0, room), text);
  });
}

function piece(raw: RawPiece, text: string, size: number): Piece {
  const p: Piece = { text, font: raw.font, width: measure(raw.font, text, size) };
  if (raw.link) {
    p.link = raw.link;
    p.linkGroup = raw.linkGroup!;
  }
  if (raw.field !== undefined) p.field = raw.field;
  return p;
}

function fragment(pieces: Piece[], after: BreakKind, size: number): Fragment {
  const last = pieces[pieces.length - 1]!;
  return {
    pieces,
    width: pieces.reduce((w, p) => w + p.width, 0),
    after,
    spaceWidth: measure(last.font, ' ', size),
    hyphenWidth: measure(last.font, '-', size),
  };
}

// Made on first use: ICU's segmenter costs ~20 ms, which every CLI run paid at startup for a rare word.
let graphemes: Intl.Segmenter | undefined;

/**
 * The last resort for a word of ordinary text that is wider than the column even where it
 * may be hyphenated: as many characters on each line as fit (at least one), with no hyphen
 * (none would be right) and the word marked so the layout warns about it.
 */
function cutBetweenCharacters(f: Fragment, size: number, room: number, word: string): Fragment[] {
  const out: Fragment[] = [];
  let pieces: Piece[] = [];
  let width = 0;
  const cut = () => {
    const frag = fragment(pieces, 'free', size);
    frag.broken = word;
    out.push(frag);
    pieces = [];
    width = 0;
  };
  graphemes ??= new Intl.Segmenter('nl', { granularity: 'grapheme' });
  for (const p of f.pieces) {
    let text = '';
    for (const { segment } of graphemes.segment(p.text)) {
      const next = text + segment;
      if (width + measure(p.font, next, size) > room && (text !== '' || pieces.length > 0)) {
        if (text !== '') pieces.push({ ...p, text, width: measure(p.font, text, size) });
        cut();
        text = segment;
      } else text = next;
    }
    if (text !== '') {
      const w = measure(p.font, text, size);
      pieces.push({ ...p, text, width: w });
      width += w;
    }
  }
  const last = fragment(pieces, f.after, size);
  if (f.weak) last.weak = true;
  out.push(last);
  return out;
}
