/**
 * Validation's memo in out/ (src/build/memo-file.ts) through the real CLI: a rebuild takes
 * its parses from it, and a memo the build's records do not prove (edited, or restored
 * into another out/ without FOLDERPERS_CACHE_KEY) is never read. The forged memo here says
 * that Leiden's edited profile still has the old phone number: a build that believed it
 * would publish the wrong number with exit 0.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMO_FILE } from '../../src/build/memo-file.js';
import { RECORDS_FILE } from '../../src/build/provenance.js';
import { memoKey } from '../../src/validate/memo/memo.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'folderpers.js');
const OLD_PHONE = '071 123 45 67';
const NEW_PHONE = '071 765 43 21';

let dir: string;
let content: string;
let profile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-memo-'));
  content = join(dir, 'content');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  profile = join(content, 'municipalities', 'leiden.yaml');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** One build of Leiden's leaflet; the memo's counts from the trace, and the tel: link of its web page. */
async function build(out: string, env: Record<string, string> = {}): Promise<{ kept: number; parsed: number; tel: string }> {
  const trace = join(dir, 'trace.txt');
  await rm(trace, { force: true });
  const r = spawnSync(process.execPath, [CLI, 'build', '--content', content, '--out', out, '--municipality', 'leiden', '--document', 'ouderfolder'], {
    env: { ...process.env, NO_COLOR: '1', FOLDERPERS_TRACE: trace, ...env },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr + r.stdout).toBe(0);
  const line = (await readFile(trace, 'utf8')).split('\n').find((l) => l.includes(' memo: '));
  const [, kept, parsed] = /memo: (\d+) kept, (\d+) parsed/.exec(line ?? '') ?? [];
  const page = await readFile(join(out, 'leiden', 'ouderfolder.html'), 'utf8');
  return { kept: Number(kept), parsed: Number(parsed), tel: /href="tel:(\+31711234567|\+31717654321)"/.exec(page)?.[1] ?? 'none' };
}

/** A memo line that maps Leiden's profile with the new number to what it parsed to with the old one. */
async function forgeMemo(out: string): Promise<void> {
  const file = join(out, MEMO_FILE);
  const lines = (await readFile(file, 'utf8')).split('\n');
  const old = lines.slice(1).find((l) => l.includes(JSON.stringify(profile)))!;
  const [, , value] = JSON.parse(old) as [string, string, unknown];
  const edited = (await readFile(profile, 'utf8')).replace(OLD_PHONE, NEW_PHONE);
  const forged = JSON.stringify([memoKey('yaml profile.schema.json', profile, edited), profile, value]);
  await writeFile(file, [lines[0], forged, ...lines.slice(1)].join('\n'));
}

async function setPhone(phone: string): Promise<void> {
  const text = await readFile(profile, 'utf8');
  await writeFile(profile, text.replace(/phone: "071 [0-9 ]+"/, `phone: "${phone}"`));
}

describe('the memo in out/', () => {
  it('a rebuild takes every parse from it, and leaves it as it is', async () => {
    const out = join(dir, 'out');
    const first = await build(out);
    expect(first).toMatchObject({ kept: 0, tel: '+31711234567' });
    expect(first.parsed).toBeGreaterThan(3);
    const written = await stat(join(out, MEMO_FILE));
    const second = await build(out);
    expect(second).toEqual({ kept: first.parsed, parsed: 0, tel: '+31711234567' });
    expect((await stat(join(out, MEMO_FILE))).ctimeMs).toBe(written.ctimeMs);
  });

  it('an edited memo is not read, even with its sha256 and size in the records', async () => {
    const out = join(dir, 'out');
    await setPhone(OLD_PHONE);
    await build(out);
    await forgeMemo(out);
    await setPhone(NEW_PHONE);
    const edited = await build(out);
    expect(edited.kept).toBe(0);
    expect(edited.tel).toBe('+31717654321');

    // Now with the records made to name the forged file's bytes: its identity still differs.
    await setPhone(OLD_PHONE);
    await build(out);
    await forgeMemo(out);
    const records = join(out, RECORDS_FILE);
    const [header, json] = (await readFile(records, 'utf8')).split('\n');
    const body = JSON.parse(json!) as { memo: { sha256: string; size: number } };
    const forged = await readFile(join(out, MEMO_FILE));
    body.memo.sha256 = createHash('sha256').update(forged).digest('hex');
    body.memo.size = forged.length;
    await writeFile(records, `${header}\n${JSON.stringify(body)}\n`);
    await setPhone(NEW_PHONE);
    const again = await build(out);
    expect(again.kept).toBe(0);
    expect(again.tel).toBe('+31717654321');
  });

  it('a restored out/ is parsed afresh without the key, and its memo is used with it unless edited', async () => {
    await setPhone(OLD_PHONE);
    const out = join(dir, 'restored-a');
    await build(out);
    await cp(out, join(dir, 'restored-b'), { recursive: true });
    expect((await build(join(dir, 'restored-b'))).kept).toBe(0);

    const key = { FOLDERPERS_CACHE_KEY: 'a'.repeat(64) };
    const sealed = join(dir, 'sealed-a');
    const first = await build(sealed, key);
    await cp(sealed, join(dir, 'sealed-b'), { recursive: true });
    expect(await build(join(dir, 'sealed-b'), key)).toMatchObject({ kept: first.parsed, parsed: 0 });

    await cp(sealed, join(dir, 'sealed-c'), { recursive: true });
    await forgeMemo(join(dir, 'sealed-c'));
    await setPhone(NEW_PHONE);
    const forged = await build(join(dir, 'sealed-c'), key);
    expect(forged.kept).toBe(0);
    expect(forged.tel).toBe('+31717654321');
  });

  it('a memo that cannot be written is a warning: the output and the records are still written', async () => {
    await setPhone(OLD_PHONE);
    const out = join(dir, 'unwritable');
    await mkdir(join(out, MEMO_FILE), { recursive: true });
    const first = spawnSync(process.execPath, [CLI, 'build', '--content', content, '--out', out, '--municipality', 'leiden', '--document', 'ouderfolder', '--format', 'json'], {
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as { diagnostics: { rule: string; severity: string }[] };
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ rule: 'build/cache-not-written', severity: 'warning' }));
    // The records were written: the next build keeps every file, and still parses afresh.
    const again = spawnSync(process.execPath, [CLI, 'build', '--content', content, '--out', out, '--municipality', 'leiden', '--document', 'ouderfolder', '--format', 'json'], {
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
    });
    expect(again.status, again.stderr).toBe(0);
    const rebuilt = JSON.parse(again.stdout) as { artifacts: { status: string }[]; summary: { jobs: { rendered: number } } };
    expect(rebuilt.summary.jobs.rendered).toBe(0);
    expect(rebuilt.artifacts.length).toBeGreaterThan(0);
    expect(rebuilt.artifacts.every((a) => a.status === 'unchanged')).toBe(true);
  });
});
