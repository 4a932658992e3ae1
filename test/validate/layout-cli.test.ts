/**
 * `validate` means the build will succeed: it lays out every selected leaflet through the
 * build's own code, so text that overflows and a character the font lacks are found by
 * `validate` as by `build` — once, at the line of the value that causes it, in every
 * format. Unknown ids on the command line suggest the nearest and list the valid ones.
 * All through the real CLI on a copy of the bundled content.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspacesOfFile } from '../hostile/workspace.js';

const workspace = workspacesOfFile();

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const p = path.join(dir, file);
  await writeFile(p, change(await readFile(p, 'utf8')));
}

interface Report {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
}

async function run(dir: string, args: string[]) {
  return runCli(dir, [...args, '--content', 'content'], { timeoutMs: 120_000 });
}

async function json(dir: string, args: string[]): Promise<{ code: number | null; report: Report }> {
  const r = await run(dir, [...args, '--format', 'json']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

const errors = (r: Report) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

describe('validate lays out what build lays out', () => {
  it('an e-mail address too wide for every contact card: one error at its line in the profile, from validate and from build', async () => {
    const dir = await workspace();
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('email: info@clientondersteuning-huizen.example', `email: ${'m'.repeat(60)}@huizen.example`));
    const validated = await json(dir, ['validate', '--municipality', 'huizen']);
    expect(errors(validated.report)).toEqual(['content/municipalities/huizen.yaml:12:10 layout/overflow']);
    expect(validated.code).toBe(1);
    const message = validated.report.diagnostics.find((d) => d.rule === 'layout/overflow')!.message;
    expect(message).toMatch(/contact\.email "m+…" .*wider than its column/);
    expect(message).toContain('The same here for huizen/ouderfolder, huizen/wijzer-professionals.');

    const built = await json(dir, ['build', '--out', 'out', '--municipality', 'huizen']);
    expect(errors(built.report)).toEqual(errors(validated.report));
    expect(built.report.diagnostics.find((d) => d.rule === 'layout/overflow')!.message).toBe(message);
    expect(built.code).toBe(1);
    expect(existsSync(path.join(dir, 'out', 'huizen'))).toBe(false);

    const text = await run(dir, ['validate', '--municipality', 'huizen']);
    expect(text.stdout.match(/^ {2}12:10 +error .*layout\/overflow$/gm)).toHaveLength(1);
  });

  it("a document's closing section too long for its page: one error at its line for every municipality, with the GitHub annotation at that line", async () => {
    const dir = await workspace();
    const sentence = 'Deze zin staat in een extra alinea van de contactsectie en moet gelezen kunnen worden.';
    const more = Array.from({ length: 30 }, () => Array(12).fill(sentence).join(' ')).join('\n\n');
    await edit(dir, 'content/documents/wijzer-professionals.md', (t) => `${t.trimEnd()}\n\n${more}\n`);
    const validated = await json(dir, ['validate']);
    expect(errors(validated.report)).toEqual(['content/documents/wijzer-professionals.md:60:1 layout/overflow']);
    // Rotterdam has its own text for the section, so its guide still fits.
    expect(validated.report.diagnostics.find((d) => d.rule === 'layout/overflow')!.message).toMatch(
      /^Document "wijzer-professionals" for Gemeente Huizen: the closing block .* too tall .* The same here for leiden\/wijzer-professionals, sudwest-fryslan\/wijzer-professionals\.$/,
    );
    expect(validated.code).toBe(1);

    const github = await run(dir, ['validate', '--format', 'github']);
    const annotations = github.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatch(/^::error file=content\/documents\/wijzer-professionals\.md,line=60,col=1,title=layout\/overflow::Document "wijzer-professionals"/);

    const built = await run(dir, ['build', '--out', 'out', '--format', 'github']);
    expect(built.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual(annotations);
    expect(built.code).toBe(1);
  });

  it('validate --document lays out only that document', async () => {
    const dir = await workspace();
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('email: info@clientondersteuning-huizen.example', `email: ${'m'.repeat(60)}@huizen.example`));
    const one = await json(dir, ['validate', '--municipality', 'huizen', '--document', 'ouderfolder']);
    expect(errors(one.report)).toEqual(['content/municipalities/huizen.yaml:12:10 layout/overflow']);
    expect(one.report.diagnostics.find((d) => d.rule === 'layout/overflow')!.message).toMatch(/^Document "ouderfolder" .*Shorten it\.$/);
  });

  it('an emoji in a profile\'s name: one text/missing-glyph at its line, from validate and from build, in every format', async () => {
    const dir = await workspace();
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('name: Gemeente Huizen', 'name: Gemeente Huizen 🌷'));
    const validated = await json(dir, ['validate', '--municipality', 'huizen']);
    expect(errors(validated.report)).toEqual(['content/municipalities/huizen.yaml:4:23 text/missing-glyph']);
    const built = await json(dir, ['build', '--out', 'out', '--municipality', 'huizen']);
    expect(errors(built.report)).toEqual(['content/municipalities/huizen.yaml:4:23 text/missing-glyph']);
    expect(built.code).toBe(1);
    const github = await run(dir, ['build', '--out', 'out', '--municipality', 'huizen', '--format', 'github']);
    expect(github.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      expect.stringMatching(/^::error file=content\/municipalities\/huizen\.yaml,line=4,col=23,title=text\/missing-glyph::'🌷' \(U\+1F337\)/),
    ]);
  });

  it('the bundled content validates, laid out, without an error', async () => {
    const dir = await workspace();
    const validated = await json(dir, ['validate']);
    expect(errors(validated.report)).toEqual([]);
    expect(validated.code).toBe(0);
  });
});

describe('unknown ids on the command line', () => {
  it.each([
    [['validate', '--document', 'ouderfoldr'], "unknown document 'ouderfoldr' (did you mean 'ouderfolder'?); the documents in content/documents: drie-lagen, ouderfolder, taak-per-moment, wijzer-professionals"],
    [['build', '--out', 'out', '--document', 'ouderfoldr'], "unknown document 'ouderfoldr' (did you mean 'ouderfolder'?); the documents in content/documents: drie-lagen, ouderfolder, taak-per-moment, wijzer-professionals"],
    [['validate', '--municipality', 'huizn'], "unknown municipality 'huizn' (did you mean 'huizen'?); the municipalities in content/municipalities: huizen, leiden, rotterdam, sudwest-fryslan"],
    [['build', '--out', 'out', '--municipality', 'huizn'], "unknown municipality 'huizn' (did you mean 'huizen'?); the municipalities in content/municipalities: huizen, leiden, rotterdam, sudwest-fryslan"],
    [['build', '--out', 'out', '--document', 'folder'], "unknown document 'folder'; the documents in content/documents: drie-lagen, ouderfolder, taak-per-moment, wijzer-professionals"],
  ])('%j: exit 2, the nearest id and the valid ones', async (args, message) => {
    const dir = await workspace();
    const r = await run(dir, args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`folderpers ${args[0]}: ${message}`);
    expect(r.stdout).toBe('');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
