/**
 * Random bytes behind a PNG, TrueType or OpenType signature through the asset gate: sharp
 * and fontkit run inside it, so a damaged image or font must come back as a diagnostic,
 * never as a throw, a crash or a hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readAsset, type AssetRef } from '../../src/assets/index.js';
import { RUNS, SEED } from './mutate.js';
import { expectWellFormed, within } from './well-formed.js';

const REAL_FONT = readFileSync('node_modules/source-sans/TTF/SourceSans3-Regular.ttf');
const REAL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGNgYGBgYGBgYGBgAAAABQABijPjAAAAAElFTkSuQmCC',
  'base64',
);
const SIGNATURES = {
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  ttf: Buffer.from([0x00, 0x01, 0x00, 0x00]),
  otf: Buffer.from('OTTO'),
} as const;

let content: string;
const at = { file: 'prop.yaml', line: 4, column: 9 };
beforeAll(async () => {
  content = await mkdtemp(path.join(os.tmpdir(), 'folderpers-prop-bin-'));
  await mkdir(path.join(content, 'municipalities', 'prop'), { recursive: true });
});
afterAll(async () => {
  await rm(content, { recursive: true, force: true });
});

/** A real file with bytes overwritten, or a signature followed by noise. */
function damaged(real: Buffer, signature: Buffer): fc.Arbitrary<Buffer> {
  const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 16 });
  return fc.oneof(
    fc.tuple(flips, fc.nat()).map(([list, cut]) => {
      const bytes = Buffer.from(real);
      for (const [i, v] of list) bytes[i % bytes.length] = v;
      return bytes.subarray(0, Math.max(signature.length, real.length - (cut % 64)));
    }),
    fc.uint8Array({ maxLength: 512 }).map((noise) => Buffer.concat([signature, Buffer.from(noise)])),
  );
}

async function gate(name: string, bytes: Buffer, expect_: AssetRef['expect']) {
  const file = path.join(content, 'municipalities', 'prop', name);
  await writeFile(file, bytes);
  return within(5000, () => readAsset(content, { path: `prop/${name}`, at, expect: expect_, base: path.join(content, 'municipalities') }));
}

describe('binary assets under random damage', () => {
  it('PNG logos', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(REAL_PNG, SIGNATURES.png), async (bytes) => {
        const result = await gate('logo.png', bytes, 'image');
        if (!result.ok) expectWellFormed(result.diagnostics, [at.file]);
        else expect(result.type).toBe('png');
      }),
      RUNS,
    );
  });

  it('TrueType and OpenType fonts', async () => {
    const fonts = fc.oneof(
      damaged(REAL_FONT, SIGNATURES.ttf).map((b) => ['House.ttf', b] as const),
      fc.uint8Array({ maxLength: 512 }).map((n) => ['House.otf', Buffer.concat([SIGNATURES.otf, Buffer.from(n)])] as const),
    );
    await fc.assert(
      fc.asyncProperty(fonts, async ([name, bytes]) => {
        const result = await gate(name, bytes, 'font');
        if (!result.ok) expectWellFormed(result.diagnostics, [at.file]);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
