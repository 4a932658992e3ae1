/**
 * The README stays true to the code on what a new user reads first: the step-by-step uses
 * `folderpers new`, the CLI reference has it, the new rules are in the rule lists, and the
 * authoring guide's list of limits has every limit the schemas enforce.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

function section(heading: string): string {
  const start = README.indexOf(`\n${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const level = heading.split(' ')[0]!;
  const next = README.slice(start + heading.length + 2).search(new RegExp(`^#{2,${level.length}} `, 'm'));
  return README.slice(start, next === -1 ? undefined : start + heading.length + 2 + next);
}

/** Every numeric limit of a content schema (the template and language schemas are not authors' input). */
function schemaLimits(): { file: string; path: string; keyword: string; value: number }[] {
  const out: { file: string; path: string; keyword: string; value: number }[] = [];
  const walk = (file: string, node: unknown, path: string): void => {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (['maxLength', 'maxItems', 'minItems', 'maximum'].includes(key) && typeof value === 'number' && !(key === 'minItems' && value === 1)) {
        out.push({ file, path, keyword: key, value });
      }
      walk(file, value, `${path}/${key}`);
    }
  };
  for (const file of readdirSync(join(REPO, 'schemas'))) {
    if (file.startsWith('template.') || file.startsWith('language.')) continue;
    walk(file, JSON.parse(readFileSync(join(REPO, 'schemas', file), 'utf8')), '');
  }
  return out;
}

describe('README', () => {
  it('adds a municipality with folderpers new, and its CLI reference has the command', () => {
    const steps = section('### Adding a municipality, step by step');
    expect(steps).toContain('npx folderpers new bergen-op-zoom');
    expect(steps).not.toMatch(/\bcp content\/municipalities\//);
    const cli = section('## CLI reference');
    expect(cli).toMatch(/^folderpers new {6}<id> \[--content DIR\] \[--name NAME\]/m);
    for (const flag of ['--name', '--organisation', '--phone', '--email', '--website', '--primary', '--logo', '--example']) expect(cli).toContain(flag);
  });

  it('lists the rules of the first hour', () => {
    const rules = section('## Validation rules');
    for (const rule of ['yaml/unquoted-hash', 'phone/unquoted', 'profile/foreign-asset', 'profile/shared-logo', 'profile/example-address']) {
      expect(rules).toMatch(new RegExp(`^\\| \`${rule}\` \\|`, 'm'));
    }
  });

  it('lists every limit of the content schemas under Limits, the 1200-character paragraph among them', () => {
    const limits = section('### Limits');
    expect(limits).toMatch(/\| a paragraph of body text .*\| 1200 characters \| `schema\/maxLength` \|/);
    const rows = limits.split('\n').filter((l) => l.startsWith('| '));
    for (const limit of schemaLimits()) {
      const written = new RegExp(`(^|[^0-9])${limit.value}([^0-9]|$)`);
      expect(
        rows.some((row) => written.test(row) && row.includes(`schema/${limit.keyword}`)),
        `${limit.file} ${limit.path} ${limit.keyword} ${limit.value}`,
      ).toBe(true);
    }
  });
});
