/**
 * Bookkeeping can cost time, never change output. out/ comes back from a CI cache that a
 * pull request build may have written, or someone edits it between builds: strips copied
 * under other keys or resealed with wrong contents, records cut off or of the wrong shape,
 * an artifact replaced together with its manifest entry. Through the real CLI, each build
 * must exit 0 with artifacts byte-identical to a build into an empty folder.
 */
import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { cp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityOf } from '../../src/build/read-back.js';
import type { StripWeights } from '../../src/render/png/ink-weights.js';
import { encodeWeights } from '../../src/render/png/weights-file.js';
import { hasStackTrace, makeWorkspace, removeWorkspace, runCli, type CliRun } from './workspace.js';

/** Two municipalities' infographic with one worker: the national strips are used twice, so stored. */
const SELECTION = ['--content', 'content', '--document', 'taak-per-moment', '--municipality', 'huizen', '--municipality', 'leiden', '--jobs', '1'];
const KEY = 'a-ci-secret-of-forty-characters-exactly!';
const STORE = '.folderpers-strips';
const RECORDS = '.folderpers-cache.json';

let dir: string;

interface Manifest {
  artifacts: { path: string; bytes: number; sha256: string }[];
}

interface Report {
  diagnostics: { rule: string }[];
  summary?: { jobs: { rendered: number } };
}

async function build(out: string, options: { extra?: string[]; key?: string; selection?: string[] } = {}): Promise<CliRun & Report> {
  const run = await runCli(dir, ['build', ...(options.selection ?? SELECTION), '--out', out, '--format', 'json', ...(options.extra ?? [])], {
    timeoutMs: 120_000,
    // Without the shipped strips, so that the national strips go to the store under test.
    env: { FOLDERPERS_CACHE_KEY: options.key ?? '', FOLDERPERS_SHIPPED: 'none' },
  });
  const context = `${out}: exit ${run.code} ${run.signal ?? ''}\n${run.stdout.slice(0, 3000)}\n${run.stderr.slice(0, 3000)}`;
  expect(run.signal, context).toBeNull();
  expect(hasStackTrace(run.stdout + run.stderr), context).toBe(false);
  expect(run.stderr, context).not.toMatch(/internal error/i);
  expect(run.code, context).toBe(0);
  return { ...run, ...(JSON.parse(run.stdout) as Report) };
}

/** `out` holds exactly the reference build's artifacts and manifest. */
async function expectLikeReference(out: string): Promise<void> {
  const ref = JSON.parse(await readFile(path.join(dir, 'ref', 'manifest.json'), 'utf8')) as Manifest;
  const got = JSON.parse(await readFile(path.join(dir, out, 'manifest.json'), 'utf8')) as Manifest;
  expect(got.artifacts, `${out}/manifest.json`).toEqual(ref.artifacts);
  for (const a of ref.artifacts) {
    const same = (await readFile(path.join(dir, out, a.path))).equals(await readFile(path.join(dir, 'ref', a.path)));
    expect(same, `${out}/${a.path} differs from a build into an empty folder`).toBe(true);
  }
}

/** A copy of `from` as a CI cache restores it: same bytes and times, new files. */
async function restore(from: string, to: string): Promise<void> {
  await cp(path.join(dir, from), path.join(dir, to), { recursive: true, preserveTimestamps: true });
}

async function storeFiles(out: string): Promise<string[]> {
  return (await readdir(path.join(dir, out, STORE))).filter((n) => /^[0-9a-f]{64}$/.test(n)).sort();
}

const isWeights = (bytes: Buffer) => bytes.toString('latin1', 0, 3) === 'FPW';

/**
 * A weights file resealed under its own key with one pixel too few: its header (inks,
 * mixes, levels, count) is the real strip's, so only the pixels betray it.
 */
function shortOfPixels(bytes: Buffer, key: string): Buffer {
  const p = bytes.subarray(36);
  const k = p[0]!;
  const inks = Array.from({ length: k }, (_, i) => p.readUInt16LE(1 + 2 * i));
  const mixes = p.readUInt32LE(1 + 2 * k);
  const levels = Uint8Array.from(p.subarray(5 + 2 * k, 5 + 2 * k + mixes * k));
  const count = p.readUInt32LE(5 + 2 * k + mixes * k + 1);
  const pixels = new Uint8Array(count - 1);
  const weights: StripWeights = { inks, levels, mixes, pixels: () => pixels, pixelBytes: pixels.byteLength };
  const forged = encodeWeights(weights, key);
  // The count the strip really has, so that the header agrees with the strip asked for.
  forged.writeUInt32LE(count, 36 + 5 + 2 * k + mixes * k + 1);
  return resealed(forged, key);
}

/** The file sealed again after an edit, as the seal is computed (magic, key, payload). */
function resealed(bytes: Buffer, key: string): Buffer {
  const magic = bytes.subarray(0, 4);
  const payload = bytes.subarray(36);
  const digest = createHash('sha256').update(magic).update(key, 'latin1').update(payload).digest();
  return Buffer.concat([magic, digest, payload]);
}

