import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileStripStore, pruneStripStore } from '../../src/build/strip-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-strips-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const key = (n: number) => n.toString(16).padStart(64, '0');

describe('the strip store', () => {
  it('saves and loads by key, and has nothing for an unknown one', async () => {
    const store = fileStripStore(join(dir, 'strips'));
    await store.save(key(1), Buffer.from('one'));
    expect(Buffer.from((await store.load(key(1)))!).toString()).toBe('one');
    expect(await store.load(key(2))).toBeUndefined();
    await expect(store.save('../escape', Buffer.from('x'))).rejects.toThrow(/not a strip key/);
  });

  it('prunes the least recently used strips beyond its budget, and nothing else', async () => {
    for (let n = 1; n <= 4; n++) {
      await writeFile(join(dir, key(n)), Buffer.alloc(100));
      const used = new Date(Date.UTC(2020, 0, n));
      await utimes(join(dir, key(n)), used, used);
    }
    await writeFile(join(dir, 'notes.txt'), Buffer.alloc(1000));
    const store = fileStripStore(dir);
    // Loading strip 1 makes it the most recently used.
    await store.load(key(1));
    expect(await pruneStripStore(dir, 250)).toBe(2);
    expect((await readdir(dir)).sort()).toEqual([key(1), key(4), 'notes.txt'].sort());
  });
});
