/**
 * Validation's memo of parses (src/validate/memo/) between builds: out/.folderpers-memo.json.
 * It holds what the parses of profiles, documents and logos gave, which the build then
 * renders from, so it is trusted exactly like a file the build would keep unrendered:
 * only with the build's records (provenance.ts), which name its sha256 and size and, without
 * FOLDERPERS_CACHE_KEY, its identity. A memo restored from a CI cache, copied or edited is
 * not read; a build then parses everything, as without one, and writes a new memo.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './hash.js';
import type { Provenance } from './provenance.js';
import { identityOf, lstatOrUndefined, readRecorded } from './read-back.js';
import { ValidationMemo, type MemoEntry } from '../validate/memo/memo.js';
import type { Encoded } from '../validate/memo/codec.js';

export const MEMO_FILE = '.folderpers-memo.json';

const HEADER = 'folderpers-memo 1';
const HEX64 = /^[0-9a-f]{64}$/;

/**
 * The line each entry was read from: kept entries are written as they were read, instead
 * of being stringified again (~700 of them after a one-profile change, ~5 ms). The file was
 * proven ours, and JSON.stringify of what JSON.parse gave from its output is that output.
 */
const readLines = new WeakMap<MemoEntry, string>();

/**
 * The memo the records in `provenance` prove, or an empty one. `sealed`: the records were
 * sealed with FOLDERPERS_CACHE_KEY, so the file's sha256 is proof enough after a restore.
 */
export function openMemo(outDir: string, provenance: Provenance | undefined, sealed: boolean): ValidationMemo {
  const record = provenance?.memoRecord();
  if (!record) return new ValidationMemo();
  const read = readRecorded(join(outDir, MEMO_FILE), record, !sealed);
  const entries = read && parseMemo(read.bytes.toString('utf8'));
  return entries ? new ValidationMemo(entries) : new ValidationMemo();
}

/** Writes the memo when it changed (or none was read) and records it for the next build. */
export async function saveMemo(outDir: string, memo: ValidationMemo, provenance: Provenance): Promise<void> {
  const kept = memo.entries((f) => existsSync(f));
  if (!memo.changed(kept)) return;
  const file = join(outDir, MEMO_FILE);
  // By key: the same entries make the same file, whichever parse finished first.
  const lines = [...kept].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, entry]) => readLines.get(entry) ?? JSON.stringify([key, entry.file, entry.value]));
  const text = `${HEADER}\n${lines.join('\n')}\n`;
  await writeFileAtomic(file, text);
  const now = lstatOrUndefined(file);
  if (now?.isFile()) provenance.noteMemo({ sha256: sha256(text), size: Buffer.byteLength(text), identity: identityOf(now) });
}

/** One entry per line after the header; anything else and the memo is not used. */
function parseMemo(text: string): Map<string, MemoEntry> | undefined {
  const lines = text.split('\n');
  if (lines[0] !== HEADER || lines.pop() !== '') return undefined;
  const entries = new Map<string, MemoEntry>();
  for (const line of lines.slice(1)) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      return undefined;
    }
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [key, file, value] = entry as unknown[];
    if (typeof key !== 'string' || !HEX64.test(key) || typeof file !== 'string') return undefined;
    const read: MemoEntry = { file, value: value as Encoded };
    readLines.set(read, line);
    entries.set(key, read);
  }
  return entries;
}
