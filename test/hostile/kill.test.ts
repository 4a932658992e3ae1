/**
 * A build killed with SIGKILL at an arbitrary moment leaves only complete files under their
 * final names. Builds are reproducible, so "complete" is checked exactly: every file that is
 * not a temporary is byte-identical to the same file of an undisturbed build (the old or the
 * new one, when a build over an existing output is killed), and a manifest that exists
 * describes files that match it, at every moment (the build writes an interim manifest
 * without the entries it is about to replace before renaming anything). The next build then sweeps the temporaries and finishes.
 *
 * The kill moments are defined by progress, not by the clock, so they land in the same
 * stage on a fast or a slow machine: during validation, once N temporaries exist (workers
 * writing), and once temporaries start turning into final files (the commit).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readdirSync } from 'node:fs';
import { readFile, readdir, writeFile, cp } from 'node:fs/promises';
import path from 'node:path';
import { isTempName } from '../../src/build/atomic-write.js';
import { LOCK_FILE } from '../../src/build/output-lock.js';
import { MEMO_FILE } from '../../src/build/memo-file.js';
import { RECORDS_FILE } from '../../src/build/provenance.js';
import { unseal } from '../../src/render/png/sealed.js';
import { WEIGHTS_MAGIC } from '../../src/render/png/weights-file.js';
import { SEGMENT_MAGIC } from '../../src/render/png/zlib-segments.js';
import { CLI, makeWorkspace, removeWorkspace, runCli } from './workspace.js';

const SELECTION = ['--municipality', 'rotterdam', '--jobs', '2'];
/**
 * The build's own bookkeeping beside the artifacts: not reproducible (the records hold
 * file identities; which strips the store holds depends on when a build stopped; the memo
 * keeps entries of earlier builds; the lock of a killed build stays until the next build
 * takes it over), only whole.
 */
const isBookkeeping = (rel: string) => rel === RECORDS_FILE || rel === MEMO_FILE || rel === LOCK_FILE || rel.startsWith('.folderpers-strips/');
/** What the output folder looks like while a build runs, polled every few milliseconds. */
interface Progress {
  ms: number;
  temps: number;
  /** Most temporaries seen at once so far. */
  peakTemps: number;
}

type Trigger = { name: string; when: (p: Progress) => boolean };

const FIRST_BUILD_KILLS: Trigger[] = [
  { name: 'while validating (after 300 ms)', when: (p) => p.ms >= 300 },
  { name: 'once the first temporary exists', when: (p) => p.temps >= 1 },
  { name: 'once 5 temporaries exist', when: (p) => p.temps >= 5 },
  { name: 'once temporaries are being renamed', when: (p) => p.peakTemps >= 5 && p.temps < p.peakTemps },
];
const REBUILD_KILLS: Trigger[] = [
  { name: 'once 3 temporaries exist', when: (p) => p.temps >= 3 },
  { name: 'once temporaries are being renamed', when: (p) => p.peakTemps >= 5 && p.temps < p.peakTemps },
];

let dir: string;
/** Temporaries found after each kill: proof that some kills landed while files were being written. */
const tempsAfterKill: number[] = [];
beforeAll(async () => {
  dir = await makeWorkspace();
  const run = await runCli(dir, ['build', '--content', 'content', '--out', 'ref-old', ...SELECTION], { timeoutMs: 240_000 });
  expect(run.code, run.stderr).toBe(0);
}, 300_000);

afterAll(async () => {
  await removeWorkspace(dir);
});

/** Every regular file under `root`, relative, with `/`. */
async function files(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await files(root, p)));
    else out.push(p);
  }
  return out.sort();
}

function countTemps(root: string): number {
  try {
    return readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => isTempName(path.basename(p))).length;
  } catch {
    return 0;
  }
}

