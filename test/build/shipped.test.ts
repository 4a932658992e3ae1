/**
 * What the tool's build keeps from the bundled documents (src/build/compile-shipped.ts):
 * PNG strips in dist/strips, shaped words in dist/shapes and the warm-up set in
 * dist/warm-up. A first build that uses them draws the same bytes as one that works
 * everything out itself; a shipped file that is not what its index says is not used, and
 * the bytes stay the same.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_SHAPES_DIR, SHIPPED_STRIPS_DIR, SHIPPED_WARM_UP_DIR, TOOL_ROOT } from '../../src/build/tool-root.js';
import { readWarmUpSet, WARM_UP_ASSET } from '../../src/build/warm-up-set.js';
import type { DocumentModel } from '../../src/content/model.js';
import type { LoadedProfile } from '../../src/profiles/model.js';
import { SHIPPED_INDEX } from '../../src/build/shipped-files.js';
import { validateContent } from '../../src/validate/index.js';

let documents: DocumentModel[];
let profiles: LoadedProfile[];
let scratch: string;
const NOWHERE = join(tmpdir(), 'folderpers-no-shipped-files');

/** A copy of `dir` with every file but the index one byte off. */
function tamperedCopy(dir: string, index: string): string {
  const copy = join(scratch, `tampered-${index}-${readdirSync(scratch).length}`);
  cpSync(dir, copy, { recursive: true });
  for (const name of readdirSync(copy)) {
    if (name === index) continue;
    const bytes = readFileSync(join(copy, name));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(join(copy, name), bytes);
  }
  return copy;
}

