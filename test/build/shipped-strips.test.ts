/**
 * The strips measured when the tool was built (dist/strips, src/build/compile-strips.ts):
 * a first build uses them instead of measuring, and gets the same bytes; a shipped file
 * that is not what its index says is measured again, with the same bytes.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SHIPPED_STRIPS_DIR, TOOL_ROOT } from '../../src/build/inputs.js';
import type { DocumentModel } from '../../src/content/model.js';
import type { LoadedProfile } from '../../src/profiles/model.js';
import { SHIPPED_INDEX } from '../../src/render/png/shipped-strips.js';
import { validateContent } from '../../src/validate/index.js';

let documents: DocumentModel[];
let profiles: LoadedProfile[];
let tampered: string;

beforeAll(async () => {
  const validated = await validateContent({ contentRoot: join(TOOL_ROOT, 'content'), languageWarnings: false });
  documents = validated.documents;
  profiles = validated.profiles;
  tampered = mkdtempSync(join(tmpdir(), 'folderpers-shipped-'));
  cpSync(SHIPPED_STRIPS_DIR, tampered, { recursive: true });
  // Every file one byte off, the index unchanged: none of them may be used.
  for (const name of readdirSync(tampered)) {
    if (name === SHIPPED_INDEX) continue;
    const bytes = readFileSync(join(tampered, name));
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(join(tampered, name), bytes);
  }
});

afterAll(() => rmSync(tampered, { recursive: true, force: true }));

/** The pictures' PNGs for a municipality, drawn by a fresh copy of the renderers (empty caches) with `shippedDir` or none. */
async function pictures(municipality: string, shippedDir: string | undefined): Promise<{ bytes: Buffer[]; used: number }> {
  vi.resetModules();
  const { useShippedStrips } = await import('../../src/render/png/index.js');
  const { shippedStrips } = await import('../../src/render/png/shipped-strips.js');
  const { admitCheckedAsset } = await import('../../src/assets/checked.js');
  const { renderJob } = await import('../../src/build/render-job.js');
  let used = 0;
  const shipped = shippedDir ? shippedStrips(shippedDir) : undefined;
  useShippedStrips(
    shipped && {
      load(key) {
        const bytes = shipped.load(key);
        if (bytes) used++;
        return bytes;
      },
    },
  );
  const profile = profiles.find((p) => p.profile.id === municipality)!;
  for (const [path, bytes] of Object.entries(profile.assets)) admitCheckedAsset(path, bytes);
  const bytes: Buffer[] = [];
  for (const id of ['taak-per-moment', 'drie-lagen']) {
    const doc = documents.find((d) => d.id === id)!;
    const job = await renderJob(doc, profile, ['png', 'web.png'], { creationDate: new Date(0) });
    expect(job.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    bytes.push(...job.files.map((f) => Buffer.from(f.data)));
  }
  return { bytes, used };
}

describe('shipped strips', () => {
  it('hold the bundled documents’ shared strips, and a first build that uses them draws the same bytes as one that measures', async () => {
    const index = JSON.parse(readFileSync(join(SHIPPED_STRIPS_DIR, SHIPPED_INDEX), 'utf8')) as { strips: Record<string, string> };
    expect(Object.keys(index.strips).length).toBeGreaterThan(50);
    const measured = await pictures('leiden', undefined);
    const shipped = await pictures('leiden', SHIPPED_STRIPS_DIR);
    expect(shipped.used).toBeGreaterThan(50);
    expect(shipped.bytes.length).toBe(4);
    shipped.bytes.forEach((b, i) => expect(b.equals(measured.bytes[i]!), `PNG ${i}`).toBe(true));
  });

  it('are not used when a file is not what the index says, and the bytes stay the same', async () => {
    const measured = await pictures('huizen', undefined);
    const fromTampered = await pictures('huizen', tampered);
    expect(fromTampered.used).toBe(0);
    fromTampered.bytes.forEach((b, i) => expect(b.equals(measured.bytes[i]!), `PNG ${i}`).toBe(true));
  });
});
