/**
 * `text/stray-letter`: a single lowercase letter standing alone where no Dutch word is one
 * letter ("kunt u mij j ondersteunen"): left over from a broken line or a slip. "u", "a",
 * "o" and "e" are words or common in Dutch text; abbreviations ("t/m", "a.s.", "'s", "(s)") and
 * letters inside words are not looked at, nor references such as "lid 3, onder b". A
 * warning at the letter.
 */
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { wordsOf } from './words.js';

export const STRAY_LETTER_RULE = 'text/stray-letter';

const ONE_LETTER_WORDS = new Set(['u', 'a', 'o', 'e']);
/** Words after which a single letter is a legal or list reference: "artikel 2, onder b". */
const REFERENCES = new Set(['sub', 'onder', 'letter', 'lid', 'bijlage', 'punt']);
/** Characters next to a letter that make it part of an abbreviation or a compound. */
const JOINED = /[./'’\-&@()0-9]/;

export function checkStrayLetters(text: LocatedText): Diagnostic[] {
  const out: Diagnostic[] = [];
  const words = wordsOf(text);
  words.forEach((word, i) => {
    if (word.text.length !== 1 || !/\p{Ll}/u.test(word.text)) return;
    const before = text.value[word.index - 1] ?? ' ';
    const after = text.value[word.index + 1] ?? ' ';
    if (JOINED.test(before) || JOINED.test(after)) return;
    const prev = words[i - 1];
    if (prev && REFERENCES.has(prev.text.toLowerCase())) return;
    const echoes = prev !== undefined && prev.text.length > 1 && prev.text.endsWith(word.text);
    if (ONE_LETTER_WORDS.has(word.text) && !echoes) return;
    out.push(
      diagnostic(refAt(text, word.index), STRAY_LETTER_RULE, `the single letter '${word.text}' looks like a left-over; remove it or complete the word`, 'warning'),
    );
  });
  return out;
}
