/**
 * The first hour of a communication officer, through the compiled CLI in a temporary copy of
 * the bundled content: the YAML slips people make in a profile, and the identity a copied
 * profile keeps (`cp huizen.yaml bergen-op-zoom.yaml`).
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'folderpers.js');

interface Reported {
  file: string;
  line: number;
  column: number;
  severity: string;
  rule: string;
  message: string;
}

let work: string;

function validate(...args: string[]): { status: number | null; diagnostics: Reported[]; errors: number } {
  const r = spawnSync(process.execPath, [BIN, 'validate', '--format', 'json', ...args], { cwd: work, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout) as { diagnostics: Reported[]; errors: number };
  // The language warnings of the national text are not this test's business.
  return { status: r.status, diagnostics: out.diagnostics.filter((d) => !d.rule.startsWith('language/')), errors: out.errors };
}

const profile = (id: string) => join(work, 'content', 'municipalities', `${id}.yaml`);

async function edit(id: string, from: string, to: string): Promise<void> {
  const text = await readFile(profile(id), 'utf8');
  expect(text, `${id}.yaml has ${from}`).toContain(from);
  await writeFile(profile(id), text.replace(from, to));
}

/** A copy of huizen.yaml as bergen-op-zoom.yaml with the name and the example mark changed, as a new user would. */
async function copyHuizen(): Promise<void> {
  const text = (await readFile(profile('huizen'), 'utf8')).replace('Gemeente Huizen', 'Gemeente Bergen op Zoom').replace('example: true\n', '');
  await writeFile(profile('bergen-op-zoom'), text);
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'folderpers-first-hour-'));
  await cp(join(REPO, 'content'), join(work, 'content'), { recursive: true });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('YAML slips in a profile', () => {
  it('primary: #A3171E (unquoted: a comment to YAML) says to write primary: "#A3171E", at the colour', async () => {
    await edit('leiden', 'primary: "#C8102E" # 5.88:1 with white', 'primary: #A3171E');
    const r = validate('--municipality', 'leiden');
    expect(r.status).toBe(1);
    expect(r.diagnostics).toEqual([
      {
        file: 'content/municipalities/leiden.yaml',
        line: 8,
        column: 12,
        severity: 'error',
        rule: 'yaml/unquoted-hash',
        message: `brand.primary has no value: YAML reads '#A3171E' as a comment (a # after a space starts one); put the value in quotes: primary: "#A3171E"`,
      },
    ]);
  });

  it('an unquoted phone number YAML reads as a number says to quote it', async () => {
    await edit('leiden', 'phone: "071 123 45 67"', 'phone: 0711234567');
    await edit('huizen', 'phone: "035 123 45 67"', 'phone: +31351234567');
    const r = validate();
    expect(r.status).toBe(0);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/municipalities/huizen.yaml', 11, 10, 'warning', 'phone/unquoted'],
      ['content/municipalities/leiden.yaml', 13, 10, 'warning', 'phone/unquoted'],
    ]);
    expect(r.diagnostics[0]!.message).toContain('write phone: "+31351234567"');
    expect(r.diagnostics[1]!.message).toContain('write phone: "0711234567"');
  });

  it('a colour that fails contrast gets the nearest passing shade of its hue, and that shade passes', async () => {
    await edit('leiden', 'primary: "#C8102E" # 5.88:1 with white', 'primary: "#FF6F61"');
    const r = validate('--municipality', 'leiden');
    expect(r.status).toBe(1);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ line: 8, column: 12, rule: 'contrast/too-low' });
    const shade = /write primary: "(#[0-9A-F]{6})"/.exec(r.diagnostics[0]!.message)?.[1];
    expect(shade, r.diagnostics[0]!.message).toBeDefined();
    await edit('leiden', 'primary: "#FF6F61"', `primary: "${shade}"`);
    expect(validate('--municipality', 'leiden')).toMatchObject({ status: 0, diagnostics: [] });
  });
});

