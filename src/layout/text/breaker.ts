/**
 * Ragged-right line breaking over fragments, minimising total raggedness (a Knuth–Plass
 * style dynamic programme without stretching): every line but the last pays the square of
 * its unused width, a hyphen costs a little, two hyphens in a row and a hyphenated
 * penultimate line cost more, and a last line that is very short (a lone word) or only the
 * tail of a hyphenated word is penalised so paragraphs do not end on a stub.
 */
import type { Link, Run } from '../../resolve/runs.js';
import type { LoadedFont } from './fonts.js';
import { measure } from './measure.js';
import { tokenize, type Fragment, type InlineStyle, type Piece } from './tokenize.js';

export interface Segment {
  /** Offset from the start of the line. */
  x: number;
  text: string;
  font: LoadedFont;
  width: number;
  link?: Link;
  linkGroup?: number;
  /** An added hyphen at a line break (an artifact in the PDF). */
  hyphen?: boolean;
  /** A space lost at the line break, for the tagged text. */
  suffix?: string;
  /** The profile field the text shows (see Run.field). */
  field?: string;
}

export interface Line {
  segments: Segment[];
  width: number;
  /** The line ends inside this word, cut between two characters: it had no other break. */
  brokenWord?: string;
}

const HYPHEN = 50;
const WEAK_HYPHEN = 160;
const DOUBLE_HYPHEN = 300;
const PENULTIMATE_HYPHEN = 100;
const SHORT_LAST_LINE = 200;
const STUB_LAST_LINE = 300;
/** A cut between two characters of a word that has no break point: no more of them than needed. */
const CHARACTER_BREAK = 500;
const OVERFULL = 1e6;

export type { InlineStyle } from './tokenize.js';

/**
 * Most paragraphs hold no municipality-specific text, so the same paragraph is broken for
 * every municipality with the same result: remember it. Lines are never mutated after
 * they are built, so sharing them between documents is safe; they are frozen so that a
 * caller that tries is stopped (TypeError) instead of corrupting another document.
 */
const memo = new Map<string, Line[]>();
const MEMO_LIMIT = 20_000;

export function breakLines(runs: readonly Run[], style: InlineStyle, maxWidth: number): Line[] {
  const f = style.fonts;
  const key = JSON.stringify([runs, style.size, style.bold, style.italic, style.hyphenate, maxWidth, f.regular.id, f.bold.id, f.italic.id, f.boldItalic.id]);
  let lines = memo.get(key);
  if (!lines) {
    lines = computeLines(runs, style, maxWidth);
    for (const line of lines) {
      line.segments.forEach((seg) => Object.freeze(seg));
      Object.freeze(line.segments);
      Object.freeze(line);
    }
    Object.freeze(lines);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, lines);
  }
  return lines;
}

function computeLines(runs: readonly Run[], style: InlineStyle, maxWidth: number): Line[] {
  const frags = tokenize(runs, style, maxWidth);
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < frags.length; i++) {
    if (frags[i]!.after === 'forced' || i === frags.length - 1) {
      const group = frags.slice(start, i + 1);
      for (const [a, b] of bestBreaks(group, maxWidth)) lines.push(buildLine(group, a, b, style.size));
      start = i + 1;
    }
  }
  return lines;
}

/** Line ranges [from, to) of the cheapest breaking. */
function bestBreaks(frags: Fragment[], max: number): Array<[number, number]> {
  const n = frags.length;
  const cost = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(0);
  cost[0] = 0;
  for (let j = 1; j <= n; j++) {
    const last = j === n;
    const endsHyphen = frags[j - 1]!.after === 'hyphen';
    let width = endsHyphen ? frags[j - 1]!.hyphenWidth : 0;
    for (let i = j - 1; i >= 0; i--) {
      const f = frags[i]!;
      width += f.width + (i < j - 1 && f.after === 'space' ? f.spaceWidth : 0);
      if (width > max && i < j - 1) break;
      if (cost[i] === Infinity) continue;
      let c = cost[i]!;
      if (width > max) c += OVERFULL;
      if (!last) {
        const slack = (max - width) / max;
        c += 1000 * slack * slack;
        if (frags[j - 1]!.broken !== undefined) c += CHARACTER_BREAK;
        if (endsHyphen) {
          c += frags[j - 1]!.weak ? WEAK_HYPHEN : HYPHEN;
          if (i > 0 && frags[i - 1]!.after === 'hyphen') c += DOUBLE_HYPHEN;
          if (j < n && lastLineStartsAfter(frags, j, max)) c += PENULTIMATE_HYPHEN;
        }
      } else if (i > 0) {
        if (width < 0.2 * max) c += SHORT_LAST_LINE;
        if (j - i === 1 && frags[i - 1]!.after === 'hyphen') c += STUB_LAST_LINE;
      }
      if (c < cost[j]!) {
        cost[j] = c;
        from[j] = i;
      }
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let j = n; j > 0; j = from[j]!) ranges.unshift([from[j]!, j]);
  return ranges;
}

/** True when everything from `j` fits on one line: the line ending at `j` is the penultimate. */
function lastLineStartsAfter(frags: Fragment[], j: number, max: number): boolean {
  let w = 0;
  for (let k = j; k < frags.length; k++) {
    w += frags[k]!.width + (k < frags.length - 1 && frags[k]!.after === 'space' ? frags[k]!.spaceWidth : 0);
    if (w > max) return false;
  }
  return true;
}

function buildLine(frags: Fragment[], from: number, to: number, size: number): Line {
  const segments: Segment[] = [];
  const append = (text: string, p: Piece) => {
    const prev = segments[segments.length - 1];
    if (prev && !prev.hyphen && prev.font === p.font && prev.linkGroup === p.linkGroup && prev.field === p.field) {
      prev.text += text;
      return;
    }
    const seg: Segment = { x: 0, text, font: p.font, width: 0 };
    if (p.link) {
      seg.link = p.link;
      seg.linkGroup = p.linkGroup!;
    }
    if (p.field !== undefined) seg.field = p.field;
    segments.push(seg);
  };
  for (let k = from; k < to; k++) {
    const f = frags[k]!;
    f.pieces.forEach((p, idx) => {
      const spaced = k < to - 1 && f.after === 'space' && idx === f.pieces.length - 1;
      append(spaced ? `${p.text} ` : p.text, p);
    });
  }
  const lastFrag = frags[to - 1]!;
  const lastSeg = segments[segments.length - 1]!;
  if (lastFrag.after === 'space' || lastFrag.after === 'forced') lastSeg.suffix = ' ';
  let x = 0;
  for (const seg of segments) {
    seg.x = x;
    seg.width = measure(seg.font, seg.text, size);
    x += seg.width;
  }
  if (lastFrag.after === 'hyphen') {
    const font = lastSeg.font;
    const width = measure(font, '-', size);
    segments.push({ x, text: '-', font, width, hyphen: true });
    x += width;
  }
  const line: Line = { segments, width: x };
  if (lastFrag.broken !== undefined) line.brokenWord = lastFrag.broken;
  return line;
}
