/**
 * The build's records of what it wrote: a file counts as the build's own only while the
 * record proves it (its identity unchanged, or with a key its sealed sha256), whatever
 * the records file holds.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Provenance, RECORDS_FILE } from '../../src/build/provenance.js';
import { identityOf } from '../../src/build/read-back.js';

let root: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'folderpers-provenance-'));
  out = join(root, 'out');
  await mkdir(join(out, 'a'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const TOOL = 't'.repeat(64);
const INPUTS = '1'.repeat(64);
const KEY = Buffer.from('k'.repeat(40));
const PATH = 'a/ouderfolder.pdf';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A build that wrote `a/ouderfolder.pdf` and recorded it. */
async function firstBuild(key?: Buffer, bytes = 'the leaflet'): Promise<{ sha256: string; bytes: number }> {
  await writeFile(join(out, PATH), bytes);
  const file = { sha256: sha256(bytes), bytes: Buffer.byteLength(bytes) };
  const { provenance } = Provenance.load(out, TOOL, key);
  provenance.written(PATH, file, INPUTS);
  await provenance.save([PATH]);
  return file;
}

const load = (key?: Buffer, tool = TOOL) => Provenance.load(out, tool, key).provenance;

describe('Provenance', () => {
  it('proves a file it wrote while the file is untouched, for the same inputs only', async () => {
    const file = await firstBuild();
    expect(load().artifact(PATH, INPUTS)).toMatchObject({ sha256: file.sha256, size: file.bytes });
    expect(load().artifact(PATH, '2'.repeat(64)), 'other inputs').toBeUndefined();
    expect(load(undefined, 'u'.repeat(64)).artifact(PATH, INPUTS), 'another tool').toBeUndefined();
  });

  it('without a key, a restored, copied or edited file is not proven, even with the same bytes', async () => {
    await firstBuild();
    // cp -a keeps bytes and mtime, not the inode and change time.
    await cp(out, join(root, 'restored'), { recursive: true, preserveTimestamps: true });
    await rm(out, { recursive: true });
    await cp(join(root, 'restored'), out, { recursive: true, preserveTimestamps: true });
    expect(load().artifact(PATH, INPUTS)).toBeUndefined();
  });

  it('with a key, a restored file is proven by its sealed sha256, and a tampered one is not', async () => {
    const file = await firstBuild(KEY);
    await cp(out, join(root, 'restored'), { recursive: true, preserveTimestamps: true });
    await rm(out, { recursive: true });
    await cp(join(root, 'restored'), out, { recursive: true, preserveTimestamps: true });
    const p = load(KEY);
    const record = p.artifact(PATH, INPUTS);
    expect(record).toMatchObject({ sha256: file.sha256, identity: identityOf(lstatSync(join(out, PATH), { bigint: true })) });
    await writeFile(join(out, PATH), 'the leaflex');
    expect(load(KEY).artifact(PATH, INPUTS)).toBeUndefined();
    // Sealed under another key, or not sealed at all: nothing counts.
    expect(load(Buffer.from('x'.repeat(40))).artifact(PATH, INPUTS)).toBeUndefined();
  });

  it('with a key, records edited to match a replaced file are refused (the seal breaks)', async () => {
    await firstBuild(KEY);
    await writeFile(join(out, PATH), 'a forgery!!');
    const text = readFileSync(join(out, RECORDS_FILE), 'utf8');
    const record = JSON.parse(text.split('\n')[1]!).artifacts[PATH];
    const forged = text
      .replace(record.sha256, sha256('a forgery!!'))
      .replace(record.identity, identityOf(lstatSync(join(out, PATH), { bigint: true })));
    await writeFile(join(out, RECORDS_FILE), forged);
    expect(load(KEY).artifact(PATH, INPUTS)).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['cut off', null],
    ['garbage', '\u0000\u00ff{{{'],
    ['JSON of the wrong shapes', `folderpers-bookkeeping 2 unsealed\n{"tool":"${TOOL}","generation":1,"artifacts":{"${PATH}":null,"a/x.pdf":[1],"../../etc/passwd":{}},"strips":{"__proto__":{"sha256":1}}}\n`],
    ['an old stat cache', `{"${PATH}":{"sha256":"x","size":11,"mtimeMs":1,"ctimeMs":1,"ino":1}}\n`],
    ['huge', 'x'.repeat(40 * 1024 * 1024)],
  ])('a records file that is %s is only a cold start', async (_name, text) => {
    await firstBuild();
    const file = join(out, RECORDS_FILE);
    await writeFile(file, text ?? readFileSync(file).subarray(0, 100));
    const { provenance, problem } = Provenance.load(out, TOOL, undefined);
    expect(problem).toBeUndefined();
    expect(provenance.artifact(PATH, INPUTS)).toBeUndefined();
    // … and the file that is there is still found to hold the bytes it holds.
    expect(provenance.holds(PATH, { sha256: sha256('the leaflet'), bytes: 11 }, INPUTS)).toBe(true);
  });

  it('keeps the records it proved again (inputs aside, as for entries outside a selection), and only those', async () => {
    await writeFile(join(out, PATH), 'the leaflet');
    await writeFile(join(out, 'a', 'b.pdf'), 'b');
    const first = load();
    first.written(PATH, { sha256: sha256('the leaflet'), bytes: 11 }, INPUTS);
    first.written('a/b.pdf', { sha256: sha256('b'), bytes: 1 }, INPUTS);
    await first.save([PATH, 'a/b.pdf']);
    await writeFile(join(out, PATH), 'the leaflex');
    const second = load();
    expect(second.artifact(PATH, INPUTS)).toBeUndefined();
    expect(second.artifact('a/b.pdf')).toMatchObject({ sha256: sha256('b'), inputs: INPUTS });
    await second.save([PATH, 'a/b.pdf']);
    const records = JSON.parse(readFileSync(join(out, RECORDS_FILE), 'utf8').split('\n')[1]!).artifacts;
    expect(Object.keys(records)).toEqual(['a/b.pdf']);
  });
});