describe('a copied profile keeps another municipality\'s identity', () => {
  it('the bundled profiles are clean: no identity errors or warnings', () => {
    expect(validate()).toMatchObject({ status: 0, diagnostics: [], errors: 0 });
  });

  it('a logo under another municipality\'s folder is an error naming both, also with --municipality', async () => {
    await copyHuizen();
    for (const args of [[], ['--municipality', 'bergen-op-zoom']]) {
      const r = validate(...args);
      expect(r.status).toBe(1);
      const errors = r.diagnostics.filter((d) => d.severity === 'error');
      expect(errors.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([['content/municipalities/bergen-op-zoom.yaml', 7, 9, 'profile/foreign-asset']]);
      expect(errors[0]!.message).toContain("'huizen/logo.svg'");
      expect(errors[0]!.message).toContain("'huizen' (huizen.yaml)");
      expect(errors[0]!.message).toContain('bergen-op-zoom');
    }
  });

  it('a copied logo file (the same bytes) is an error naming both, also when only one of them is validated', async () => {
    await copyHuizen();
    await mkdir(join(work, 'content', 'municipalities', 'bergen-op-zoom'));
    await cp(join(work, 'content', 'municipalities', 'huizen', 'logo.svg'), join(work, 'content', 'municipalities', 'bergen-op-zoom', 'logo.svg'));
    await edit('bergen-op-zoom', 'logo: huizen/logo.svg', 'logo: bergen-op-zoom/logo.svg');
    const one = validate('--municipality', 'bergen-op-zoom');
    expect(one.status).toBe(1);
    const errors = one.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.file, d.line, d.column, d.rule])).toEqual([['content/municipalities/bergen-op-zoom.yaml', 7, 9, 'profile/shared-logo']]);
    expect(errors[0]!.message).toContain("'huizen' (huizen.yaml, logo huizen/logo.svg)");
    const other = validate('--municipality', 'huizen');
    expect(other.status).toBe(1);
    expect(other.diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/municipalities/huizen.yaml', 'profile/shared-logo']]);
    expect(other.diagnostics[0]!.message).toContain("'bergen-op-zoom' (bergen-op-zoom.yaml");
    // Their own logo: no error left.
    await writeFile(
      join(work, 'content', 'municipalities', 'bergen-op-zoom', 'logo.svg'),
      (await readFile(join(work, 'content', 'municipalities', 'huizen', 'logo.svg'), 'utf8')).replace('<svg', '<svg data-gemeente="bergen-op-zoom"'),
    );
    expect(validate().diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a logo reached through a symbolic link from outside its folder is a twin too, also when only one is validated', async () => {
    await copyHuizen();
    await mkdir(join(work, 'content', 'gedeeld'));
    await symlink(join(work, 'content', 'municipalities', 'huizen', 'logo.svg'), join(work, 'content', 'gedeeld', 'logo.svg'));
    await edit('bergen-op-zoom', 'logo: huizen/logo.svg', 'logo: ../gedeeld/logo.svg');
    const one = validate('--municipality', 'huizen');
    expect(one.status).toBe(1);
    expect(one.diagnostics.map((d) => [d.file, d.rule])).toEqual([['content/municipalities/huizen.yaml', 'profile/shared-logo']]);
    expect(one.diagnostics[0]!.message).toContain("'bergen-op-zoom' (bergen-op-zoom.yaml, logo ../gedeeld/logo.svg)");
  });

  it('.example addresses in a profile without example: true are a warning at each address', async () => {
    await copyHuizen();
    await mkdir(join(work, 'content', 'municipalities', 'bergen-op-zoom'));
    await writeFile(
      join(work, 'content', 'municipalities', 'bergen-op-zoom', 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80"><rect width="200" height="80" fill="#A3171E"/></svg>\n',
    );
    await edit('bergen-op-zoom', 'logo: huizen/logo.svg', 'logo: bergen-op-zoom/logo.svg');
    const r = validate('--municipality', 'bergen-op-zoom');
    expect(r.status).toBe(0);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.rule])).toEqual([
      ['content/municipalities/bergen-op-zoom.yaml', 11, 10, 'warning', 'profile/example-address'],
      ['content/municipalities/bergen-op-zoom.yaml', 12, 12, 'warning', 'profile/example-address'],
    ]);
    expect(r.diagnostics[0]!.message).toContain('.example');
    expect(r.diagnostics[0]!.message).toContain('example: true');
  });
});
