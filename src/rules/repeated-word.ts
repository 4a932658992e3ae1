/**
 * `text/repeated-word`: the same word twice in a row ("de de"), a typical slip when a
 * sentence is edited. A warning at the second word. "dat dat" and "die die" are left
 * alone: in Dutch they are often correct ("hij zegt dat dat klopt").
 */
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { wordsOf } from './words.js';

export const REPEATED_WORD_RULE = 'text/repeated-word';

const GRAMMATICAL = new Set(['dat', 'die']);

export function checkRepeatedWords(text: LocatedText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const words = wordsOf(text);
  for (let i = 1; i < words.length; i++) {
    const prev = words[i - 1]!;
    const word = words[i]!;
    const between = text.value.slice(prev.index + prev.text.length, word.index);
    if (!/^\s+$/.test(between)) continue;
    const lower = word.text.toLowerCase();
    if (lower !== prev.text.toLowerCase() || GRAMMATICAL.has(lower)) continue;
    out.push(diagnostic(refAt(text, word.index), REPEATED_WORD_RULE, `'${word.text}' is written twice in a row`, 'warning'));
  }
  return out;
}
