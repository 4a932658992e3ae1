/**
 * The PNG renderer's measured strips, kept in the output folder between builds
 * (`out/.folderpers-strips/`, one file per strip, named by the hash of the strip's
 * markup). A rebuild of one municipality then finds the national strips measured; CI
 * keeps them with the rest of `out/` in its cache. Like the stat cache it is local
 * bookkeeping, not output: the manifest does not list it and its loss only costs time.
 */
import { readFileSync, utimesSync } from 'node:fs';
import { mkdir, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { StripStore } from '../render/png/index.js';
import { isTempName, writeFileAtomic } from './atomic-write.js';

export const STRIP_STORE_DIR = '.folderpers-strips';

/** What the store may hold; the least recently used strips go first beyond it. */
const BUDGET_BYTES = 256 * 1024 * 1024;

const KEY = /^[0-9a-f]{64}$/;

export function fileStripStore(dir: string): StripStore {
  const path = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a strip key: ${key}`);
    return join(dir, key);
  };
  return {
    // Synchronous inside: a page loads ~100 small files, and a worker has nothing else to
    // do meanwhile; the thread pool's round trips cost more than the reads.
    async load(key) {
      const file = path(key);
      try {
        const bytes = readFileSync(file);
        // Its modification time says when a build last used it (see pruneStripStore).
        const now = new Date();
        utimesSync(file, now, now);
        return bytes;
      } catch {
        return undefined;
      }
    },
    async save(key, bytes) {
      await mkdir(dir, { recursive: true });
      await writeFileAtomic(path(key), bytes);
    },
  };
}

/** Removes the least recently used strips while the store is over its budget. */
export async function pruneStripStore(dir: string, budget = BUDGET_BYTES): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = (
    await Promise.all(
      names
        .filter((n) => KEY.test(n) && !isTempName(n))
        .map(async (name) => {
          const s = await stat(join(dir, name)).catch(() => undefined);
          return s?.isFile() ? { name, size: s.size, used: s.mtimeMs } : undefined;
        }),
    )
  ).filter((f) => f !== undefined);
  let total = files.reduce((sum, f) => sum + f.size, 0);
  let removed = 0;
  for (const f of files.sort((a, b) => a.used - b.used || (a.name < b.name ? -1 : 1))) {
    if (total <= budget) break;
    await unlink(join(dir, f.name)).catch(() => undefined);
    total -= f.size;
    removed += 1;
  }
  return removed;
}
