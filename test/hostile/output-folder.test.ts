/**
 * What lies inside the output folder is not trusted either, through the real CLI: FIFOs
 * and links where the build reads its manifest, records or strips (never followed, never
 * blocking), a municipality's folder that is a link to somewhere else (nothing written or
 * deleted there), and a second build into the same folder (it stops with exit 2 instead
 * of losing the first one's manifest entries), while a lock left by a build that is gone
 * never blocks the next one.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changes, hasStackTrace, makeWorkspace, removeWorkspace, runCli, snapshot, type CliRun } from './workspace.js';

let dir: string;

const PICTURE = ['--document', 'taak-per-moment', '--municipality', 'huizen', '--municipality', 'leiden', '--jobs', '1'];
const LEAFLET = ['--document', 'ouderfolder'];

interface Report {
  diagnostics: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
  artifacts?: { path: string; status: string }[];
}

async function build(out: string, selection: string[], content = 'content'): Promise<CliRun & { report?: Report }> {
  const run = await runCli(dir, ['build', '--content', content, '--out', out, '--format', 'json', ...selection], {
    timeoutMs: 120_000,
    env: { FOLDERPERS_CACHE_KEY: '' },
  });
  const context = `${out}: exit ${run.code} ${run.signal ?? ''}\n${run.stdout.slice(0, 3000)}\n${run.stderr.slice(0, 3000)}`;
  expect(run.signal, `${context}\n(killed: it hung)`).toBeNull();
  expect(hasStackTrace(run.stdout + run.stderr), context).toBe(false);
  expect(run.stderr, context).not.toMatch(/internal error/i);
  let report: Report | undefined;
  try {
    report = JSON.parse(run.stdout) as Report;
  } catch {
    report = undefined;
  }
  return { ...run, report };
}

const errors = (r: Report | undefined) => (r?.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.rule}`);
const warnings = (r: Report | undefined) => (r?.diagnostics ?? []).filter((d) => d.severity === 'warning').map((d) => `${d.file} ${d.rule}`);

async function sameFiles(out: string, ref: string): Promise<void> {
  const manifest = JSON.parse(await readFile(path.join(dir, ref, 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] };
  expect(JSON.parse(await readFile(path.join(dir, out, 'manifest.json'), 'utf8'))).toEqual(manifest);
  for (const a of manifest.artifacts) {
    expect((await readFile(path.join(dir, out, a.path))).equals(await readFile(path.join(dir, ref, a.path))), `${out}/${a.path}`).toBe(true);
  }
}

const mkfifo = (file: string) => execFileSync('mkfifo', [file]);

beforeAll(async () => {
  dir = await makeWorkspace();
  expect((await build('ref', PICTURE)).code).toBe(0);
  expect((await build('ref-leaflet', LEAFLET)).code).toBe(0);
}, 300_000);

afterAll(async () => {
  await removeWorkspace(dir);
});

describe('special files in the output folder', () => {
  it('FIFOs as the manifest, the records and a strip file: never read, the build finishes with the same files', async () => {
    // Built here, not copied: the strips replaced below are ones the records name.
    expect((await build('fifo', PICTURE)).code).toBe(0);
    const out = path.join(dir, 'fifo');
    for (const f of ['manifest.json', '.folderpers-cache.json']) {
      await rm(path.join(out, f));
      mkfifo(path.join(out, f));
    }
    const strips = (await readdir(path.join(out, '.folderpers-strips'))).sort();
    for (const name of strips.slice(0, 5)) {
      await rm(path.join(out, '.folderpers-strips', name));
      mkfifo(path.join(out, '.folderpers-strips', name));
    }
    const run = await build('fifo', [...PICTURE, '--force']);
    expect(run.code, run.stderr).toBe(0);
    expect(warnings(run.report).sort()).toEqual(['fifo/.folderpers-cache.json build/bookkeeping-ignored', 'fifo/manifest.json build/manifest-invalid']);
    await sameFiles('fifo', 'ref');
  });

  it('links as the manifest and as the strip store: nothing is read or written where they point', async () => {
    await cp(path.join(dir, 'ref'), path.join(dir, 'links'), { recursive: true });
    const out = path.join(dir, 'links');
    await mkdir(path.join(dir, 'elsewhere'));
    await writeFile(path.join(dir, 'elsewhere', 'manifest.json'), await readFile(path.join(out, 'manifest.json')));
    await rm(path.join(out, 'manifest.json'));
    await symlink(path.join(dir, 'elsewhere', 'manifest.json'), path.join(out, 'manifest.json'));
    await cp(path.join(out, '.folderpers-strips'), path.join(dir, 'elsewhere', 'strips'), { recursive: true });
    await rm(path.join(out, '.folderpers-strips'), { recursive: true });
    await symlink(path.join(dir, 'elsewhere', 'strips'), path.join(out, '.folderpers-strips'));
    const before = await snapshot(path.join(dir, 'elsewhere'));
    const run = await build('links', [...PICTURE, '--force']);
    expect(run.code, run.stderr).toBe(0);
    expect(warnings(run.report).sort()).toEqual(['links/.folderpers-strips build/bookkeeping-ignored', 'links/manifest.json build/manifest-invalid']);
    expect(changes(before, await snapshot(path.join(dir, 'elsewhere')))).toEqual([]);
    await sameFiles('links', 'ref');
  });

  it("a municipality's folder that is a link: exit 1 naming it, and nothing written or deleted anywhere", async () => {
    await cp(path.join(dir, 'ref-leaflet'), path.join(dir, 'linked'), { recursive: true });
    // Outside: a folder with a file the build would replace, one it would remove, and one of its own.
    const outside = path.join(dir, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'ouderfolder.pdf'), 'not this build’s');
    await writeFile(path.join(outside, 'taak-per-moment.pdf'), 'listed in the manifest, not this build’s');
    await writeFile(path.join(outside, 'keep.txt'), 'mine');
    await rm(path.join(dir, 'linked', 'huizen'), { recursive: true });
    await symlink(outside, path.join(dir, 'linked', 'huizen'));
    const before = await snapshot(dir);

    const run = await build('linked', ['--document', 'ouderfolder', '--force']);
    expect(run.code, run.stdout).toBe(1);
    expect(errors(run.report)).toEqual(['linked/huizen build/output-path']);
    expect(changes(before, await snapshot(dir))).toEqual([]);

    // A municipality that is gone, whose files the build would delete through the link.
    const manifestFile = path.join(dir, 'linked', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { artifacts: Record<string, unknown>[] };
    const bytes = await readFile(path.join(outside, 'taak-per-moment.pdf'));
    manifest.artifacts.push({
      municipality: 'huizen',
      document: 'taak-per-moment',
      format: 'pdf',
      path: 'huizen/taak-per-moment.pdf',
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
    await cp(path.join(dir, 'content'), path.join(dir, 'content-without-huizen'), { recursive: true });
    await rm(path.join(dir, 'content-without-huizen', 'municipalities', 'huizen.yaml'));
    await rm(path.join(dir, 'content-without-huizen', 'municipalities', 'huizen'), { recursive: true });
    const before2 = await snapshot(dir);
    const removal = await build('linked', [], 'content-without-huizen');
    expect(removal.code, removal.stdout).toBe(1);
    expect(errors(removal.report)).toEqual(['linked/huizen build/output-path']);
    expect(changes(before2, await snapshot(dir))).toEqual([]);
  });
});

describe('two builds into one output folder', () => {
  const lockFile = (out: string) => path.join(dir, out, '.folderpers-lock');
  const lock = (pid: number, host = hostname()) =>
    JSON.stringify({ pid, host, started: new Date().toISOString(), nonce: 'f'.repeat(32) });

  it('at once: each lands in the manifest or stops with exit 2, and the manifest matches the files', async () => {
    const runs = await Promise.all(
      ['huizen', 'leiden'].map((m) =>
        runCli(dir, ['build', '--content', 'content', '--out', 'together', '--document', 'ouderfolder', '--municipality', m], {
          timeoutMs: 120_000,
          env: { FOLDERPERS_CACHE_KEY: '' },
        }),
      ),
    );
    const landed: string[] = [];
    for (const [i, run] of runs.entries()) {
      const m = ['huizen', 'leiden'][i]!;
      if (run.code === 2) expect(run.stderr).toMatch(/^folderpers build: another build is writing to .*together \(process \d+ on /);
      else {
        expect(run.code, run.stderr).toBe(0);
        landed.push(...['fragment.html', 'html', 'pdf', 'thumb.png'].map((f) => `${m}/ouderfolder.${f}`), `${m}/index.html`);
      }
    }
    expect(landed.length).toBeGreaterThan(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'together', 'manifest.json'), 'utf8')) as {
      artifacts: { path: string; sha256: string }[];
    };
    expect(manifest.artifacts.map((a) => a.path)).toEqual(landed.sort());
    for (const a of manifest.artifacts) {
      expect(createHash('sha256').update(await readFile(path.join(dir, 'together', a.path))).digest('hex')).toBe(a.sha256);
    }
    expect(existsSync(lockFile('together'))).toBe(false);
  });

  it('while another build holds the lock: exit 2 with who holds it, nothing written', async () => {
    await mkdir(path.join(dir, 'held'));
    // This test's own process stands in for a build that is running.
    await writeFile(lockFile('held'), lock(process.pid));
    const before = await snapshot(dir);
    const run = await build('held', LEAFLET);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^folderpers build: another build is writing to .*held \\(process ${process.pid} on ${hostname()}, `));
    expect(changes(before, await snapshot(dir))).toEqual([]);
  });

  it('a lock whose build is gone (killed here, or last seen long ago elsewhere) is taken over', async () => {
    const gone = spawn(process.execPath, ['-e', '']);
    const pid = await new Promise<number>((resolve) => gone.on('exit', () => resolve(gone.pid!)));
    await mkdir(path.join(dir, 'stale-here'));
    await writeFile(lockFile('stale-here'), lock(pid));
    expect((await build('stale-here', LEAFLET)).code).toBe(0);
    expect(existsSync(lockFile('stale-here'))).toBe(false);

    await mkdir(path.join(dir, 'stale-elsewhere'));
    await writeFile(lockFile('stale-elsewhere'), lock(process.pid, 'another-host'));
    const longAgo = new Date(Date.now() - 10 * 60_000);
    await utimes(lockFile('stale-elsewhere'), longAgo, longAgo);
    expect((await build('stale-elsewhere', LEAFLET)).code).toBe(0);
    expect(existsSync(lockFile('stale-elsewhere'))).toBe(false);
    await sameFiles('stale-elsewhere', 'ref-leaflet');
  });
});
