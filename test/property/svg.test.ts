/**
 * Random and mutated SVG through checkSvg and the asset gate: no throw, no hang, and a logo
 * is either accepted or refused with diagnostics inside it or at its reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkSvg, readAsset } from '../../src/assets/index.js';
import { hostileBytes, hostileText, RUNS, SEED } from './mutate.js';
import { expectWellFormed, within } from './well-formed.js';

const LOGOS = readdirSync('content/municipalities', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => path.join('content/municipalities', e.name, 'logo.svg'))
  .map((f) => readFileSync(f, 'utf8'));
const TOKENS = [
  '<', '>', '/>', '</', '</svg>', '<g>', '</g>', '"', "'", '=', '&', ';', '&amp;', '&lol;', '&#x0;', '&#1114112;',
  '<!DOCTYPE svg [<!ENTITY lol "lol">]>', '<!ENTITY a SYSTEM "file:///etc/passwd">', '<![CDATA[', ']]>', '<!--', '-->',
  '<?xml version="1.0" encoding="UTF-16"?>', '<?xml-stylesheet href="a.css"?>', '<script>', '</script>', ' onload="x()"',
  ' href="#a"', ' href="http://127.0.0.1:9/"', ' xlink:href="a.png"', ' xmlns:xi="http://www.w3.org/2001/XInclude"',
  '<xi:include href="/etc/passwd"/>', '<foreignObject>', ' style="fill:url(#a)"', ' style="fill:url(http://x)"', '@import "a";',
  ' viewBox="0 0 1e9 1e9"', ' width="-1"', ' width="100%"', ' width="1e400"', '<style>', '</style>', '\\', 'url(', 'xmlns=""',
  ' href="data:image/png;base64,iVBORw0KGgo="', ' href="data:image/png;base64,!!"', '<set attributeName="href" to="x"/>',
];
const FILE = 'logo.svg';

let content: string;
beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'folderpers-prop-svg-'));
  await mkdir(path.join(content, 'municipalities', 'prop'), { recursive: true });
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

describe('SVG checks under random input', () => {
  it('checkSvg never throws and every diagnostic points into the file', () => {
    fc.assert(
      fc.property(hostileText(LOGOS, TOKENS), (text) => {
        const diagnostics = checkSvg(text, FILE);
        expectWellFormed(diagnostics, [FILE], text);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('readAsset accepts or refuses mutated logo files, never throws or hangs', async () => {
    const file = path.join(content, 'municipalities', 'prop', 'logo.svg');
    const at = { file: 'prop.yaml', line: 4, column: 9 };
    await fc.assert(
      fc.asyncProperty(hostileBytes(hostileText(LOGOS, TOKENS)), async (bytes) => {
        await writeFile(file, bytes);
        const result = await within(3000, () => readAsset(content, { path: 'prop/logo.svg', at, expect: 'image', base: path.join(content, 'municipalities') }));
        if (result.ok) {
          expect(result.type).toBe('svg');
          expect(checkSvg(result.text ?? '', FILE)).toEqual([]);
        } else {
          expect(result.diagnostics.length).toBeGreaterThan(0);
          expectWellFormed(result.diagnostics, [at.file, file]);
        }
      }),
      RUNS,
    );
  });
});
