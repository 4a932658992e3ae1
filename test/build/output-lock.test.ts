/**
 * The output folder's lock: one build at a time, and a lock whose build is gone (killed
 * on this host, or not seen for a minute on another) never blocks the next.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLock, isStale, LOCK_FILE, lockOutput, STALE_MS, type FoundLock } from '../../src/build/output-lock.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'folderpers-lock-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const owner = (pid: number, host = hostname()) => ({ pid, host, started: '2024-01-01T00:00:00.000Z', nonce: 'n'.repeat(32) });
const found = (o: FoundLock['owner'], touchedMs: number): FoundLock => ({ owner: o, touchedMs, file: '1:1' });

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  return new Promise((resolve) => child.on('exit', () => resolve(child.pid!)));
}

describe('isStale', () => {
  const now = 1_700_000_000_000;
  it('on this host: stale when the process is gone, held while it runs and was seen lately', async () => {
    expect(isStale(found(owner(await deadPid()), now), now)).toBe(true);
    expect(isStale(found(owner(process.ppid), now), now)).toBe(false);
    expect(isStale(found(owner(process.ppid), now - STALE_MS - 1), now), 'a reused process id does not touch the lock').toBe(true);
  });

  it('on another host: held only while it was seen within a minute either way of now', () => {
    const elsewhere = owner(1, 'another-host');
    expect(isStale(found(elsewhere, now - 1000), now)).toBe(false);
    expect(isStale(found(elsewhere, now - STALE_MS - 1), now)).toBe(true);
    expect(isStale(found(elsewhere, now + STALE_MS + 1), now), 'a time from the future (an archive, a clock)').toBe(true);
  });

  it('a lock that does not say who holds it is stale', () => {
    expect(isStale(found(undefined, 1), 1)).toBe(true);
  });
});

describe('lockOutput', () => {
  it('creates the folder, holds the lock, refuses a second taker, and removes both on release', async () => {
    const out = join(root, 'new', 'out');
    const first = await lockOutput(out);
    expect(first.status).toBe('acquired');
    expect(findLock(join(out, LOCK_FILE))?.owner?.pid).toBe(process.pid);
    const second = await lockOutput(out);
    expect(second).toMatchObject({ status: 'refused', message: expect.stringMatching(/^another build is writing to .*out \(process \d+ on /) });
    if (first.status === 'acquired') await first.release();
    expect(existsSync(join(root, 'new')), 'the folders the lock made, left empty').toBe(false);
  });

  it('takes over a lock that is garbage, a link or a FIFO, without following it', async () => {
    const out = join(root, 'out');
    const lock = join(out, LOCK_FILE);
    await mkdir(out);
    await writeFile(join(root, 'target'), 'not a lock');
    const makers = [() => writeFile(lock, '{"pid":'), () => symlink(join(root, 'target'), lock), async () => void execFileSync('mkfifo', [lock])];
    for (const make of makers) {
      await make();
      const taken = await lockOutput(out);
      expect(taken.status).toBe('acquired');
      if (taken.status === 'acquired') await taken.release();
      expect(existsSync(lock)).toBe(false);
    }
    expect(await readFile(join(root, 'target'), 'utf8')).toBe('not a lock');
  });
});
