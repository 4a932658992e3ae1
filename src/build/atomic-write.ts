/**
 * Files appear under their final name only complete: each is written to a temporary name
 * in the same directory (so the rename cannot cross file systems) and renamed into place,
 * which POSIX makes atomic. A build killed with `kill -9` can leave temporaries behind but
 * never a half-written file under a final name; the next build sweeps the temporaries.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

const TEMP_MARK = '.folderpers-tmp-';
let counter = 0;

/** A name no other thread or process of ours uses at the same time. */
export function tempPathFor(finalPath: string): string {
  counter += 1;
  return join(dirname(finalPath), `.${basename(finalPath)}${TEMP_MARK}${process.pid}-${threadId}-${counter}`);
}

export function isTempName(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARK);
}

/**
 * Writes `data` to a fresh temporary file beside `finalPath` and returns its path.
 * Synchronously: a build's files go to the page cache in well under a millisecond each,
 * while an open, a write and a close through the thread pool each waited behind the
 * rasterising that shares it (a worker's 25 files per municipality, the main thread's
 * municipality pages one after another).
 */
export async function writeTemp(finalPath: string, data: Uint8Array | string): Promise<string> {
  const temp = tempPathFor(finalPath);
  // 'wx': never follow or overwrite something that is already there.
  const fd = openSync(temp, 'wx');
  try {
    writeFileSync(fd, data);
  } catch (err) {
    closeSync(fd);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  closeSync(fd);
  return temp;
}

export async function writeFileAtomic(finalPath: string, data: Uint8Array | string): Promise<void> {
  const temp = await writeTemp(finalPath, data);
  try {
    await rename(temp, finalPath);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Removes temporaries that a killed build left in `dir`; returns how many. */
export async function sweepTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!isTempName(name)) continue;
    await unlink(join(dir, name)).catch(() => undefined);
    removed += 1;
  }
  return removed;
}
