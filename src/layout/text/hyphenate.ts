/**
 * Dutch hyphenation: Liang patterns from `hyphen/nl`, corrected by an exceptions list for
 * the compounds this project prints most. The patterns know syllables, not compounds, so
 * they split "cliëntondersteuning" as cli-ën-ton-der-steu-ning; a reader stumbles over
 * "ton". The exceptions also say which breaks are compound joints (`=`): a line that
 * breaks at "cliënt-ondersteuning" reads better than one at "cliënton-dersteuning", so the
 * line breaker prefers joints. Compounds on "cliënt" are split at the joint first.
 *
 * No word breaks right before a letter with a trema ("cli-ënt", "ide-eën"): Dutch spelling
 * drops the trema there ("cli-entondersteuning"), and a line that started "ëntonder…"
 * misspelled the word. Dropping it would make the drawn text differ from the words the
 * PDF's text, the alt text and the contact checks read, so the break is not offered. The
 * exceptions keep such breaks all the same: they are syllables, which the readability
 * report counts (`syllableCount`).
 */
import { createRequire } from 'node:module';

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
let patterns: HyphenateSync | undefined;

/** The patterns load on first use (~50 ms): the main thread of a build only validates, and never hyphenates. */
function hyphenateSync(text: string, options: { hyphenChar: string; minWordLength: number }): string {
  patterns ??= (createRequire(import.meta.url)('hyphen/nl') as { hyphenateSync: HyphenateSync }).hyphenateSync;
  return patterns(text, options);
}

/** Lowercase forms: `=` at a compound joint, `-` at another syllable break. */
const EXCEPTIONS = [
  'cli-ënt',
  'cli-ën-ten',
  'cli-ënt=on-der=steu-ning',
  'cli-ënt=on-der=steu-nin-gen',
  'cli-ënt=on-der=steu-ner',
  'cli-ënt=on-der=steu-ners',
  'cli-ën-ten=on-der=steu-ner',
  'cli-ën-ten=on-der=steu-ners',
  'cli-ën-ten=or-ga-ni-sa-ties',
  'cli-ën-ten=ver-te-gen-woor-di-gers',
  'on-der=steu-ning',
  'on-der=steu-nin-gen',
  'on-der=steu-ner',
  'on-der=steu-ners',
  'on-der=steu-nings=vraag',
  'on-der=steu-nings=vra-gen',
  'on-af=han-ke-lijk',
  'on-af=han-ke-lij-ke',
  'zelf=red-zaam-heid',
  'be-lan-gen=be-har-ti-ger',
  'be-lan-gen=be-har-ti-ging',
  'er-va-rings=des-kun-di-gen',
  'zorg=ver-ze-ke-rings=wet',
  'zorg=aan-bie-der',
  'zorg=aan-bie-ders',
  'hulp=ver-le-ner',
  'hulp=ver-le-ners',
  'ver-trou-wens=per-so-nen',
  'fa-mi-lie=groeps=plan',
  'ge-meen-te',
  'ge-meen-ten',
  'wijk=team',
  'wijk=teams',
  'jeugd=hulp',
  'jeugd=wet',
];

/** Prefix compounds split at the joint before the patterns see the rest. */
const COMPOUND_HEADS = ['cliënten', 'cliënt'];

export interface HyphenBreak {
  /** Offset in the word. */
  at: number;
  /** A compound joint (or a break the patterns found, about which nothing more is known). */
  preferred: boolean;
}

const exceptions = new Map<string, HyphenBreak[]>();
for (const form of EXCEPTIONS) exceptions.set(form.replace(/[-=]/g, ''), breaksOf(form));

function breaksOf(form: string): HyphenBreak[] {
  const out: HyphenBreak[] = [];
  let offset = 0;
  for (const m of form.matchAll(/([^-=]+)([-=]?)/g)) {
    offset += m[1]!.length;
    if (m[2]) out.push({ at: offset, preferred: m[2] === '=' });
  }
  return out;
}

const cache = new Map<string, HyphenBreak[]>();

/** Letters with a trema: a break before one would have to drop it. */
const TREMA = /^[äëïöüÄËÏÖÜ]/u;

/** Minimum letters kept before and after a break. */
const MIN_LEFT = 2;
const MIN_RIGHT = 3;

/** Where `word` (letters only, any case) may break with an added hyphen. */
export function hyphenationBreaks(word: string): HyphenBreak[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const breaks = compute(word.toLowerCase()).filter((b) => b.at >= MIN_LEFT && word.length - b.at >= MIN_RIGHT && !TREMA.test(word.slice(b.at)));
  cache.set(word, breaks);
  return breaks;
}

/** Offsets (in UTF-16 units of `word`) where the word may break. */
export function hyphenationPoints(word: string): number[] {
  return hyphenationBreaks(word).map((b) => b.at);
}

function compute(lower: string): HyphenBreak[] {
  const known = exceptions.get(lower);
  if (known) return known;
  for (const head of COMPOUND_HEADS) {
    if (lower.startsWith(head) && lower.length - head.length >= 4) {
      const headBreaks = exceptions.get(head) ?? [];
      const rest = compute(lower.slice(head.length)).map((b) => ({ ...b, at: b.at + head.length }));
      return [...headBreaks, { at: head.length, preferred: true }, ...rest];
    }
  }
  if (lower.length < 5) return [];
  return breaksOf(hyphenateSync(lower, { hyphenChar: '=', minWordLength: 5 }));
}

/** The word with `-` at every break, for tests and diagnostics. */
export function hyphenatedForm(word: string): string {
  let out = '';
  let last = 0;
  for (const p of hyphenationPoints(word)) {
    out += word.slice(last, p) + '-';
    last = p;
  }
  return out + word.slice(last);
}

/**
 * Syllables of a word by the same patterns and exceptions, without the minimum lengths the
 * line breaker keeps at either end of a line ("ge-meen-te" has three). Used by the
 * readability report (src/language) to count long words.
 */
export function syllableCount(word: string): number {
  const lower = word.toLowerCase();
  let count = syllables.get(lower);
  if (count === undefined) {
    const breaks = lower.length >= 5 ? compute(lower) : breaksOf(hyphenateSync(lower, { hyphenChar: '=', minWordLength: 1 }));
    count = breaks.length + 1;
    syllables.set(lower, count);
  }
  return count;
}

const syllables = new Map<string, number>();
