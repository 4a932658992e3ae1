/**
 * The workers' side of the strip store: a strip is read only under a record the main
 * thread hands over, and only if the file is still exactly that one; what a worker uses
 * and writes is reported for the next records.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../src/build/provenance.js';
import { identityOf } from '../../src/build/read-back.js';
import { fileStripStore } from '../../src/build/strip-store.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-strips-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const key = (n: number) => n.toString(16).padStart(64, '0');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function recorded(name: string, bytes: Buffer): Promise<FileRecord> {
  await writeFile(join(dir, name), bytes);
  return { sha256: sha256(bytes), size: bytes.length, identity: identityOf(lstatSync(join(dir, name), { bigint: true })) };
}

describe('the strip store', () => {
  it('loads a strip only under its record, saves by key, and reports both', async () => {
    const one = Buffer.from('one');
    const records = { [key(1)]: await recorded(key(1), one) };
    await writeFile(join(dir, key(2)), 'not recorded');
    const store = fileStripStore(dir, { records, checkIdentity: true });
    expect(Buffer.from((await store.load(key(1)))!).toString()).toBe('one');
    expect(await store.load(key(2)), 'a file without a record is never read').toBeUndefined();
    await store.save(key(3), Buffer.from('three'));
    await expect(store.save('../escape', Buffer.from('x'))).rejects.toThrow(/not a strip key/);
    const report = store.drain();
    expect(report.used).toEqual([{ name: key(1), identity: records[key(1)]!.identity }]);
    expect(report.written).toEqual([
      { name: key(3), sha256: sha256(Buffer.from('three')), size: 5, identity: identityOf(lstatSync(join(dir, key(3)), { bigint: true })) },
    ]);
    expect(store.drain()).toEqual({ used: [], written: [] });
  });

  it('refuses a recorded strip whose file was replaced, edited, copied from another key, or is no regular file', async () => {
    const bytes = Buffer.from('the strip');
    const records: Record<string, FileRecord> = {};
    for (let n = 1; n <= 5; n++) records[key(n)] = await recorded(key(n), bytes);
    // 1: the same bytes, but another file (a restore, a copy): identity differs.
    await rm(join(dir, key(1)));
    await writeFile(join(dir, key(1)), bytes);
    // 2: edited in place, same size.
    await writeFile(join(dir, key(2)), Buffer.from('the strap'));
    // 3: another strip's file copied over it.
    await writeFile(join(dir, key(9)), Buffer.from('other one'));
    await copyFile(join(dir, key(9)), join(dir, key(3)));
    // 4: a FIFO (reading it would block); 5: a link to a file outside the store.
    await rm(join(dir, key(4)));
    execFileSync('mkfifo', [join(dir, key(4))]);
    await mkdir(join(dir, 'elsewhere'));
    await writeFile(join(dir, 'elsewhere', 'x'), bytes);
    await rm(join(dir, key(5)));
    await symlink(join(dir, 'elsewhere', 'x'), join(dir, key(5)));

    const store = fileStripStore(dir, { records, checkIdentity: true });
    for (let n = 1; n <= 5; n++) expect(await store.load(key(n)), `strip ${n}`).toBeUndefined();
    expect(store.drain().used).toEqual([]);

    // With a key the records are sealed: the restored copy (1) is proven by its sha256;
    // the others still are not what their record says.
    const keyed = fileStripStore(dir, { records, checkIdentity: false });
    expect(Buffer.from((await keyed.load(key(1)))!).equals(bytes)).toBe(true);
    for (let n = 2; n <= 5; n++) expect(await keyed.load(key(n)), `strip ${n}`).toBeUndefined();
  });
});