describe('the strip records', () => {
  const key = (n: number) => n.toString(16).padStart(64, '0');

  it('keep what workers reported while the file is still that one, prune by last use (not by mtime), and delete files without a record', async () => {
    const store = join(out, '.folderpers-strips');
    await mkdir(store);
    const written = async (n: number) => {
      const bytes = Buffer.alloc(100, n);
      await writeFile(join(store, key(n)), bytes);
      return { name: key(n), sha256: sha256(bytes), size: 100, identity: identityOf(lstatSync(join(store, key(n)), { bigint: true })) };
    };
    // Build 1 writes strips 1 and 2, build 2 strips 3 and 4 and uses 1.
    let p = load();
    p.noteStrips({ used: [], written: [await written(1), await written(2)] });
    p.pruneStrips(store, 1000);
    await p.save([]);
    p = load();
    const records = p.stripsForWorkers().records;
    p.noteStrips({ used: [{ name: key(1), identity: records[key(1)]!.identity }], written: [await written(3), await written(4)] });
    // Strip 2 looks recently used by its mtime; strip 4 was replaced after the worker wrote it.
    const future = new Date(Date.now() + 86_400_000);
    await utimes(join(store, key(2)), future, future);
    await rm(join(store, key(4)));
    await writeFile(join(store, key(4)), Buffer.alloc(100, 4));
    await writeFile(join(store, key(5)), 'never recorded');
    await writeFile(join(store, 'notes.txt'), 'not a strip name');
    expect(p.pruneStrips(store, 250)).toBe(3);
    await p.save([]);
    // 4 is not the file written, so it has no record; of 1, 2, 3 (300 bytes) the least
    // recently used goes: 2 (build 1), whatever its mtime says.
    expect(Object.keys(load().stripsForWorkers().records).sort()).toEqual([key(1), key(3)]);
    expect((await readdir(store)).sort()).toEqual([key(1), key(3), 'notes.txt']);
  });
});
