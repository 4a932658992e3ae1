/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: draws the
 * pictures of the bundled documents for every bundled municipality and keeps the PNG strips
 * that more than one of them shares — everything but a municipality's own text and logo —
 * in `dist/strips/` (see src/render/png/shipped-strips.ts). A communication officer's first
 * build, and every CI run without a cache, then starts with those strips measured instead
 * of measuring ~0.6 s per page and size.
 *
 * Bundled content with errors ships no strips (the build reports those errors itself); the
 * strips never change a byte of output, only how long the first build takes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../kinds/registry.js';
import { useStripStore } from '../render/png/index.js';
import { SHIPPED_INDEX, type ShippedIndex } from '../render/png/shipped-strips.js';
import { validateContent } from '../validate/index.js';
import { sha256 } from './hash.js';
import { SHIPPED_STRIPS_DIR, TOOL_ROOT } from './inputs.js';
import { renderJob } from './render-job.js';

async function compileStrips(): Promise<number> {
  // Strips go to the store on their second use in this process: exactly the shared ones.
  const kept = new Map<string, Uint8Array>();
  useStripStore({ load: async () => undefined, save: async (key, bytes) => void kept.set(key, bytes) });
  const validated = await validateContent({ contentRoot: join(TOOL_ROOT, 'content'), languageWarnings: false }).catch(() => undefined);
  const usable = validated && !validated.diagnostics.some((d) => d.severity === 'error');
  if (usable) {
    for (const doc of validated.documents) {
      if (!kindOf(doc).picture) continue;
      for (const profile of validated.profiles) {
        await renderJob(doc, profile, ['png', 'web.png'], { creationDate: new Date(0) });
      }
    }
  }
  rmSync(SHIPPED_STRIPS_DIR, { recursive: true, force: true });
  mkdirSync(SHIPPED_STRIPS_DIR, { recursive: true });
  const index: ShippedIndex = { format: 1, strips: {} };
  for (const [key, bytes] of [...kept].sort(([a], [b]) => (a < b ? -1 : 1))) {
    writeFileSync(join(SHIPPED_STRIPS_DIR, key), bytes);
    index.strips[key] = sha256(bytes);
  }
  writeFileSync(join(SHIPPED_STRIPS_DIR, SHIPPED_INDEX), `${JSON.stringify(index)}\n`);
  return kept.size;
}

const count = await compileStrips();
process.stdout.write(`folderpers: ${count} strips of the bundled documents measured into dist/strips\n`);
