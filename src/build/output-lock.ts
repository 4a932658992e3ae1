/**
 * One build at a time per output folder. Two builds into one out/ would each read the
 * manifest, render, and write their own, and the one that writes last drops the other's
 * entries; each would also sweep the other's temporaries. So a build holds
 * out/.folderpers-lock while it reads and writes out/, and a second build stops with exit
 * 2 and "another build is writing to <out>".
 *
 * The lock is created whole (written under a temporary name, then hard-linked to its
 * name, which fails if it exists) and says who holds it: process id, host, and a random
 * nonce. The holder touches it every HEARTBEAT_MS. A lock is stale, and is taken over,
 * when its process is gone (same host: no such process id) or when it has not been
 * touched for STALE_MS (another host or container, where the process id means nothing;
 * also a lock that came with a restored out/). So a build killed with SIGKILL never blocks
 * the next one, at most for STALE_MS when it ran on another host.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { link, lutimes, mkdir, rename, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { tempPathFor, writeTemp } from './atomic-write.js';
import { lstatOrUndefined, readBack } from './read-back.js';

export const LOCK_FILE = '.folderpers-lock';

export const HEARTBEAT_MS = 2_000;
export const STALE_MS = 60_000;

export interface LockOwner {
  pid: number;
  host: string;
  started: string;
  nonce: string;
}

/** A lock as found: who holds it (if it says) and when it was last touched. */
export interface FoundLock {
  owner: LockOwner | undefined;
  touchedMs: number;
  /** Device and inode: which file it is, whatever its name now. */
  file: string;
}

/** Refused: another build holds the lock, or it could not be taken at all. */
export type LockResult = { status: 'acquired'; release: () => Promise<void> } | { status: 'refused'; message: string };

/** Nonces of the locks this process holds (a lock with this process's id and another nonce is a dead one's). */
const heldHere = new Set<string>();

/** Takes the lock of `outDir` (creating the folder if needed), or says who holds it. */
export async function lockOutput(outDir: string): Promise<LockResult> {
  try {
    return await takeLock(outDir);
  } catch (err) {
    return { status: 'refused', message: `could not take the lock ${join(outDir, LOCK_FILE)}: ${(err as Error).message}` };
  }
}

async function takeLock(outDir: string): Promise<LockResult> {
  const created = createdFolders(resolve(outDir), await mkdir(outDir, { recursive: true }));
  const lock = join(outDir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), nonce: randomBytes(16).toString('hex') };
  const content = `${JSON.stringify(me)}\n`;
  let pending: string | undefined;
  try {
    // A few rounds: each either takes the lock, finds it held, or clears one stale lock.
    for (let round = 0; round < 5; round++) {
      pending ??= await writeTemp(lock, content);
      try {
        await link(pending, lock);
        heldHere.add(me.nonce);
        return { status: 'acquired', release: holding(lock, me, created) };
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // ENOENT: the holder swept our temporary; write it again.
        if (code === 'ENOENT') pending = undefined;
        else if (code !== 'EEXIST') throw err;
      }
      const found = findLock(lock);
      if (!found) continue;
      if (!isStale(found, Date.now())) return { status: 'refused', message: heldMessage(outDir, found) };
      await clearStale(lock, found);
    }
    const found = findLock(lock);
    return { status: 'refused', message: found?.owner ? heldMessage(outDir, found) : `another build is writing to ${outDir}` };
  } finally {
    if (pending !== undefined) await unlink(pending).catch(() => undefined);
  }
}

/** The folders `mkdir -p` made: from `dir` up to the first one it had to create, deepest first. */
function createdFolders(dir: string, first: string | undefined): string[] {
  if (first === undefined) return [];
  const top = resolve(first);
  const folders: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    folders.push(current);
    if (current === top || current === dirname(current)) return folders;
  }
}

/** Keeps the lock alive until released; release removes it only while it is still ours. */
function holding(lock: string, me: LockOwner, created: readonly string[]): () => Promise<void> {
  const beat = setInterval(() => {
    const now = new Date();
    void lutimes(lock, now, now).catch(() => undefined);
  }, HEARTBEAT_MS);
  beat.unref();
  return async () => {
    clearInterval(beat);
    heldHere.delete(me.nonce);
    if (findLock(lock)?.owner?.nonce === me.nonce) await unlink(lock).catch(() => undefined);
    // Folders the lock had to create, if the build left nothing in them.
    for (const dir of created) await rmdir(dir).catch(() => undefined);
  };
}

export function findLock(lock: string): FoundLock | undefined {
  const info = lstatOrUndefined(lock);
  if (!info) return undefined;
  const file = `${info.dev}:${info.ino}`;
  const touchedMs = Number(info.mtimeNs / 1_000_000n);
  const read = readBack(lock, 4096);
  return { owner: read.status === 'ok' ? parseOwner(read.bytes.toString('utf8')) : undefined, touchedMs, file };
}

/**
 * Stale: its process is gone (known on this host only), or it was not touched within
 * STALE_MS either way of now (a clock set back, a time from an archive); also a lock that
 * does not say who holds it, which no build of this tool wrote.
 */
export function isStale(found: FoundLock, nowMs: number, host = hostname()): boolean {
  const { owner } = found;
  if (!owner) return true;
  if (owner.host === host && !processExists(owner)) return true;
  return Math.abs(nowMs - found.touchedMs) > STALE_MS;
}

function processExists({ pid, nonce }: LockOwner): boolean {
  if (pid === process.pid) return heldHere.has(nonce);
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists, as another user's process.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the stale lock `found`, and only that one: it is renamed aside first (an atomic
 * step only one build can take), and if what was moved is another build's fresh lock
 * (taken in between), it is put back.
 */
async function clearStale(lock: string, found: FoundLock): Promise<void> {
  const aside = tempPathFor(lock);
  try {
    await rename(lock, aside);
  } catch {
    return;
  }
  const moved = findLock(aside);
  if (moved && moved.file !== found.file) await link(aside, lock).catch(() => undefined);
  // Whatever it was (a file, a link, a FIFO, an empty folder), only the entry goes.
  await unlink(aside)
    .catch(() => rmdir(aside))
    .catch(() => undefined);
}

function heldMessage(outDir: string, found: FoundLock): string {
  const o = found.owner!;
  const ago = Math.max(0, Math.round((Date.now() - found.touchedMs) / 1000));
  return (
    `another build is writing to ${outDir} (process ${o.pid} on ${o.host}, started ${o.started}, last seen ${ago} s ago); ` +
    `run this build when it has finished. A lock left by a build that was killed is taken over once its process is gone, ` +
    `or ${STALE_MS / 1000} s after it was last seen`
  );
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as Partial<LockOwner> | null;
    if (o && Number.isSafeInteger(o.pid) && o.pid! > 0 && typeof o.host === 'string' && typeof o.started === 'string' && typeof o.nonce === 'string') {
      return o as LockOwner;
    }
  } catch {
    // Not a lock this tool wrote.
  }
  return undefined;
}
