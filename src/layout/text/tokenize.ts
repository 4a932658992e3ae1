/**
 * Turns runs into fragments: the pieces of text between two places where a line may
 * break. A fragment ends at a space, at a hyphenation point (a hyphen is added when the line
 * breaks there), after a hard hyphen or slash in a word, or — only when a URL or e-mail
 * address is wider than the column — after a `/` inside it. Phone numbers, e-mail
 * addresses and URLs are atomic runs: their spaces do not break and they are never
 * hyphenated.
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
}

interface RawPiece {
  text: string;
  font: LoadedFont;
  link?: Link;
  linkGroup?: number;
  atomic: boolean;
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
    const font = faceFor(style.fonts, Boolean(style.bold || run.bold), Boolean(style.italic || run.italic));
    const href = run.link?.href;
    if (href !== undefined && href !== lastHref) group++;
    lastHref = href;
    const base = { font, atomic: Boolean(run.atomic), ...(run.link ? { link: run.link, linkGroup: group } : {}) };
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

function piecePoints(piece: RawPiece, hyphenate: boolean): Array<[number, PointKind]> {
  const points: Array<[number, PointKind]> = [];
  const t = piece.text;
  if (piece.atomic) {
    // Only used when the whole address is wider than the column: after a `/` of a URL or
    // the `@` of an e-mail address; after a hyphen only in an address that has neither.
    const hyphenToo = !/[/@]/.test(t);
    for (let i = 0; i < t.length - 1; i++) {
      const c = t[i];
      if ((c === '/' && t[i + 1] !== '/') || c === '@' || (hyphenToo && c === '-' && /[a-z]/i.test(t[i + 1]!))) {
        points.push([i + 1, 'emergency']);
      }
    }
    return points;
  }
  for (const m of hyphenate ? t.matchAll(/\p{L}{5,}/gu) : []) {
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
  const allowEmergency = wordWidth > maxWidth;
  const frags: Fragment[] = [];
  let pieces: Piece[] = [];
  const close = (after: BreakKind, weak = false) => {
    const last = pieces[pieces.length - 1]!;
    const frag: Fragment = {
      pieces,
      width: pieces.reduce((w, p) => w + p.width, 0),
      after,
      spaceWidth: measure(last.font, ' ', size),
      hyphenWidth: measure(last.font, '-', size),
    };
    if (weak) frag.weak = true;
    frags.push(frag);
    pieces = [];
  };
  const push = (raw: RawPiece, text: string) => {
    if (text === '') return;
    const piece: Piece = { text, font: raw.font, width: measure(raw.font, text, size) };
    if (raw.link) {
      piece.link = raw.link;
      piece.linkGroup = raw.linkGroup!;
    }
    pieces.push(piece);
  };
  for (const raw of word.pieces) {
    let start = 0;
    for (const [offset, kind] of piecePoints(raw, hyphenate)) {
      if (kind === 'emergency' && !allowEmergency) continue;
      push(raw, raw.text.slice(start, offset));
      start = offset;
      if (pieces.length > 0) close(kind === 'hyphen' || kind === 'weak' ? 'hyphen' : 'free', kind === 'weak');
    }
    push(raw, raw.text.slice(start));
  }
  if (pieces.length > 0) close(word.after);
  else if (frags.length > 0) frags[frags.length - 1]!.after = word.after;
  return frags;
}