/** Leiden's picture and text as Huizen's in `out`, and the manifest made to agree. */
async function tamper(out: string): Promise<void> {
  for (const f of ['taak-per-moment.png', 'taak-per-moment.alt.txt']) await cp(path.join(dir, out, 'leiden', f), path.join(dir, out, 'huizen', f));
  const file = path.join(dir, out, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
  for (const a of manifest.artifacts) {
    if (!a.path.startsWith('huizen/')) continue;
    const bytes = await readFile(path.join(dir, out, a.path));
    Object.assign(a, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

beforeAll(async () => {
  dir = await makeWorkspace();
  // Without logos every strip of the pictures is drawn in inks, so every one can be stored.
  for (const id of ['huizen', 'leiden']) {
    const file = path.join(dir, 'content', 'municipalities', `${id}.yaml`);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^\s+logo: .*\n/m, ''));
  }
  await build('ref');
  // The output folder the tests below poison in turn; each build leaves it healthy again.
  await restore('ref', 'work');
  await build('work');
  // What a CI build with the key leaves for its cache.
  await build('keyed', { key: KEY });
}, 300_000);

afterAll(async () => {
  await removeWorkspace(dir);
});

describe('a build over poisoned bookkeeping', () => {
  it('strips copied under other keys change no PNG, also with --force', async () => {
    const names = await storeFiles('work');
    expect(names.length, 'the national strips are stored').toBeGreaterThan(20);
    const store = path.join(dir, 'work', STORE);
    const bytes = await Promise.all(names.map((n) => readFile(path.join(store, n))));
    await Promise.all(names.map((n, i) => writeFile(path.join(store, n), bytes[(i + 1) % bytes.length]!)));
    await build('work', { extra: ['--force'] });
    await expectLikeReference('work');
  });

  it('strips resealed with the wrong number of pixels never fail a build, even under records forged to match them', async () => {
    const store = path.join(dir, 'work', STORE);
    const poison = async () => {
      for (const name of await storeFiles('work')) {
        const file = path.join(store, name);
        const bytes = await readFile(file);
        // Without the compressed rows, every strip needs its pixels.
        if (isWeights(bytes)) await writeFile(file, shortOfPixels(bytes, name));
        else await rm(file);
      }
    };
    await poison();
    await build('work', { extra: ['--force'] });
    await expectLikeReference('work');

    // Someone who can write out/ between builds (not a restored copy) can also make
    // records match their files; without a key the build cannot tell. The decoding still
    // refuses what does not check out.
    await poison();
    const records = path.join(dir, 'work', RECORDS);
    const [header, body] = (await readFile(records, 'utf8')).split('\n');
    const data = JSON.parse(body!) as { strips: Record<string, { sha256: string; size: number; identity: string; used: number }> };
    const forged: typeof data.strips = {};
    for (const name of await storeFiles('work')) {
      const bytes = await readFile(path.join(store, name));
      const identity = identityOf(lstatSync(path.join(store, name), { bigint: true }));
      forged[name] = { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, identity, used: 1 };
    }
    expect(Object.keys(forged).length).toBeGreaterThan(10);
    await writeFile(records, `${header}\n${JSON.stringify({ ...data, strips: forged })}\n`);
    await build('work', { extra: ['--force'] });
    await expectLikeReference('work');
  });

  it('records of the wrong shape cost a cold build, nothing else', async () => {
    const file = path.join(dir, 'work', RECORDS);
    await writeFile(file, JSON.stringify({ 'huizen/taak-per-moment.pdf': null, 'leiden/taak-per-moment.png': [], strips: 'x' }));
    const run = await build('work');
    expect(run.summary?.jobs.rendered).toBe(2);
    await expectLikeReference('work');
  });

  it('a restored out/ with an artifact and its manifest entry replaced gets the right file again', async () => {
    // Without a key the restored copy is a cold build.
    await restore('ref', 'restored');
    await tamper('restored');
    expect((await build('restored')).summary?.jobs.rendered).toBe(2);
    await expectLikeReference('restored');

    // With a key the restored records still prove the untouched files: only Huizen renders.
    await restore('keyed', 'keyed-restored');
    await tamper('keyed-restored');
    expect((await build('keyed-restored', { key: KEY })).summary?.jobs.rendered).toBe(1);
    await expectLikeReference('keyed-restored');
  });

  it('a restored out/ whose manifest lists a replaced file outside the selection does not carry that entry', async () => {
    const leiden = ['--content', 'content', '--document', 'taak-per-moment', '--municipality', 'leiden', '--jobs', '1'];
    await restore('ref', 'planted');
    await tamper('planted');
    const run = await build('planted', { selection: leiden });
    expect(run.diagnostics.map((d) => d.rule)).toContain('build/manifest-unproven');
    const listed = (JSON.parse(await readFile(path.join(dir, 'planted', 'manifest.json'), 'utf8')) as Manifest).artifacts.map((a) => a.path);
    expect(listed.every((p) => p.startsWith('leiden/')), listed.join(', ')).toBe(true);

    // With a key, Huizen's untouched files are proven by their sealed sha256 and stay listed.
    await restore('keyed', 'planted-keyed');
    await tamper('planted-keyed');
    await build('planted-keyed', { selection: leiden, key: KEY });
    const manifest = JSON.parse(await readFile(path.join(dir, 'planted-keyed', 'manifest.json'), 'utf8')) as Manifest;
    const ref = JSON.parse(await readFile(path.join(dir, 'ref', 'manifest.json'), 'utf8')) as Manifest;
    const tampered = ['huizen/taak-per-moment.png', 'huizen/taak-per-moment.alt.txt'];
    expect(manifest.artifacts).toEqual(ref.artifacts.filter((a) => !tampered.includes(a.path)));
  });
});
