/**
 * Small files that are costly to parse. Each input fills the size limit with a construct
 * the CommonMark or YAML parser handles in more than linear time; the real loader must
 * refuse it or finish it within a few seconds. (Before the caps in
 * src/assets/markdown-limits.ts, 128 KiB of setext headings took four minutes.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_MARKDOWN_BYTES, MAX_MARKDOWN_LINES, MAX_MARKDOWN_NESTING, MAX_YAML_BYTES } from '../../src/assets/index.js';
import { loadDocument } from '../../src/content/load-document.js';
import { loadDefaults, loadMunicipality, type ProfileFile } from '../../src/profiles/load-profile.js';

const SECONDS = 5;
const HEAD = '---\nkind: parent-leaflet\ntitle: Ouderfolder\n---\n';

/** `unit` repeated to just under `limit` bytes after `head`. */
function fill(limit: number, unit: string, head = ''): string {
  return head + unit.repeat(Math.floor((limit - head.length - 1) / Buffer.byteLength(unit)));
}

/** `lines` lines (up to the line cap), each `unit` padded with text to share out the byte cap. */
function lines(unit: string, count = MAX_MARKDOWN_LINES - 10): string {
  const width = Math.max(unit.length, Math.floor((MAX_MARKDOWN_BYTES - HEAD.length) / count) - 1);
  return HEAD + `${unit.padEnd(width, ' a')}\n`.repeat(count);
}
const DEEPEST = MAX_MARKDOWN_NESTING;

const MARKDOWN: Record<string, string> = {
  'setext headings': fill(MAX_MARKDOWN_BYTES, 'a\n=\n', HEAD),
  'setext headings at the line cap': HEAD + 'a\n=\n'.repeat((MAX_MARKDOWN_LINES - 10) / 2),
  'setext headings with dashes at the line cap': HEAD + 'a\n-\n'.repeat((MAX_MARKDOWN_LINES - 10) / 2),
  'paragraphs': fill(MAX_MARKDOWN_BYTES, 'a\n\n', HEAD),
  'ATX headings at the line cap': lines('# x'),
  'quotes at the nesting cap': lines(`${'>'.repeat(DEEPEST)} x`),
  'quotes beyond the nesting cap': lines(`${'>'.repeat(200)} x`),
  'nested lists on one line at the nesting cap': lines(`${'- '.repeat(DEEPEST)}x`),
  'nested numbered lists on one line': lines(`${'1. '.repeat(DEEPEST)}x`),
  'indented lists at the nesting cap': `${HEAD}${Array.from({ length: MAX_MARKDOWN_LINES - 10 }, (_, i) => `${'  '.repeat(i % DEEPEST)}- x`).join('\n')}\n`,
  'emphasis marks': fill(MAX_MARKDOWN_BYTES, '*a', HEAD),
  'unclosed brackets': fill(MAX_MARKDOWN_BYTES, '[', HEAD),
  'unclosed links': fill(MAX_MARKDOWN_BYTES, '[a](', HEAD),
  'unclosed images': fill(MAX_MARKDOWN_BYTES, '![a](', HEAD),
  'reference definitions': fill(MAX_MARKDOWN_BYTES, '[r]: https://e.nl\n', HEAD),
  'angle brackets': fill(MAX_MARKDOWN_BYTES, '<', HEAD),
  'backticks': fill(MAX_MARKDOWN_BYTES, '`a', HEAD),
  'backslashes': fill(MAX_MARKDOWN_BYTES, '\\', HEAD),
  'entities': fill(MAX_MARKDOWN_BYTES, '&amp;', HEAD),
  'raw HTML lines': fill(MAX_MARKDOWN_BYTES, '<div>\n', HEAD),
  'placeholders': fill(MAX_MARKDOWN_BYTES, '{{a}}', HEAD),
  'mixed delimiters': fill(MAX_MARKDOWN_BYTES, '*[_`<', HEAD),
};

const YAML: Record<string, string> = {
  'anchors': fill(MAX_YAML_BYTES, 'k: &a v\n').replace(/k: &a/g, (() => { let i = 0; return () => `k${i++}: &a${i}`; })()),
  'flow nesting': fill(MAX_YAML_BYTES, '[', 'name: '),
  'block nesting': Array.from({ length: 300 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'),
  'many keys': fill(MAX_YAML_BYTES, 'k: v\n').replace(/k: v/g, (() => { let i = 0; return () => `k${i++}: v`; })()),
  'long string': `name: "${'x'.repeat(MAX_YAML_BYTES - 20)}"\n`,
  'aliases of aliases': `a: &a [x, x, x, x, x, x, x, x]\n${Array.from({ length: 40 }, (_, i) => `b${i}: &b${i} [${i ? `*b${i - 1}` : '*a'}, *a]`).join('\n')}\n`,
};

let dir: string;
let content: string;
let defaults: ProfileFile;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'folderpers-parse-cost-'));
  content = path.join(dir, 'content');
  cpSync('content', content, { recursive: true });
  defaults = await loadDefaults(path.join(content, 'defaults.yaml'), content);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('costly Markdown within the size limit', () => {
  it.each(Object.entries(MARKDOWN))('%s: refused or loaded in seconds', async (_name, text) => {
    const file = path.join(dir, 'ouderfolder.md');
    writeFileSync(file, text);
    const started = performance.now();
    const result = await loadDocument(file, dir);
    expect(performance.now() - started).toBeLessThan(SECONDS * 1000);
    expect(result.diagnostics.length + (result.model ? 1 : 0)).toBeGreaterThan(0);
  });
});

describe('costly YAML within the size limit', () => {
  it.each(Object.entries(YAML))('%s: refused or loaded in seconds', async (_name, text) => {
    const file = path.join(content, 'municipalities', 'cost.yaml');
    writeFileSync(file, text);
    const started = performance.now();
    const result = await loadMunicipality(file, defaults, content);
    expect(performance.now() - started).toBeLessThan(SECONDS * 1000);
    expect(result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});
