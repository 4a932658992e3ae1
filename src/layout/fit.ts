/**
 * Every box is checked in both directions, and what does not fit is reported where it is
 * written: a line wider than its column (an atomic phone number or address that cannot
 * break) is a `layout/overflow` error, a word cut between two characters because it had no
 * other break is a `layout/word-broken` warning, a block taller than its box an overflow
 * error saying by how much. Messages name the document, the municipality and the part.
 */
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import type { Line } from './text/index.js';

export interface FitScope {
  doc: { id: string; file: string };
  /** The municipality's name, as its officers know it. */
  municipality: string;
  /** The profile's source positions by JSON pointer, when known. */
  positions: ReadonlyMap<string, SourceRef> | undefined;
  /** Where a profile field is written, by JSON pointer (`/contact/email`); the document's start when unknown. */
  fieldAt(pointer: string): SourceRef;
  /** Where reports go: the layout attempt's diagnostics (a trial arrangement has its own). */
  diagnostics: Diagnostic[];
}

/** Where a piece of text comes from, for the messages about it. */
export interface TextSource {
  scope: FitScope;
  /** Its place in the content (a block, a section heading) or in the profile (a field). */
  at: SourceRef;
  /** What it is, as a message names it: `section "Meer weten?" (#contact)`, `the contact card`. */
  what: string;
}

export function fitScope(
  doc: { id: string; file: string },
  municipality: string,
  positions: ReadonlyMap<string, SourceRef> | undefined,
  diagnostics: Diagnostic[],
): FitScope {
  return { doc, municipality, positions, fieldAt: (pointer) => positions?.get(pointer) ?? fileStart(doc.file), diagnostics };
}

/** A text source for a profile value placed by the layout (the contact card, a footer). */
export function fieldSource(scope: FitScope, field: string, what: string): TextSource {
  return { scope, at: scope.fieldAt(`/${field.replaceAll('.', '/')}`), what };
}

/** The same scope reporting into a scratch list: for arrangements that are only tried. */
export function trialScope(scope: FitScope): FitScope {
  return { ...scope, diagnostics: [] };
}

const EPSILON = 0.01;

function prefix(scope: FitScope): string {
  return `Document "${scope.doc.id}" for ${scope.municipality}`;
}

export function pointsAndMm(pt: number): string {
  return `${Math.ceil(pt)} pt (${Math.ceil((pt * 25.4) / 72)} mm)`;
}

function shown(text: string): string {
  const t = text.trim();
  return t.length > 48 ? `"${t.slice(0, 45)}…"` : `"${t}"`;
}

function report(scope: FitScope, d: Diagnostic): void {
  const same = (o: Diagnostic) => o.rule === d.rule && o.file === d.file && o.line === d.line && o.column === d.column && o.message === d.message;
  if (!scope.diagnostics.some(same)) scope.diagnostics.push(d);
}

/**
 * Checks broken lines against the width they were broken for; returns how far the widest
 * sticks out (0 when all fit).
 */
export function checkLines(lines: readonly Line[], width: number, source: TextSource, limit = width): number {
  let excess = 0;
  for (const line of lines) {
    if (line.brokenWord !== undefined) wordBroken(source, line.brokenWord);
    const over = line.width - limit;
    if (over <= EPSILON) continue;
    excess = Math.max(excess, over);
    tooWide(source, line, over, lines);
  }
  return excess;
}

function wordBroken(source: TextSource, word: string): void {
  const message =
    `${prefix(source.scope)}: in ${source.what}, the word ${shown(word)} is wider than its column and has no place to hyphenate, ` +
    'so it was broken between two characters. Shorten it or write it with a hyphen.';
  report(source.scope, diagnostic(source.at, 'layout/word-broken', message, 'warning'));
}

function tooWide(source: TextSource, line: Line, over: number, all: readonly Line[]): void {
  const { scope } = source;
  const field = line.segments.find((s) => s.field !== undefined);
  if (field?.field !== undefined) {
    const part = line.segments.filter((s) => s.field === field.field).map((s) => s.text).join('');
    const whole = all.flatMap((l) => l.segments.filter((s) => s.field === field.field && !s.hyphen).map((s) => s.text)).join('');
    const what = part.trim() === whole.trim() ? shown(whole) : `${shown(whole)} (its part ${shown(part)})`;
    const message =
      `${prefix(scope)}: in ${source.what}, ${field.field} ${what} is ${pointsAndMm(over)} wider than its column ` +
      'and cannot be broken (a phone number, e-mail or web address is never cut). Shorten it.';
    report(scope, diagnostic(scope.fieldAt(`/${field.field.replaceAll('.', '/')}`), 'layout/overflow', message));
    return;
  }
  const text = line.segments.map((s) => s.text).join('');
  const word = text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
  const message = `${prefix(scope)}: in ${source.what}, ${shown(word)} is ${pointsAndMm(over)} wider than its column and cannot be broken. Shorten it.`;
  report(scope, diagnostic(source.at, 'layout/overflow', message));
}

/** A box that is wider than the room it has (a label, a pill). */
export function checkWidth(need: number, room: number, source: TextSource, text: string): boolean {
  if (need <= room + EPSILON) return true;
  const message = `${prefix(source.scope)}: in ${source.what}, ${shown(text)} is ${pointsAndMm(need - room)} wider than its room and cannot be broken. Shorten it.`;
  report(source.scope, diagnostic(source.at, 'layout/overflow', message));
  return false;
}

/** A block taller than its box. */
export function checkHeight(need: number, room: number, source: TextSource, box: string, advice = 'Shorten it.'): boolean {
  if (need <= room + EPSILON) return true;
  const message = `${prefix(source.scope)}: ${source.what} is ${pointsAndMm(need - room)} too tall for ${box}. ${advice}`;
  report(source.scope, diagnostic(source.at, 'layout/overflow', message));
  return false;
}
