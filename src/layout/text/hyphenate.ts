/**
 * Dutch hyphenation: Liang patterns from `hyphen/nl`, corrected by an exceptions list for
 * the compounds this project prints most. The patterns know syllables, not compounds, so
 * they split "cliëntondersteuning" as cli-ën-ton-der-steu-ning; a reader stumbles over
 * "ton". Compounds on "cliënt" are split at the compound joint first.
 */
import { createRequire } from 'node:module';

type HyphenateSync = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;
const { hyphenateSync } = createRequire(import.meta.url)('hyphen/nl') as { hyphenateSync: HyphenateSync };

/** Hyphenated forms (lowercase, `-` at each allowed break). Inflected forms are listed. */
const EXCEPTIONS = [
  'cli-ënt',
  'cli-ën-ten',
  'cli-ënt-on-der-steu-ning',
  'cli-ënt-on-der-steu-nin-gen',
  'cli-ënt-on-der-steu-ner',
  'cli-ënt-on-der-steu-ners',
  'cli-ën-ten-on-der-steu-ner',
  'cli-ën-ten-on-der-steu-ners',
  'cli-ën-ten-or-ga-ni-sa-ties',
  'cli-ën-ten-ver-te-gen-woor-di-gers',
  'on-af-han-ke-lijk',
  'on-af-han-ke-lij-ke',
  'on-der-steu-nings-vraag',
  'on-der-steu-nings-vra-gen',
  'zelf-red-zaam-heid',
  'be-lan-gen-be-har-ti-ger',
  'be-lan-gen-be-har-ti-ging',
  'er-va-rings-des-kun-di-gen',
  'zorg-ver-ze-ke-rings-wet',
  'ge-meen-te',
  'ge-meen-ten',
  'wijk-team',
  'wijk-teams',
  'jeugd-hulp',
  'jeugd-wet',
];

/** Prefix compounds split at the joint before the patterns see the rest. */
const COMPOUND_HEADS = ['cliënten', 'cliënt'];

const exceptions = new Map<string, number[]>();
for (const form of EXCEPTIONS) exceptions.set(form.replaceAll('-', ''), breaksOf(form));

function breaksOf(form: string): number[] {
  const out: number[] = [];
  let offset = 0;
  for (const part of form.split('-').slice(0, -1)) {
    offset += part.length;
    out.push(offset);
  }
  return out;
}

const cache = new Map<string, number[]>();

/** Minimum letters kept before and after a break. */
const MIN_LEFT = 2;
const MIN_RIGHT = 3;

/**
 * Offsets (in UTF-16 units of `word`) where the word may break with an added hyphen.
 * `word` is letters only; case is kept for the caller, matching is case-insensitive.
 */
export function hyphenationPoints(word: string): number[] {
  const cached = cache.get(word);
  if (cached) return cached;
  const points = compute(word.toLowerCase()).filter((p) => p >= MIN_LEFT && word.length - p >= MIN_RIGHT);
  cache.set(word, points);
  return points;
}

function compute(lower: string): number[] {
  const known = exceptions.get(lower);
  if (known) return known;
  for (const head of COMPOUND_HEADS) {
    if (lower.startsWith(head) && lower.length - head.length >= 4) {
      const headBreaks = exceptions.get(head) ?? [];
      const rest = compute(lower.slice(head.length)).map((p) => p + head.length);
      return [...headBreaks, head.length, ...rest];
    }
  }
  if (lower.length < 5) return [];
  return breaksOf(hyphenateSync(lower, { hyphenChar: '-', minWordLength: 5 }));
}

/** The word with `-` at every break, for tests and diagnostics. */
export function hyphenatedForm(word: string): string {
  const points = hyphenationPoints(word);
  let out = '';
  let last = 0;
  for (const p of points) {
    out += word.slice(last, p) + '-';
    last = p;
  }
  return out + word.slice(last);
}