beforeAll(async () => {
  const validated = await validateContent({ contentRoot: join(TOOL_ROOT, 'content'), languageWarnings: false });
  documents = validated.documents;
  profiles = validated.profiles;
  scratch = mkdtempSync(join(tmpdir(), 'folderpers-shipped-'));
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Drawn {
  files: Map<string, Buffer>;
  stripsUsed: number;
  shippedRuns: number;
  /** How often the warm-up asked whether to stop. */
  stopChecks: number;
}

/** Every file of every bundled document for a municipality, drawn by fresh renderers (empty caches) that find shipped strips and shapes in these folders. */
async function drawAll(municipality: string, shipped: { strips: string; shapes: string; warmUp?: string; stopAt?: number }): Promise<Drawn> {
  vi.resetModules();
  vi.doMock('../../src/build/tool-root.js', async (original) => ({
    ...(await original<typeof import('../../src/build/tool-root.js')>()),
    SHIPPED_SHAPES_DIR: shipped.shapes,
  }));
  const { useShippedStrips } = await import('../../src/render/png/index.js');
  const { shippedStrips } = await import('../../src/render/png/shipped-strips.js');
  const { admitCheckedAsset } = await import('../../src/assets/checked.js');
  const { renderJob, warmUp } = await import('../../src/build/render-job.js');
  const { kindOf } = await import('../../src/kinds/registry.js');
  const { fontsLoaded } = await import('../../src/layout/text/fonts.js');
  const { runsShaped } = await import('../../src/patches/index.js');
  let stripsUsed = 0;
  const strips = shippedStrips(shipped.strips);
  useShippedStrips({
    load(key) {
      const bytes = strips.load(key);
      if (bytes) stripsUsed++;
      return bytes;
    },
  });
  let stopChecks = 0;
  if (shipped.warmUp) {
    const set = readWarmUpSet(shipped.warmUp);
    expect(set).toBeDefined();
    await warmUp(() => ++stopChecks === shipped.stopAt, set);
  }
  const profile = profiles.find((p) => p.profile.id === municipality)!;
  for (const [path, bytes] of Object.entries(profile.assets)) admitCheckedAsset(path, bytes);
  const files = new Map<string, Buffer>();
  for (const doc of documents) {
    const job = await renderJob(doc, profile, kindOf(doc).formats, { creationDate: new Date(0) });
    expect(job.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const f of job.files) files.set(`${doc.id}.${f.format}`, Buffer.from(f.data));
  }
  const shippedRuns = fontsLoaded()
    .flatMap((font) => [...runsShaped(font.font).values()])
    .filter((run) => run.constructor.name === 'ShippedRun').length;
  vi.doUnmock('../../src/build/tool-root.js');
  return { files, stripsUsed, shippedRuns, stopChecks };
}

function expectSameFiles(a: Drawn, b: Drawn): void {
  expect([...a.files.keys()]).toEqual([...b.files.keys()]);
  for (const [name, bytes] of a.files) expect(bytes.equals(b.files.get(name)!), name).toBe(true);
}

describe('shipped strips and shapes', () => {
  it('hold the bundled documents’ shared strips and words, and a first build that uses them draws the same bytes', async () => {
    const strips = JSON.parse(readFileSync(join(SHIPPED_STRIPS_DIR, SHIPPED_INDEX), 'utf8')) as { strips: Record<string, string> };
    expect(Object.keys(strips.strips).length).toBeGreaterThan(50);
    const shapes = JSON.parse(readFileSync(join(SHIPPED_SHAPES_DIR, SHIPPED_INDEX), 'utf8')) as { fonts: Record<string, string> };
    expect(Object.keys(shapes.fonts).length).toBeGreaterThanOrEqual(3);

    const worked = await drawAll('leiden', { strips: NOWHERE, shapes: NOWHERE });
    expect(worked.stripsUsed + worked.shippedRuns).toBe(0);
    const shipped = await drawAll('leiden', { strips: SHIPPED_STRIPS_DIR, shapes: SHIPPED_SHAPES_DIR });
    expect(shipped.stripsUsed).toBeGreaterThan(50);
    expect(shipped.shippedRuns).toBeGreaterThan(1000);
    expect(shipped.files.size).toBeGreaterThan(20);
    expectSameFiles(shipped, worked);
  });

  it('are not used when a file is not what the index says, and the bytes stay the same', async () => {
    const worked = await drawAll('huizen', { strips: NOWHERE, shapes: NOWHERE });
    const tampered = await drawAll('huizen', { strips: tamperedCopy(SHIPPED_STRIPS_DIR, SHIPPED_INDEX), shapes: tamperedCopy(SHIPPED_SHAPES_DIR, SHIPPED_INDEX) });
    expect(tampered.stripsUsed + tampered.shippedRuns).toBe(0);
    expectSameFiles(tampered, worked);
  });

  it('a worker warmed up on the warm-up set draws the same bytes, and a tampered set is not used', async () => {
    const set = readWarmUpSet(SHIPPED_WARM_UP_DIR)!;
    // Every bundled document, and a municipality whose files have names no profile gives.
    expect(set.documents.map((d) => d.id).sort()).toEqual(documents.map((d) => d.id).sort());
    expect(Object.keys(set.profile.assets).length).toBeGreaterThan(0);
    for (const name of Object.keys(set.profile.assets)) expect(name.startsWith(WARM_UP_ASSET)).toBe(true);
    expect(JSON.stringify(set.profile.profile)).not.toContain(join(TOOL_ROOT, 'content'));
    expect(readWarmUpSet(tamperedCopy(SHIPPED_WARM_UP_DIR, SHIPPED_INDEX))).toBeUndefined();

    const shipped = { strips: SHIPPED_STRIPS_DIR, shapes: SHIPPED_SHAPES_DIR };
    // The warm-up's own municipality and another one, after a warm-up that drew every kind.
    for (const municipality of [set.profile.profile.id, 'leiden']) {
      const cold = await drawAll(municipality, shipped);
      const warmed = await drawAll(municipality, { ...shipped, warmUp: SHIPPED_WARM_UP_DIR });
      expectSameFiles(warmed, cold);
    }
  });

  it('a warm-up told to stop ends at the next step, inside a page, and the files stay the same', async () => {
    const shipped = { strips: SHIPPED_STRIPS_DIR, shapes: SHIPPED_SHAPES_DIR, warmUp: SHIPPED_WARM_UP_DIR };
    const full = await drawAll('leiden', shipped);
    // The sample asks 7 times (each face, hyphenation, its PDF, its PNG); then before every step of every page.
    const pageSteps = full.stopChecks - 7;
    expect(pageSteps).toBeGreaterThan(3 * documents.length);
    // Stopped in the middle of the pages: it asks no more, and caches half filled draw the same bytes.
    const stopAt = 7 + Math.floor(pageSteps / 2);
    const stopped = await drawAll('leiden', { ...shipped, stopAt });
    expect(stopped.stopChecks).toBe(stopAt);
    expectSameFiles(stopped, full);
  });
});
