/**
 * src/patches/ reaches into the private parts of pdfkit, fontkit and restructure. These
 * tests fail as soon as the installed versions differ from the ones the patches were
 * written for, and check what the build says at run time when they do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedVersion, patchedVersionProblems, WRITTEN_FOR } from '../../src/patches/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('patched libraries', () => {
  it('are installed in exactly the versions the patches were written for', () => {
    expect(patchedVersionProblems()).toEqual([]);
    for (const [name, version] of Object.entries(WRITTEN_FOR)) expect(installedVersion(name)).toBe(version);
  });

  it('are pinned to those versions in package.json, without a range', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const [name, version] of Object.entries(WRITTEN_FOR)) expect(pkg.dependencies[name]).toBe(version);
  });

  it('name the library, both versions and the way out when another version is installed', () => {
    const problems = patchedVersionProblems((name) => (name === 'pdfkit' ? '0.21.0' : installedVersion(name)));
    expect(problems).toEqual([
      'folderpers patches internals of pdfkit 0.20.2, but pdfkit 0.21.0 is installed; its output could be wrong. Run npm ci (package.json pins pdfkit 0.20.2).',
    ]);
    expect(patchedVersionProblems(() => undefined)).toHaveLength(Object.keys(WRITTEN_FOR).length);
  });
});