/** Starts a build in its own process group and SIGKILLs the whole group when `trigger` fires. */
function buildAndKill(out: string, trigger: Trigger): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, [CLI, 'build', '--content', 'content', '--out', out, ...SELECTION], {
      cwd: dir,
      env: { ...process.env, HOME: path.join(dir, 'home'), TMPDIR: path.join(dir, 'tmp') },
      stdio: 'ignore',
      detached: true,
    });
    let killed = false;
    let peakTemps = 0;
    const poll = setInterval(() => {
      const temps = countTemps(path.join(dir, out));
      peakTemps = Math.max(peakTemps, temps);
      if (!killed && trigger.when({ ms: Date.now() - started, temps, peakTemps }) && child.pid !== undefined) {
        killed = true;
        process.kill(-child.pid, 'SIGKILL');
      }
    }, 2);
    child.on('error', reject);
    child.on('close', () => {
      clearInterval(poll);
      resolve({ killed });
    });
  });
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The state a kill may leave: temporaries anywhere, and otherwise only files identical to
 * one of the undisturbed outputs; a manifest, when present, must match the files it lists.
 */
async function expectOnlyCompleteFiles(out: string, references: string[]): Promise<number> {
  const root = path.join(dir, out);
  if (!existsSync(root)) return 0;
  let temps = 0;
  for (const rel of await files(root)) {
    if (isTempName(path.basename(rel))) {
      temps++;
      continue;
    }
    if (rel === 'manifest.json') {
      // The final manifest of an undisturbed build, or the interim one a rebuild writes before
      // renaming: the old manifest without the entries about to change. Either way, every
      // entry is one of an undisturbed build's, and the files it lists match it (below).
      const listed = (JSON.parse(await readFile(path.join(root, rel), 'utf8')) as { artifacts: unknown[] }).artifacts;
      const known = new Set<string>();
      for (const ref of references) {
        const file = path.join(dir, ref, rel);
        if (!existsSync(file)) continue;
        for (const a of (JSON.parse(await readFile(file, 'utf8')) as { artifacts: unknown[] }).artifacts) known.add(JSON.stringify(a));
      }
      for (const a of listed) expect(known.has(JSON.stringify(a)), `${out}/manifest.json lists ${JSON.stringify(a)}`).toBe(true);
      continue;
    }
    if (rel === RECORDS_FILE) {
      const [header, body, rest] = String(readFileSync(path.join(root, rel))).split('\n');
      expect(header, `${out}/${rel} has no header`).toMatch(/^folderpers-bookkeeping 2 /);
      expect(() => JSON.parse(body!), `${out}/${rel} is cut off`).not.toThrow();
      expect(rest).toBe('');
      continue;
    }
    if (rel === MEMO_FILE) {
      const lines = String(readFileSync(path.join(root, rel))).split('\n');
      expect(lines[0], `${out}/${rel} has no header`).toBe('folderpers-memo 1');
      expect(lines.pop(), `${out}/${rel} is cut off`).toBe('');
      for (const line of lines.slice(1)) expect(() => JSON.parse(line), `${out}/${rel} is cut off`).not.toThrow();
      continue;
    }
    if (rel === LOCK_FILE) {
      expect(JSON.parse(String(readFileSync(path.join(root, rel)))), `${out}/${rel} is cut off`).toMatchObject({ pid: expect.any(Number) });
      continue;
    }
    if (rel.startsWith('.folderpers-strips/')) {
      const bytes = readFileSync(path.join(root, rel));
      const name = path.basename(rel);
      expect(unseal(WEIGHTS_MAGIC, name, bytes) ?? unseal(SEGMENT_MAGIC, name, bytes), `${out}/${rel} is cut off`).toBeDefined();
      continue;
    }
    const bytes = await readFile(path.join(root, rel));
    const matches = await Promise.all(
      references.map(async (ref) => {
        const file = path.join(dir, ref, rel);
        return existsSync(file) && (await readFile(file)).equals(bytes);
      }),
    );
    expect(matches.some(Boolean), `${out}/${rel} is not a complete file of any undisturbed build`).toBe(true);
  }
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { artifacts: { path: string; bytes: number; sha256: string }[] };
    for (const a of manifest.artifacts) {
      const file = path.join(root, ...a.path.split('/'));
      expect(existsSync(file), `manifest lists ${a.path}, which is missing`).toBe(true);
      const bytes = await readFile(file);
      expect({ path: a.path, bytes: bytes.length, sha256: sha256(bytes) }, `${a.path} does not match the manifest`).toEqual({
        path: a.path,
        bytes: a.bytes,
        sha256: a.sha256,
      });
    }
  }
  return temps;
}

