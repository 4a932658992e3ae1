/**
 * End to end on the bundled content: no spelling warnings (after the content fixes and the
 * word list), the readability report in text and JSON, and a setting that makes a language
 * rule an error failing the command.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'folderpers.js');

function cli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Json {
  diagnostics: { file: string; rule: string; severity: string; line: number; column: number }[];
  errors: number;
  readability?: {
    method: { formula: string; longSentenceWords: number; longWordSyllables: number };
    documents: { id: string; file: string; sentences: number; fleschDouma: number | null; sections: { id: string; sentences: number }[] }[];
    localSections: { municipality: string; document: string; section: string; file: string }[];
  };
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'folderpers-language-'));
  await cp(join(REPO, 'content'), join(work, 'content'), { recursive: true });
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('language checks on the bundled content', () => {
  it('has no spelling warnings, and every language warning carries a place and a rule id', () => {
    const r = cli(['validate', '--format', 'json'], REPO);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as Json;
    expect(out.errors).toBe(0);
    expect(out.diagnostics.filter((d) => d.rule === 'language/spelling')).toEqual([]);
    const language = out.diagnostics.filter((d) => d.rule.startsWith('language/'));
    expect(language.length).toBeGreaterThan(0);
    for (const d of language) {
      expect(d.severity).toBe('warning');
      expect(d.file).toMatch(/^content\//);
      expect(d.line).toBeGreaterThan(0);
    }
    expect(out.readability).toBeUndefined();
  });

  it('--readability prints a table per document and the local sections', () => {
    const r = cli(['validate', '--readability'], REPO);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Readability (B1)');
    for (const doc of ['ouderfolder', 'wijzer-professionals', 'drie-lagen', 'taak-per-moment']) {
      expect(r.stdout).toMatch(new RegExp(`^content/documents/${doc}\\.md \\(`, 'm'));
    }
    expect(r.stdout).toMatch(/^ {2}whole document +\d+ +[\d.]+ +\d+ +\d+ % +\d+ % +\d+ +\d+ +-?\d+$/m);
    expect(r.stdout).toContain('content/municipalities/rotterdam/aanvragen.md (rotterdam: wijzer-prof');
  });

  it('the report in the README is what the bundled content gives', async () => {
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const block = /#### The report for the bundled documents\n\n```\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const r = cli(['validate', '--readability'], REPO);
    expect(r.stdout.slice(r.stdout.indexOf('Readability (B1)'))).toBe(block);
  });

  it('--readability --format json adds the figures as one more field of the one object', () => {
    const r = cli(['validate', '--readability', '--format', 'json'], REPO);
    const out = JSON.parse(r.stdout) as Json;
    expect(Object.keys(out)).toEqual(['diagnostics', 'errors', 'warnings', 'readability']);
    const report = out.readability!;
    expect(report.method).toMatchObject({ longSentenceWords: 20, longWordSyllables: 4 });
    expect(report.documents.map((d) => d.id)).toEqual(['drie-lagen', 'ouderfolder', 'taak-per-moment', 'wijzer-professionals']);
    for (const doc of report.documents) {
      expect(doc.file).toBe(`content/documents/${doc.id}.md`);
      expect(doc.sentences).toBe(doc.sections.reduce((n, s) => n + s.sentences, 0));
      expect(doc.fleschDouma).toEqual(expect.any(Number));
    }
    expect(report.localSections).toEqual([
      expect.objectContaining({ municipality: 'rotterdam', document: 'wijzer-professionals', section: 'contact', file: 'content/municipalities/rotterdam/aanvragen.md' }),
    ]);
  });

  it('a rule made an error in language.yaml fails validate and build, at the finding', async () => {
    await writeFile(join(work, 'content', 'language.yaml'), 'rules:\n  language/officialese: error\n');
    const v = cli(['validate', '--format', 'json'], work);
    expect(v.status).toBe(1);
    const errors = (JSON.parse(v.stdout) as Json).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((d) => d.rule))).toEqual(new Set(['language/officialese']));
    const b = cli(['build', '--out', join(work, 'out'), '--format', 'json'], work);
    expect(b.status).toBe(1);
    expect((JSON.parse(b.stdout) as { artifacts: unknown[] }).artifacts).toEqual([]);
  });
});
