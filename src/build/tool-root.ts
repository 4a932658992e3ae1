/**
 * Where the tool itself lives, for every stage that reads its own files: the repository
 * (or installed package) root is the nearest folder above this file with a package.json
 * (this file runs as dist/src/build/tool-root.js, and as src/build/tool-root.ts in tests).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOL_ROOT = findToolRoot(dirname(fileURLToPath(import.meta.url)));

/**
 * What the tool's build measured from the bundled documents (src/build/compile-shipped.ts):
 * PNG strips, shaped words and the warm-up set. Not part of the tool's fingerprint: they never change a
 * byte of output, only how long a first build takes.
 */
export const SHIPPED_STRIPS_DIR = join(TOOL_ROOT, 'dist', 'strips');
export const SHIPPED_SHAPES_DIR = join(TOOL_ROOT, 'dist', 'shapes');
export const SHIPPED_WARM_UP_DIR = join(TOOL_ROOT, 'dist', 'warm-up');

/**
 * FOLDERPERS_SHIPPED=none: measure every strip and shape every word, as for documents the
 * tool was not built with. The same bytes, in more time: for measuring that cost, and for
 * tests of the strip store.
 */
export function useShipped(): boolean {
  return process.env['FOLDERPERS_SHIPPED'] !== 'none';
}

function findToolRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