async function expectSameTree(out: string, ref: string): Promise<void> {
  const artifacts = async (root: string) => (await files(path.join(dir, root))).filter((f) => !isBookkeeping(f));
  const got = await artifacts(out);
  const want = await artifacts(ref);
  // The lock of the killed build was taken over, and the next build's released.
  expect(existsSync(path.join(dir, out, LOCK_FILE)), `${out}/${LOCK_FILE} is left`).toBe(false);
  // Every temporary, the stat cache's included, is swept by the next build.
  const extra = got.filter((f) => !want.includes(f));
  const missing = want.filter((f) => !got.includes(f));
  expect({ extra, missing }, `${out} differs from ${ref}`).toEqual({ extra: [], missing: [] });
  for (const rel of got) {
    expect((await readFile(path.join(dir, out, rel))).equals(await readFile(path.join(dir, ref, rel))), `${out}/${rel}`).toBe(true);
  }
}

describe('kill -9 during a build', () => {
  it.each(FIRST_BUILD_KILLS.map((t, i) => [t.name, i, t] as const))('first build, killed %s', async (_name, i, trigger) => {
    const out = `killed-${i}`;
    expect((await buildAndKill(out, trigger)).killed, `the build ended before the kill ${trigger.name}`).toBe(true);
    tempsAfterKill.push(await expectOnlyCompleteFiles(out, ['ref-old']));
    // The next build must finish the job: same files as an undisturbed build, no temporaries.
    const rerun = await runCli(dir, ['build', '--content', 'content', '--out', out, ...SELECTION], { timeoutMs: 240_000 });
    expect(rerun.code, rerun.stderr).toBe(0);
    await expectSameTree(out, 'ref-old');
  }, 300_000);

  describe('a rebuild over an existing output with changed content', () => {
    beforeAll(async () => {
      // A darker brand colour (still above 4.5:1 with white) changes every document.
      const profile = path.join(dir, 'content', 'municipalities', 'rotterdam.yaml');
      await writeFile(profile, (await readFile(profile, 'utf8')).replace(/primary: "#[0-9A-Fa-f]{6}"/, 'primary: "#006B1A"'));
      const run = await runCli(dir, ['build', '--content', 'content', '--out', 'ref-new', ...SELECTION], { timeoutMs: 240_000 });
      expect(run.code, run.stderr).toBe(0);
    }, 300_000);

    it.each(REBUILD_KILLS.map((t, i) => [t.name, i, t] as const))('killed %s', async (_name, i, trigger) => {
      const out = `rebuilt-${i}`;
      await cp(path.join(dir, 'ref-old'), path.join(dir, out), { recursive: true });
      expect((await buildAndKill(out, trigger)).killed, `the build ended before the kill ${trigger.name}`).toBe(true);
      tempsAfterKill.push(await expectOnlyCompleteFiles(out, ['ref-old', 'ref-new']));
      const rerun = await runCli(dir, ['build', '--content', 'content', '--out', out, ...SELECTION], { timeoutMs: 240_000 });
      expect(rerun.code, rerun.stderr).toBe(0);
      await expectSameTree(out, 'ref-new');
    }, 300_000);
  });

  it('landed at least once while files were being written', () => {
    expect(tempsAfterKill.some((n) => n > 0), `temporaries after each kill: ${tempsAfterKill.join(', ')}`).toBe(true);
  });
});
