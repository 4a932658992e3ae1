/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: builds
 * every bundled document for every bundled municipality in memory (nothing is written but
 * what is kept here) and keeps what a first build would otherwise work out again:
 *
 * - the PNG strips more than one municipality shares — everything but a municipality's own
 *   text and logo — in `dist/strips/` (src/render/png/shipped-strips.ts), instead of
 *   measuring ~0.6 s per page and size;
 * - every word shaped, per font file, in `dist/shapes/` (src/layout/text/shipped-shapes.ts),
 *   instead of parsing each font's GSUB and GPOS tables in every worker;
 * - the bundled documents with one municipality in `dist/warm-up/` (warm-up-set.ts), which
 *   a worker draws while it waits for its first job, so that job's code has run before.
 *
 * Bundled content with errors ships neither (the build reports those errors itself). Both
 * only ever save time: output is the same bytes with or without them (tested).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindOf } from '../kinds/registry.js';
import { fromHsl, nearestPassingShade, toHex } from '../layout/color.js';
import { fontsLoaded } from '../layout/text/fonts.js';
import { shapesFile, type ShapesIndex } from '../layout/text/shipped-shapes.js';
import { runsShaped } from '../patches/index.js';
import { useStripStore } from '../render/png/index.js';
import { validateContent } from '../validate/index.js';
import { sha256 } from './hash.js';
import { SHIPPED_INDEX, type ShippedIndex } from './shipped-files.js';
import { PRINT_FORMAT } from './formats.js';
import { renderJob, warmUp } from './render-job.js';
import { SHIPPED_SHAPES_DIR, SHIPPED_STRIPS_DIR, SHIPPED_WARM_UP_DIR, TOOL_ROOT } from './tool-root.js';
import { writeWarmUpSet } from './warm-up-set.js';

/** Twelve hues, each at the lightest, a middle and a deep shade white text reads on. */
const REPRESENTATIVE_BRANDS = Array.from({ length: 12 }, (_, i) => toHex(fromHsl([i * 30, 0.7, 0.5]))).flatMap((hex) =>
  [4.5, 6, 9].map((ratio) => nearestPassingShade(hex, '#FFFFFF', ratio)),
);

function emptied(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function compileShipped(): Promise<{ strips: number; words: number }> {
  // Before any font is parsed: this run shapes everything itself.
  emptied(SHIPPED_SHAPES_DIR);
  // Before the warm-up: an old set drawn here would count its strips as used twice.
  const warmUpDir = emptied(SHIPPED_WARM_UP_DIR);
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
    // A page's strips depend on which of its colours coincide (a brand colour dark enough
    // for headings on its own tint, or not; see src/layout/palette.ts), not on the colours
    // themselves: the pictures once more in brand colours of every hue and depth cover
    // the ways a municipality's colours can fall.
    const model = validated.profiles[0];
    for (const doc of validated.documents.filter((d) => kindOf(d).picture)) {
      for (const primary of REPRESENTATIVE_BRANDS) {
        if (!model) break;
        const profile = { ...model, profile: { ...model.profile, brand: { ...model.profile.brand, primary } } };
        await renderJob(doc, profile, ['png', 'web.png'], { creationDate: new Date(0) });
      }
    }
  }

  const strips: ShippedIndex<'strips'> = { format: 1, strips: {} };
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
      shapes.fonts[sha256(font.bytes)] = sha256(text);
      words += runs.size;
    }
  }
  writeFileSync(join(SHIPPED_SHAPES_DIR, SHIPPED_INDEX), `${JSON.stringify(shapes)}\n`);

  // A municipality without house fonts: workers warm up with the fonts most jobs use.
  const warmer = usable ? validated.profiles.find((p) => !p.profile.brand.font) : undefined;
  if (warmer) writeWarmUpSet(warmUpDir, validated!.documents, warmer);
  return { strips: kept.size, words };
}

const { strips, words } = await compileShipped();
process.stdout.write(`folderpers: ${strips} PNG strips and ${words} shaped words of the bundled documents kept in dist/\n`);
