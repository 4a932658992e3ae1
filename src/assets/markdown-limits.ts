/**
 * Markdown that is small but costly: the CommonMark parser spends time that grows faster
 * than the text for many short blocks (32 KiB of setext headings take 11 s), deeply nested
 * quotes and lists, and thousands of emphasis or link delimiters (40 KiB of `*a` take 2 s).
 * Real documents have a few hundred lines and a few dozen of each, so generous caps keep
 * every parse around a second at most (test/hostile/parse-cost.test.ts).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { lineIndex } from './positions.js';

/** Lines: every block costs the parser, and setext headings (`a` over `=`) cost quadratically. */
export const MAX_MARKDOWN_LINES = 1000;
/** Quote markers, list markers and indentation levels at the start of one line. */
export const MAX_MARKDOWN_NESTING = 6;
/** `*` and `_` in the whole file. */
export const MAX_EMPHASIS_MARKS = 2000;
/** `[` in the whole file (links, images, references). */
export const MAX_BRACKETS = 1000;

/** One level of nesting at the start of a line: `>`, a list marker, a tab or two spaces. */
const NESTING = /^(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]|\t| {2})/;

export function markdownComplexity(text: string, file: string): Diagnostic[] {
  const fail = (offset: number, message: string) => [diagnostic({ file, ...lineIndex(text).at(offset) }, 'file/too-complex', message)];
  let emphasis = 0;
  let brackets = 0;
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    if (line > MAX_MARKDOWN_LINES) {
      return fail(lineStart, `the file has more than ${MAX_MARKDOWN_LINES} lines; documents have a few hundred at most`);
    }
    const end = nextLineEnd(text, lineStart);
    let prefix = lineStart;
    for (let depth = 1; ; depth++) {
      const m = NESTING.exec(text.slice(prefix, Math.min(end, prefix + 12)));
      if (!m) break;
      if (depth > MAX_MARKDOWN_NESTING) {
        return fail(prefix, `quotes or lists are nested more than ${MAX_MARKDOWN_NESTING} deep here; documents use one or two levels`);
      }
      prefix += m[0].length;
      while (text.charCodeAt(prefix) === 0x20 && text.charCodeAt(prefix + 1) !== 0x20) prefix++;
    }
    for (let i = lineStart; i < end; i++) {
      const c = text.charCodeAt(i);
      if ((c === 0x2a || c === 0x5f) && ++emphasis > MAX_EMPHASIS_MARKS) {
        return fail(i, `more than ${MAX_EMPHASIS_MARKS} * or _ marks in one file; this one is too many`);
      }
      if (c === 0x5b && ++brackets > MAX_BRACKETS) {
        return fail(i, `more than ${MAX_BRACKETS} [ brackets (links) in one file; this one is too many`);
      }
    }
    lineStart = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  return [];
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return text.length;
}
