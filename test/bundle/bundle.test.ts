/**
 * The CLI as users run it: bin/folderpers.js runs the bundles (src/bundle/) from their V8
 * code caches. A cache that stops being accepted (a bundle changed after its training run,
 * another Node version) would only make every build slower, which no other test notices;
 * and bundled code must draw what the compiled modules draw.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CONTENT = join(ROOT, 'content');
const dirs: string[] = [];

afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function temp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folderpers-bundle-'));
  dirs.push(dir);
  return dir;
}

/** Runs `node <script> ...args` with a trace file; returns the exit code and the trace's marks. */
async function run(script: string[], args: string[], trace: string): Promise<{ status: number | null; marks: string[]; stderr: string }> {
  const r = spawnSync(process.execPath, [...script, ...args], { env: { ...process.env, FOLDERPERS_TRACE: trace, NO_COLOR: '1' }, encoding: 'utf8' });
  const lines = (await readFile(trace, 'utf8')).trim().split('\n');
  return { status: r.status, marks: lines.map((l) => l.split(' ').slice(2).join(' ')), stderr: r.stderr };
}

async function artifactHashes(out: string): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { artifacts: { path: string; sha256: string }[] };
  return manifest.artifacts.map((a) => `${a.path} ${a.sha256}`).sort();
}

describe('bundles', () => {
  it('build runs the CLI and its worker from their code caches, and draws what the compiled modules draw', async () => {
    const dir = await temp();
    const bundled = await run([join(ROOT, 'bin', 'folderpers.js')], ['build', '--content', CONTENT, '--out', join(dir, 'a'), '--municipality', 'leiden'], join(dir, 'a.trace'));
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.marks).toContain('cli bundle compiled (code cache used)');
    expect(bundled.marks).toContain('build-worker bundle compiled (code cache used)');
    // Its one worker is the one the launcher started before the CLI was compiled.
    expect(bundled.marks.indexOf('build-worker worker prestarted')).toBeLessThan(bundled.marks.indexOf('cli bundle compiled (code cache used)'));
    expect(bundled.marks).toContain('build-worker worker taken');
    expect(bundled.marks.filter((m) => m.startsWith('build-worker bundle compiled'))).toHaveLength(1);

    // The compiled modules as tests import them (a file, not -e: workers inherit the options).
    const loader = join(dir, 'compiled.mjs');
    await writeFile(loader, `import { main } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/src/cli/main.js')).href)};\nprocess.exitCode = await main(process.argv);\n`);
    const compiled = await run([loader], ['build', '--content', CONTENT, '--out', join(dir, 'b'), '--municipality', 'leiden'], join(dir, 'b.trace'));
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(compiled.marks.some((m) => m.includes('bundle compiled'))).toBe(false);

    const [a, b] = [await artifactHashes(join(dir, 'a')), await artifactHashes(join(dir, 'b'))];
    expect(a.length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });

  it('a build that never makes its pool exits with its prestarted worker unused, as soon as its work is done', async () => {
    const dir = await temp();
    const r = await run([join(ROOT, 'bin', 'folderpers.js')], ['build', '--content', join(dir, 'nowhere'), '--out', join(dir, 'out')], join(dir, 'u.trace'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('nowhere');
    expect(r.marks).toContain('build-worker worker prestarted');
    expect(r.marks).not.toContain('build-worker worker taken');
  });

  it('validate runs its layout worker from its code cache', async () => {
    const dir = await temp();
    const r = await run([join(ROOT, 'bin', 'folderpers.js')], ['validate', '--content', CONTENT, '--municipality', 'rotterdam'], join(dir, 'v.trace'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.marks).toContain('layout-worker bundle compiled (code cache used)');
  });

  it('the build worker carries no AES (pdfkit only encrypts, which folderpers never asks for); the test above shows its PDFs unchanged', async () => {
    const worker = await readFile(join(ROOT, 'dist', 'bundle', 'build-worker.cjs'), 'utf8');
    expect(worker).not.toContain('// node_modules/@noble/ciphers/esm/aes.js');
    expect(worker).toContain('folderpers does not encrypt PDFs');
  });
});

describe('a code cache file', () => {
  it('is used only when its bytes match the sha256 it starts with: V8 would crash on damaged ones', async () => {
    const { checkedCache } = await import('../../src/bundle/run-bundle.js');
    const { createHash } = await import('node:crypto');
    const data = Buffer.from('compiled code, as V8 serialises it');
    const file = Buffer.concat([createHash('sha256').update(data).digest(), data]);
    expect(checkedCache(file)?.equals(data)).toBe(true);
    const damaged = Buffer.from(file);
    damaged[40] = damaged[40]! ^ 0xff;
    expect(checkedCache(damaged)).toBeUndefined();
    expect(checkedCache(file.subarray(0, 20))).toBeUndefined();
  });
});
