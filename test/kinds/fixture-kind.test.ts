/**
 * A fifth kind is a module, a schema and a template: the poster in test/fixtures/kinds/poster/
 * (two sections, one PDF page) is registered by a program that embeds folderpers and goes
 * through the real CLI — validation against its own schema, the worker threads, the
 * manifest — without a line of the tool changed for it.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../render-pdf/helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WITH_POSTER = join(ROOT, 'test', 'fixtures', 'kinds', 'poster', 'folderpers-with-poster.mjs');
const PLAIN_CLI = join(ROOT, 'bin', 'folderpers.js');

const POSTER = `---
kind: poster
title: Gratis hulp bij vragen over zorg
---

## Wat is cliëntondersteuning?

Een cliëntondersteuner helpt u gratis en onafhankelijk bij vragen over zorg en ondersteuning.

## Meer weten? {#contact}

Bel {{contact.organisation}} op {{contact.phone}} of mail naar {{contact.email}}.
`;

let dir: string;

function run(cli: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-kind-'));
  const content = join(dir, 'content');
  await mkdir(join(content, 'documents'), { recursive: true });
  await mkdir(join(content, 'municipalities'), { recursive: true });
  await cp(join(ROOT, 'content', 'defaults.yaml'), join(content, 'defaults.yaml'));
  await cp(join(ROOT, 'content', 'municipalities', 'huizen.yaml'), join(content, 'municipalities', 'huizen.yaml'));
  await cp(join(ROOT, 'content', 'municipalities', 'huizen'), join(content, 'municipalities', 'huizen'), { recursive: true });
  await writeFile(join(content, 'documents', 'poster.md'), POSTER);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a kind registered by a program that embeds folderpers', () => {
  it('builds into a one-page tagged PDF with the local contact details, listed in the manifest', async () => {
    const result = await run(WITH_POSTER, 'build', '--format', 'json');
    expect(result.stderr).not.toMatch(/internal error|Error:/);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { errors: number; artifacts: { path: string; status: string }[] };
    expect(report.errors).toBe(0);
    expect(report.artifacts.map((a) => `${a.path} ${a.status}`)).toEqual(['huizen/index.html written', 'huizen/poster.pdf written']);

    const pdf = await readPdf(await readFile(join(dir, 'out', 'huizen', 'poster.pdf')));
    expect(pdf.pages).toBe(1);
    expect(pdf.title).toBe('Gratis hulp bij vragen over zorg');
    for (const heading of ['Wat is cliëntondersteuning?', 'Meer weten?']) expect(pdf.text).toContain(heading);
    expect(pdf.text).toContain('035 123 45 67');
    expect(pdf.links.map((l) => l.url)).toContain('tel:+31351234567');
    expect(pdf.roles).toContain('H2');

    const manifest = JSON.parse(await readFile(join(dir, 'out', 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] };
    // A kind without a web page is still listed on the municipality's page, with its PDF.
    expect(manifest.artifacts.map((a) => a.path)).toEqual(['huizen/index.html', 'huizen/poster.pdf']);
  });

  it('checks the body against the kind\'s own schema, at the Markdown line', async () => {
    await writeFile(join(dir, 'content', 'documents', 'poster.md'), `${POSTER}\n## Een derde sectie\n\nTe veel voor één poster.\n`);
    const result = await run(WITH_POSTER, 'validate', '--format', 'json');
    await writeFile(join(dir, 'content', 'documents', 'poster.md'), POSTER);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; rule: string; severity: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['content/documents/poster.md:6 schema/maxItems']);
  });

  it('is unknown to a program that did not register it', async () => {
    const result = await run(PLAIN_CLI, 'validate', '--format', 'json');
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; rule: string; severity: string }[] };
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual(['content/documents/poster.md:2 document/kind-unknown']);
  });
});
