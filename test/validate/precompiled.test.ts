/**
 * The validators compiled with the tool (dist/src/schema/validators.cjs) against ajv
 * compiling the same schemas at run time: the same verdicts and errors, and used only
 * when made from exactly the schema files at hand. Needs the compiled tool (npm test
 * builds it first).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SchemaRegistry } from '../../src/schema/registry.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMPILED = join(ROOT, 'dist', 'src', 'schema', 'registry.js');
const dir = mkdtempSync(join(tmpdir(), 'folderpers-schemas-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLES: [string, unknown][] = [
  ['profile.schema.json', { id: 5, name: '', brand: { primary: 'red' }, contact: { phone: 12 }, extra: true }],
  ['profile.schema.json', { name: 'Gemeente X', brand: { primary: '#123456' }, contact: { organisation: 'X', phone: '010 123 45 67', email: 'a@b.nl', website: 'https://x.nl' } }],
  ['defaults.schema.json', { national: { phone: 'x' }, checklist: {} }],
  ['frontmatter.schema.json', { title: 5, kind: 'folder' }],
];

describe('precompiled validators', () => {
  it('give the verdicts and errors ajv gives compiling at run time', async () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'schema', 'validators.cjs'))).toBe(true);
    const { SchemaRegistry: Compiled } = (await import(COMPILED)) as { SchemaRegistry: typeof SchemaRegistry };
    const precompiled = new Compiled();
    const runtime = new SchemaRegistry();
    for (const [id, data] of SAMPLES) {
      const a = precompiled.validator(id);
      const b = runtime.validator(id);
      expect(a(data)).toBe(b(data));
      expect(a.errors ?? null).toEqual(b.errors ?? null);
    }
  });

  it('are not used for schema files they were not made from', async () => {
    const { SchemaRegistry: Compiled } = (await import(COMPILED)) as { SchemaRegistry: typeof SchemaRegistry };
    cpSync(join(ROOT, 'schemas'), dir, { recursive: true });
    const file = join(dir, 'profile.schema.json');
    const schema = JSON.parse(readFileSync(file, 'utf8')) as { properties: { name: { maxLength: number } } };
    schema.properties.name.maxLength = 3;
    writeFileSync(file, JSON.stringify(schema));
    const edited = new Compiled(dir).validator('profile.schema.json');
    edited({ name: 'Gemeente Huizen' });
    expect(edited.errors?.some((e) => e.keyword === 'maxLength' && e.params['limit'] === 3)).toBe(true);
  });
});
