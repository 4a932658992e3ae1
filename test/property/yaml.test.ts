/**
 * Random and mutated YAML profiles through the real profile loader (defaults, schema, asset
 * gate): never a throw or a hang, alias bombs included; always a profile or diagnostics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadDefaults, loadMunicipality, type ProfileFile } from '../../src/profiles/load-profile.js';
import { hostileBytes, hostileText, RUNS } from './mutate.js';
import { expectWellFormed, within } from './well-formed.js';

const PROFILES = readdirSync('content/municipalities')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(path.join('content/municipalities', f), 'utf8'));
const TOKENS = [
  ': ', ':', '- ', '? ', '&a ', '*a', '<<: *a', '&b [*a, *a, *a, *a, *a, *a, *a, *a]', '!!js/function "x"', '!!binary ', '!!str ',
  '!<tag:yaml.org,2002:js/regexp> ', '|', '>-', '{', '}', '[', ']', '"', "'", '\t', '# ', '%YAML 1.1\n', '---\n', '...\n',
  'name: ', 'brand:\n  ', 'logo: ', '../../etc/passwd', '/etc/passwd', 'logo.svg', 'font:\n    regular: x.ttf', 'sections:\n  ',
  'primary: "#000000"', '0102821111', '0x1F', '1e400', '.nan', '~', 'null', 'yes', 'no', '2026-01-01', '010 282 11 11',
  'https://example.org', 'http://127.0.0.1:9/', '{{name}}', '\n  ', '\n    - ', ',', '@', '`',
];

let content: string;
let defaults: ProfileFile;
beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'folderpers-prop-yaml-'));
  await cp('content', content, { recursive: true });
  defaults = await loadDefaults(path.join(content, 'defaults.yaml'), content);
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

describe('profile loader under random input', () => {
  it('returns a profile or diagnostics, never throws or hangs', async () => {
    const file = path.join(content, 'municipalities', 'prop.yaml');
    await fc.assert(
      fc.asyncProperty(hostileBytes(hostileText(PROFILES, TOKENS)), async (bytes) => {
        await writeFile(file, bytes);
        const result = await within(3000, () => loadMunicipality(file, defaults, content));
        expect(result.loaded !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        const assetFiles = result.diagnostics.map((d) => d.file).filter((f) => f !== file);
        for (const f of assetFiles) expect(path.relative(content, f).startsWith('..'), `diagnostic outside the content folder: ${f}`).toBe(false);
        expectWellFormed(result.diagnostics.filter((d) => d.file === file), [file], bytes.toString('utf8'));
      }),
      RUNS,
    );
  });
});
