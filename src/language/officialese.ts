/**
 * `language/officialese`: words and phrases of official Dutch that B1 text avoids, with an
 * everyday alternative: "indien" → "als", "ten aanzien van" → "over". The list, each entry
 * with its reason and, where a public style guide names it, its source, is
 * data/officialese.yaml; this module only reads it and finds its phrases in a sentence.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { assert } from '../diagnostics/index.js';
import type { Token } from './sentences.js';

export const OFFICIALESE_RULE = 'language/officialese';

export interface OfficialeseEntry {
  phrase: string;
  forms?: string[];
  instead: string;
  reason: string;
  source?: string;
}

export interface OfficialeseHit {
  entry: OfficialeseEntry;
  /** The words as written. */
  words: Token[];
}

function dataFile(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'data', 'officialese.yaml'))) {
    const parent = dirname(dir);
    assert(parent !== dir, 'data/officialese.yaml not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return join(dir, 'data', 'officialese.yaml');
}

/**
 * The list as JSON, written by the tool's build beside this module with the hash of the
 * YAML it came from (parsing the YAML costs ~40 ms of every run; JSON ~1 ms). Used only
 * when that hash matches the data file.
 */
export const PRECOMPILED_LIST = join(dirname(fileURLToPath(import.meta.url)), 'officialese.json');

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function precompileOfficialese(file: string = PRECOMPILED_LIST): void {
  const text = readFileSync(dataFile(), 'utf8');
  writeFileSync(file, JSON.stringify({ source: hashOf(text), entries: checked(parse(text)) }) + '\n');
}

/** The list as the data file has it; a malformed file is a defect of the tool, not of content. */
export function officialeseList(precompiled: string = PRECOMPILED_LIST): OfficialeseEntry[] {
  const text = readFileSync(dataFile(), 'utf8');
  if (existsSync(precompiled)) {
    const stored = JSON.parse(readFileSync(precompiled, 'utf8')) as { source: string; entries: OfficialeseEntry[] };
    if (stored.source === hashOf(text)) return stored.entries;
  }
  return checked(parse(text));
}

function checked(list: unknown): OfficialeseEntry[] {
  assert(Array.isArray(list), 'data/officialese.yaml must be a list');
  for (const e of list as OfficialeseEntry[]) {
    assert(typeof e.phrase === 'string' && typeof e.instead === 'string' && typeof e.reason === 'string', `officialese entry ${JSON.stringify(e)} needs phrase, instead and reason`);
    assert(e.forms === undefined || (Array.isArray(e.forms) && e.forms.every((f) => typeof f === 'string')), `officialese entry ${e.phrase}: forms must be a list of text`);
  }
  return list as OfficialeseEntry[];
}

/** Phrases by their first word, longest first, so "ten aanzien van" wins over a shorter one. */
export class OfficialeseMatcher {
  readonly #byFirst = new Map<string, { words: string[]; entry: OfficialeseEntry }[]>();

  constructor(entries: readonly OfficialeseEntry[]) {
    for (const entry of entries) {
      for (const form of [entry.phrase, ...(entry.forms ?? [])]) {
        const words = form.toLowerCase().split(/\s+/).filter(Boolean);
        const list = this.#byFirst.get(words[0]!) ?? [];
        list.push({ words, entry });
        list.sort((a, b) => b.words.length - a.words.length);
        this.#byFirst.set(words[0]!, list);
      }
    }
  }

  /** The phrases in a sentence's words (consecutive words, only white space between). */
  find(words: readonly Token[], between: (a: Token, b: Token) => string): OfficialeseHit[] {
    const hits: OfficialeseHit[] = [];
    for (let i = 0; i < words.length; i++) {
      const candidates = this.#byFirst.get(words[i]!.text.toLowerCase());
      if (!candidates) continue;
      const match = candidates.find(({ words: phrase }) =>
        phrase.every((w, k) => {
          const word = words[i + k];
          if (!word || word.text.toLowerCase() !== w) return false;
          return k === 0 || /^\s+$/.test(between(words[i + k - 1]!, word));
        }),
      );
      if (!match) continue;
      hits.push({ entry: match.entry, words: words.slice(i, i + match.words.length) });
      i += match.words.length - 1;
    }
    return hits;
  }
}
