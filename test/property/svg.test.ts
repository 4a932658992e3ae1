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
import { pathCost } from '../../src/assets/svg-path.js';
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
  ' d="M0 0L1e308 1e308L-1e308 0Z"', ' d="m1-2.5.5e3a1 1 0 00.5.5zQ1 1 2 2T"', ' points="1,2 3"', '<use href="#r"/>',
  ' mask="url(#r)"', ' clip-path="url(#r)"', ' filter="url(#r) blur(2)"', ' stroke-dasharray="0.0001 1%"', ' pathLength="1e9"',
  '<filter id="r">', '<feGaussianBlur/>', '<pattern/>', '<mask id="r">', ' opacity="0.5"', ' id="r"',
];
/** Path data from the SVG grammar's pieces, valid and broken. */
const PATH_PIECES = ['M', 'm', 'L', 'l', 'H', 'h', 'V', 'v', 'C', 'c', 'S', 's', 'Q', 'q', 'T', 't', 'A', 'a', 'Z', 'z', ' ', ',', '-', '.', 'e', '0', '1', '9', '1e400', 'NaN', '-.5', '1.5.5'];
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

  it('path data of any form is costed without a throw, within milliseconds, never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PATH_PIECES), { maxLength: 400 }), (pieces) => {
        const d = pieces.join('');
        const started = performance.now();
        const cost = pathCost(d);
        expect(performance.now() - started).toBeLessThan(200);
        expect(cost.segments).toBeGreaterThanOrEqual(0);
        expect(cost.segments).toBeLessThanOrEqual(d.length);
        expect(cost.crossings).toBeGreaterThanOrEqual(0);
        expect(Number.isNaN(cost.crossings) || Number.isNaN(cost.length)).toBe(false);
      }),
      { numRuns: 500, seed: SEED },
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
