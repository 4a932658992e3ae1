/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: builds
 * every bundled document for every bundled municipality in memory (nothing is written but
 * what is kept here) and keeps what a first build would otherwise work out again:
 *
 * - the PNG strips more than one municipality shares — everything but a municipality's own
 *   text and logo — in `dist/strips/` (src/render/png/shipped-strips.ts), instead of
 *   measuring ~0.6 s per page and size;
 * - every word shaped, per font file, in `dist/shapes/` (src/layout/text/shipped-shapes.ts),
 *   instead of parsing each font's GSUB and GPOS tables in every worker.
 *
 * Bundled content with errors ships neither (the build reports those errors itself). Both
 * only ever save time: output is the same bytes with or without them (tested).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../kinds/registry.js';
import { fontsLoaded } from '../layout/text/fonts.js';
import { SHAPES_INDEX, shapesFile, shapesHash, type ShapesIndex } from '../layout/text/shipped-shapes.js';
import { runsShaped } from '../patches/index.js';
import { useStripStore } from '../render/png/index.js';
import { SHIPPED_INDEX, type ShippedIndex } from '../render/png/shipped-strips.js';
import { validateContent } from '../validate/index.js';
import { sha256 } from './hash.js';
import { PRINT_FORMAT } from './formats.js';
import { renderJob, warmUp } from './render-job.js';
import { SHIPPED_SHAPES_DIR, SHIPPED_STRIPS_DIR, TOOL_ROOT } from './tool-root.js';

function emptied(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function compileShipped(): Promise<{ strips: number; words: number }> {
  // Before any font is parsed: this run shapes everything itself.
  emptied(SHIPPED_SHAPES_DIR);
  // Strips go to the store on their second use in this process: exactly the shared ones.
  const kept = new Map<string, Uint8Array>();
  useStripStore({ load: async () => undefined, save: async (key, bytes) => void kept.set(key, bytes) });
  const validated = await validateContent({ contentRoot: join(TOOL_ROOT, 'content'), languageWarnings: false }).catch(() => undefined);
  const usable = validated && !validated.diagnostics.some((d) => d.severity === 'error');
  if (usable) {
    await warmUp();
    for (const doc of validated.documents) {
      for (const profile of validated.profiles) {
        await renderJob(doc, profile, [...kindOf(doc).formats, PRINT_FORMAT], { creationDate: new Date(0) });
      }
    }
  }

  const strips: ShippedIndex = { format: 1, strips: {} };
  const stripsDir = emptied(SHIPPED_STRIPS_DIR);
  for (const [key, bytes] of [...kept].sort(([a], [b]) => (a < b ? -1 : 1))) {
    writeFileSync(join(stripsDir, key), bytes);
    strips.strips[key] = sha256(bytes);
  }
  writeFileSync(join(stripsDir, SHIPPED_INDEX), `${JSON.stringify(strips)}\n`);

  const shapes: ShapesIndex = { format: 1, fonts: {} };
  let words = 0;
  if (usable) {
    for (const font of fontsLoaded()) {
      const runs = runsShaped(font.font);
      if (runs.size === 0) continue;
      const { name, text } = shapesFile(font.bytes, runs);
      writeFileSync(join(SHIPPED_SHAPES_DIR, name), text);
      shapes.fonts[shapesHash(font.bytes)] = sha256(text);
      words += runs.size;
    }
  }
  writeFileSync(join(SHIPPED_SHAPES_DIR, SHAPES_INDEX), `${JSON.stringify(shapes)}\n`);
  return { strips: kept.size, words };
}

const { strips, words } = await compileShipped();
process.stdout.write(`folderpers: ${strips} PNG strips and ${words} shaped words of the bundled documents kept in dist/\n`);
