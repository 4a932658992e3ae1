/**
 * The review site and the export, on builds made with the fake runner: warnings stand
 * beside the municipality they concern, `site` rebuilds the same page from the manifest,
 * and `manifest export` copies exactly the listed files or, if one does not match its
 * sha256, nothing at all.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBuildJobs } from '../../src/build/build.js';
import { runManifestExport } from '../../src/cli/manifest-export.js';
import { runSite } from '../../src/cli/site-command.js';
import { buildInput, createWorkspace, readManifest, removeWorkspace, testProfile, type BuildWorkspace } from './workspace.js';

let ws: BuildWorkspace;
beforeEach(async () => {
  ws = await createWorkspace('folderpers-site-');
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await removeWorkspace(ws);
});

const warning = (file: string, message: string) => ({ file: join(ws.content, file), line: 3, column: 5, severity: 'warning' as const, rule: 'text/repeated-word', message });

describe('the review site', () => {
  it('shows each warning beside the municipality it concerns, national ones above, and is made again from the manifest alone', async () => {
    const profiles = [testProfile('a'), testProfile('b')];
    const result = await runBuildJobs(
      buildInput(ws, profiles, { warnings: [warning('municipalities/b.yaml', 'de de'), warning('municipalities/b/aanvragen.md', 'het het'), warning('documents/ouderfolder.md', 'een een')] }),
    );
    expect(result.diagnostics).toEqual([]);
    const m = await readManifest(ws);
    expect(m.municipalities).toEqual([
      { id: 'a', name: 'Gemeente a', warnings: [] },
      {
        id: 'b',
        name: 'Gemeente b',
        warnings: [
          { file: 'municipalities/b.yaml', line: 3, column: 5, rule: 'text/repeated-word', message: 'de de' },
          { file: 'municipalities/b/aanvragen.md', line: 3, column: 5, rule: 'text/repeated-word', message: 'het het' },
        ],
      },
    ]);
    expect(m.warnings.map((w) => w.file)).toEqual(['documents/ouderfolder.md']);
    const site = await readFile(join(ws.out, 'index.html'), 'utf8');
    const itemOf = (id: string) => site.slice(site.indexOf(`data-name="gemeente ${id} ${id}"`)).split('</li>\n')[0]!.split('class="fp-municipality"')[0]!;
    expect(itemOf('a')).toContain('Geen waarschuwingen');
    expect(itemOf('b')).toContain('2 waarschuwingen');
    expect(itemOf('b')).toContain('municipalities/b.yaml:3:5</span> de de');
    expect(site).toContain('Waarschuwingen voor alle gemeenten');

    await writeFile(join(ws.out, 'index.html'), 'stale');
    expect(await runSite(ws.out)).toBe(0);
    expect(await readFile(join(ws.out, 'index.html'), 'utf8')).toBe(site);
    expect(await readManifest(ws)).toEqual(m);
  });
});

describe('manifest export', () => {
  it('copies exactly the listed files, the site and the manifest, and none of the bookkeeping', async () => {
    await runBuildJobs(buildInput(ws, [testProfile('a')]));
    await writeFile(join(ws.out, 'a', 'notes.txt'), 'not ours');
    const target = join(ws.root, 'public');
    expect(await runManifestExport(ws.out, target)).toBe(0);
    const m = await readManifest(ws);
    const exported = [...(await readdir(target)), ...(await readdir(join(target, 'a'))).map((n) => `a/${n}`)].filter((n) => n !== 'a').sort();
    expect(exported).toEqual([...m.artifacts.map((a) => a.path), 'index.html', 'manifest.json'].sort());
    expect(await readFile(join(target, 'manifest.json'), 'utf8')).toBe(await readFile(join(ws.out, 'manifest.json'), 'utf8'));
  });

  it('exports nothing when a listed file does not match its sha256, and never into a folder that holds something', async () => {
    await runBuildJobs(buildInput(ws, [testProfile('a')]));
    await writeFile(join(ws.out, 'a', 'ouderfolder.pdf'), 'tampered');
    const target = join(ws.root, 'public');
    const errors: string[] = [];
    vi.mocked(process.stderr.write).mockImplementation((chunk) => (errors.push(String(chunk)), true));
    expect(await runManifestExport(ws.out, target)).toBe(1);
    expect(errors.join('')).toMatch(/nothing exported; 1 of \d+ files do not match .*\n  a\/ouderfolder\.pdf: its bytes are not the ones the manifest lists/);
    expect(existsSync(target)).toBe(false);
    expect((await readdir(ws.root)).filter((n) => n.includes('folderpers-tmp'))).toEqual([]);

    await mkdir(target);
    await writeFile(join(target, 'old.txt'), 'x');
    expect(await runManifestExport(ws.out, target)).toBe(2);
    expect(await readdir(target)).toEqual(['old.txt']);
  });
});
