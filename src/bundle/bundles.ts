/**
 * The tool's three entry points, each bundled into one CommonJS file with its dependencies
 * (compile-bundles.ts) so that V8 can load it from a code cache (run-bundle.ts): the CLI on
 * the main thread, the build worker and validate's layout worker. Loading ~300 ES modules
 * one by one, compiling each, cost a cold build ~0.5 s per thread.
 */
import { join } from 'node:path';
import { TOOL_ROOT } from '../build/tool-root.js';

export const BUNDLES = {
  cli: 'dist/src/cli/main.js',
  'build-worker': 'dist/src/build/worker.js',
  'layout-worker': 'dist/src/validate/layout-worker.js',
} as const;

export type BundleName = keyof typeof BUNDLES;

export const BUNDLE_DIR = join(TOOL_ROOT, 'dist', 'bundle');

export const bundleFile = (name: BundleName): string => join(BUNDLE_DIR, `${name}.cjs`);

/**
 * V8 checks a code cache only against its own version, its flags and the source's length,
 * so the cache is named for the sha256 of the source it was made from: an edited bundle
 * of the same length never runs with another bundle's compiled code.
 */
export const codeCacheFile = (name: BundleName, sourceSha256: string): string =>
  join(BUNDLE_DIR, `${name}.${sourceSha256.slice(0, 16)}.v8cache`);

/** Set on globalThis while bundled code runs: workers it starts run bundled too. */
export const RUNNING_BUNDLED = Symbol.for('folderpers.bundled');

/** Set on globalThis while bundled code runs: `import()` from a real ES module (import-module.ts). */
export const IMPORT_MODULE = Symbol.for('folderpers.importModule');

/** Set on globalThis during the tool's own training run: saves the code compiled so far. */
export const SAVE_CODE_CACHE = Symbol.for('folderpers.saveCodeCache');
