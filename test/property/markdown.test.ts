/**
 * Random and mutated Markdown documents through the real document loader: it never throws,
 * never hangs, and always ends in a model or diagnostics that point into the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDocument } from '../../src/content/load-document.js';
import { hostileBytes, hostileText, RUNS } from './mutate.js';
import { expectWellFormed, within } from './well-formed.js';

const DOCS = readdirSync('content/documents').map((f) => readFileSync(path.join('content/documents', f), 'utf8'));
const TOKENS = [
  '---', '---js\n', '---\n', '\n---\n', 'kind: ', 'task-per-moment', 'parent-leaflet', 'title: ', ': ', '- ', '\n## ', '\n### ',
  '# ', '{#contact}', '{#', '> ', '> — ', '—', '*', '**', '_', '`', '```\n', '<script>', '<!-- ', ' -->', '<b>', '[', '](', ')',
  '[x](javascript:alert(1))', '![x](https://example.org/a.png)', '<https://example.org>', '{{', '}}', '{{contact.phone}}',
  '{{name}}', '{{ }}', '1. ', '1) ', '    ', '\\', '&amp;', '&#0;', '|', '[^1]', '~~', '&', '*a', '&a', 'é', '👩🏽‍⚕️',
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'folderpers-prop-md-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('document loader under random input', () => {
  it('returns a model or diagnostics, never throws or hangs', async () => {
    const file = path.join(dir, 'ouderfolder.md');
    await fc.assert(
      fc.asyncProperty(hostileBytes(hostileText(DOCS, TOKENS)), async (bytes) => {
        await writeFile(file, bytes);
        const result = await within(3000, () => loadDocument(file, dir));
        expect(result.model !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        expectWellFormed(result.diagnostics, [file], bytes.toString('utf8'));
      }),
      RUNS,
    );
  });
});
