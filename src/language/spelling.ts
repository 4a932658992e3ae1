/**
 * `language/spelling`: every word of every text a reader sees, checked against the Dutch
 * dictionary, the project word list (content/words.txt) and the names the profiles
 * themselves give (a municipality's name, its organisation and address). A word that none
 * of them knows is a warning at its first letter with up to three suggestions; an unknown
 * half of a word split in two ("ondersteunings vraag", from PDF extraction) is reported
 * with the joined word instead.
 *
 * Not checked: web and e-mail addresses and domain names (anything with `/`, `@` or a dot
 * between letters, such as "www.loc.nl" or "o.a."), words with digits, single letters
 * (the stray-letter rule looks at those) and placeholders (they are not text).
 */
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Dictionary } from './dictionary.js';
import type { Severity } from './settings.js';

export const SPELLING_RULE = 'language/spelling';

/** Letters, with apostrophes and hyphens inside: "e-mail", "auto's", "Súdwest-Fryslân". */
const WORD = /[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*/gu;
/** A run of non-space characters that is an address, a domain or an abbreviation with dots. */
const NOT_PROSE = /[/@]|[\p{L}\p{N}]\.[\p{L}\p{N}]|\{\{|\}\}/u;

export interface SpellingWord {
  text: string;
  index: number;
  /** Followed by a full stop: it may be an abbreviation the dictionary has with it ("etc."). */
  dotted: boolean;
}

/** The words of a text worth looking up, with their offsets in the text's value. */
export function spellingWords(value: string): SpellingWord[] {
  const out: SpellingWord[] = [];
  for (const chunk of value.matchAll(/\S+/g)) {
    if (NOT_PROSE.test(chunk[0]) || /\p{N}/u.test(chunk[0])) continue;
    for (const m of chunk[0].matchAll(WORD)) {
      if ([...m[0]].length < 2) continue;
      out.push({ text: m[0], index: chunk.index + m.index, dotted: chunk[0][m.index + m[0].length] === '.' });
    }
  }
  return out;
}

/** Words known besides the dictionary: the word list, and names the profiles give. */
export interface KnownWords {
  has(word: string): boolean;
}

function lowerFirst(word: string): string {
  return word.charAt(0).toLowerCase() + word.slice(1);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) && word.slice(1) === word.slice(1).toLowerCase();
}

/**
 * Dutch capitalises the first word of a sentence and writes words in capitals in headings
 * and acronyms, so a capitalised or upper-case word is also right when its lower-case form
 * is. The reverse does not hold: "rotterdam" is wrong where "Rotterdam" is right.
 */
function variants(word: string): string[] {
  const out = [word];
  if (isCapitalised(word)) out.push(lowerFirst(word));
  else if (word === word.toUpperCase() && word !== word.toLowerCase()) {
    const lower = word.toLowerCase();
    out.push(lower, lower.charAt(0).toUpperCase() + lower.slice(1));
  }
  return out;
}

/**
 * Suggestions are searched for at most this many distinct words a run (in the order the
 * files are checked). A search takes 5–100 ms; a hostile or garbled 64 KiB file could hold
 * thousands of unknown words, and validate must still end in seconds.
 */
export const MAX_SUGGESTED_WORDS = 50;

export class SpellChecker {
  readonly #cache = new Map<string, boolean>();
  readonly #suggested = new Set<string>();

  constructor(
    readonly dictionary: Dictionary,
    readonly words: KnownWords,
  ) {}

  /** Whether the dictionary or the word list knows `word` (or each part of a hyphenated word). */
  knows(word: string, extra?: KnownWords): boolean {
    if (extra && variants(word).some((v) => extra.has(v))) return true;
    let known = this.#cache.get(word);
    if (known === undefined) {
      known = this.#knowsWhole(word) || (word.includes('-') && word.split('-').every((part) => part.length < 2 || this.#knowsWhole(part) || (extra !== undefined && extra.has(part))));
      this.#cache.set(word, known);
    }
    return known;
  }

  #knowsWhole(word: string): boolean {
    return variants(word).some((v) => this.words.has(v) || this.dictionary.has(v));
  }

  suggestions(word: string): string[] {
    if (!this.#suggested.has(word)) {
      if (this.#suggested.size >= MAX_SUGGESTED_WORDS) return [];
      this.#suggested.add(word);
    }
    if (!isCapitalised(word)) return this.dictionary.suggest(word, 3);
    // "Ondersteunig" at the start of a sentence: suggest in the case it was written in.
    const found = this.dictionary.suggest(word, 3);
    const list = found.length > 0 ? found : this.dictionary.suggest(lowerFirst(word), 3);
    return [...new Set(list.map((s) => s.charAt(0).toUpperCase() + s.slice(1)))];
  }
}

function quoted(list: readonly string[]): string {
  const q = list.map((s) => `'${s}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export function checkSpelling(text: LocatedText, checker: SpellChecker, severity: Severity, extra?: KnownWords): Diagnostic[] {
  const out: Diagnostic[] = [];
  const words = spellingWords(text.value);
  const known = (w: SpellingWord): boolean => checker.knows(w.text, extra) || (w.dotted && checker.knows(`${w.text}.`, extra));
  /** The word and its neighbour as one, when only a space stands between (extraction damage: "ondersteunings vraag"). */
  const joined = (a: SpellingWord | undefined, b: SpellingWord | undefined): string | undefined => {
    if (!a || !b || !/^[ \t]*\n?[ \t]*$/.test(text.value.slice(a.index + a.text.length, b.index))) return undefined;
    const whole = a.text + b.text;
    return checker.knows(whole, extra) ? whole : undefined;
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (known(word)) continue;
    // The part before was a word on its own ("maat"), so it is not reported yet.
    const prev = words[i - 1];
    const before = joined(prev, word);
    if (prev && before !== undefined) {
      out.push(diagnostic(refAt(text, prev.index), SPELLING_RULE, `'${prev.text} ${word.text}' looks like one word split in two; write '${before}'`, severity));
      continue;
    }
    const next = words[i + 1];
    const after = joined(word, next);
    if (next && after !== undefined) {
      out.push(diagnostic(refAt(text, word.index), SPELLING_RULE, `'${word.text} ${next.text}' looks like one word split in two; write '${after}'`, severity));
      i++;
      continue;
    }
    const suggestions = checker.suggestions(word.text);
    const hint = suggestions.length > 0 ? ` (did you mean ${quoted(suggestions)}?)` : '';
    out.push(
      diagnostic(
        refAt(text, word.index),
        SPELLING_RULE,
        `'${word.text}' is not in the Dutch dictionary${hint}; if it is right, add it to the project word list (words.txt)`,
        severity,
      ),
    );
  }
  return out;
}
