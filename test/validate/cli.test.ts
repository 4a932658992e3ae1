/**
 * End to end: the compiled CLI (`node bin/folderpers.js`, built by `npm test` before vitest)
 * on the bundled content and on a broken copy of it, in all three formats.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'folderpers.js');
const STACK_TRACE = /^\s+at .+[:(]\d+:\d+\)?$/m;

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 1-based line and column of the first occurrence of `needle`. */
function placeOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index, needle).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

let work: string;
const defects: { file: string; rule: string; line: number; column: number }[] = [];

async function breakFile(file: string, from: string, to: string, rule: string, mark = to): Promise<void> {
  const path = join(work, file);
  const text = (await readFile(path, 'utf8')).replace(from, to);
  await writeFile(path, text);
  defects.push({ file, rule, ...placeOf(text, mark) });
}

beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('the CLI is not compiled: run `npx tsc -p tsconfig.build.json` (npm test does this)');
  }
  work = await mkdtemp(join(tmpdir(), 'folderpers-cli-'));
  await cp(join(REPO, 'content'), join(work, 'content'), { recursive: true });
  await breakFile('content/documents/ouderfolder.md', '{{national.phone}}', '{{national.telefoon}}', 'placeholder/unknown');
  await breakFile('content/municipalities/rotterdam.yaml', 'primary: "#00811F"', 'primary: "#FFD700"', 'contrast/too-low', '"#FFD700"');
  await breakFile('content/municipalities/leiden.yaml', '\ncontact:', '\nbrnd: x\ncontact:', 'schema/additionalProperties', 'brnd');
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('folderpers validate (CLI)', () => {
  it('accepts the bundled content: exit 0', () => {
    const r = cli(['validate'], REPO);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = cli(['validate', '--format', 'json'], REPO);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ errors: 0 });
  });

  it('text: every defect at its file, line and column; exit 1', () => {
    const r = cli(['validate'], work);
    expect(r.status).toBe(1);
    for (const d of defects) {
      expect(r.stdout).toContain(d.file);
      expect(r.stdout).toMatch(new RegExp(`^  ${d.line}:${d.column}\\s+error\\s+.+  ${d.rule}$`, 'm'));
    }
    expect(r.stdout).toMatch(/^✖ 3 errors, \d+ warnings?$/m);
  });

  it('json: the contract shape with files relative to the working directory; exit 1', () => {
    const r = cli(['validate', '--format', 'json'], work);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { diagnostics: Record<string, unknown>[]; errors: number; warnings: number };
    expect(Object.keys(out)).toEqual(['diagnostics', 'errors', 'warnings']);
    expect(out.errors).toBe(3);
    const errors = out.diagnostics.filter((d) => d['severity'] === 'error').map(({ file, rule, line, column }) => ({ file, rule, line, column }));
    expect(errors).toEqual(expect.arrayContaining(defects));
    expect(errors).toHaveLength(defects.length);
  });

  it('github: one workflow command per problem; exit 1', () => {
    const r = cli(['validate', '--format', 'github'], work);
    expect(r.status).toBe(1);
    for (const d of defects) {
      expect(r.stdout).toContain(`::error file=${d.file},line=${d.line},col=${d.column},title=${d.rule}::`);
    }
  });

  it('--municipality limits the profiles checked', () => {
    const r = cli(['validate', '--municipality', 'huizen', '--format', 'json'], work);
    const out = JSON.parse(r.stdout) as { diagnostics: { file: string }[] };
    expect(out.diagnostics.some((d) => d.file.includes('municipalities/rotterdam'))).toBe(false);
    expect(out.diagnostics.some((d) => d.file.includes('municipalities/leiden'))).toBe(false);
    expect(r.status).toBe(1);
  });

  it.each([
    [['validate', '--municipality', 'rotterdm'], "unknown municipality 'rotterdm' (did you mean 'rotterdam'?)"],
    [['validate', '--content', 'no-such-folder'], "content folder 'no-such-folder' not found"],
    [['validate', '--format', 'xml'], 'xml'],
    [['validate', '--colour'], 'unknown option'],
  ])('usage error %j: exit 2, a short message and the --help hint', (args, message) => {
    const r = cli(args, work);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('--help');
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });
});
