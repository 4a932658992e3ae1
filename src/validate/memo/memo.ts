/**
 * What validation may remember between builds: the results of its pure parses (a profile's
 * YAML against its schema, a document's Markdown, an SVG logo's safety check), each keyed
 * by the sha256 of everything it is a function of: what it is, the file's path (diagnostics
 * name it) and its text. The tool itself is not in the key: the memo is kept in out/ under
 * the build's records, which hold nothing from another tool (see src/build/memo-file.ts).
 *
 * Only parses are remembered. Every rule (placeholders, identity, glyphs, language, the
 * rules across profiles) runs on every validation, on what the parses gave, so a memo can
 * make validation faster and never different. A value the codec refuses is parsed each
 * time; a hit is decoded into a fresh graph, so nothing a caller changes reaches the memo.
 */
import { createHash } from 'node:crypto';
import type { SourceText } from '../../content/source-text.js';
import { decodeValue, encodeValue, MemoRefused, type Encoded } from './codec.js';

export interface MemoEntry {
  /** The file the parse read: an entry is replaced when its file's text changes. */
  file: string;
  value: Encoded;
}

/** At most this many entries are kept (a national content folder needs ~700). */
export const MAX_MEMO_ENTRIES = 20_000;

/** The key of a parse: the sha256 of what it is a function of. */
export function memoKey(kind: string, file: string, text: string): string {
  return createHash('sha256').update(`${kind}\0${file}\0`).update(text).digest('hex');
}

/** `memo.use(…)` when there is a memo, else `compute()`: the one way a parse goes through it. */
export function memoised<T>(memo: ValidationMemo | undefined, kind: string, file: string, text: string, compute: () => T, source?: SourceText): T {
  return memo ? memo.use(kind, file, text, compute, source) : compute();
}

export class ValidationMemo {
  readonly #previous: ReadonlyMap<string, MemoEntry>;
  readonly #opened: boolean;
  readonly #used = new Map<string, MemoEntry>();
  #missed = 0;
  #hits = 0;

  /** `previous`: the entries of a memo kept earlier; none for a new memo. */
  constructor(previous?: ReadonlyMap<string, MemoEntry>) {
    this.#previous = previous ?? new Map();
    this.#opened = previous !== undefined;
  }

  /**
   * `compute()`'s result for the text of `file` read as `kind`, from the memo when it holds
   * one. `compute` must be a function of the kind, the file's path and text, and the tool.
   * `source`: the SourceText of that text the result may refer to, given back on a hit.
   */
  use<T>(kind: string, file: string, text: string, compute: () => T, source?: SourceText): T {
    const key = memoKey(kind, file, text);
    const known = this.#previous.get(key);
    if (known) {
      try {
        const value = decodeValue(known.value, source) as T;
        this.#used.set(key, known);
        this.#hits += 1;
        return value;
      } catch (err) {
        // Proven, so ours; a codec that cannot read its own output is a bug, but one that costs a parse.
        if (!(err instanceof MemoRefused)) throw err;
      }
    }
    this.#missed += 1;
    const value = compute();
    try {
      this.#used.set(key, { file, value: encodeValue(value, source) });
    } catch (err) {
      if (!(err instanceof MemoRefused)) throw err;
    }
    return value;
  }

  /** Hits and parses so far (for the trace and the tests). */
  get counts(): { hits: number; parsed: number } {
    return { hits: this.#hits, parsed: this.#missed };
  }

  /**
   * Whether `kept` (what entries() gave) differs from the memo that was read: a new memo,
   * a parse that was not in it, or an entry dropped.
   */
  changed(kept: ReadonlyMap<string, MemoEntry> = this.entries()): boolean {
    if (!this.#opened || this.#missed > 0) return true;
    return this.#previous.size !== kept.size;
  }

  /**
   * What to keep: every entry used now, then the earlier ones whose file was not parsed
   * now in another version (a `--municipality` build keeps the other profiles' entries)
   * and, by `exists`, is still there (a removed profile's entry goes).
   */
  entries(exists: (file: string) => boolean = () => true): Map<string, MemoEntry> {
    const files = new Set([...this.#used.values()].map((e) => e.file));
    const kept = new Map(this.#used);
    for (const [key, entry] of this.#previous) {
      if (kept.size >= MAX_MEMO_ENTRIES) break;
      if (!kept.has(key) && !files.has(entry.file) && exists(entry.file)) kept.set(key, entry);
    }
    return kept;
  }
}
