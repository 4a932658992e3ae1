/**
 * Runs a bundle (bundles.ts) as Node would run a CommonJS module, but compiled through
 * `vm.Script` with the code cache made when the tool was built, so V8 deserializes the
 * functions a build runs instead of parsing and compiling them again. A missing or
 * rejected cache (another Node version) only costs time: the same code runs.
 *
 * With FOLDERPERS_CODE_CACHE=write (compile-bundles.ts's training run) it writes the cache
 * instead: from the main thread when the process exits, from a worker at each checkpoint
 * (checkpoint.ts), so the cache holds what a real build compiled, lazy functions included.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { sha256 } from '../build/hash.js';
import { mark } from '../build/trace.js';
import { bundleFile, codeCacheFile, IMPORT_MODULE, RUNNING_BUNDLED, SAVE_CODE_CACHE, type BundleName } from './bundles.js';

type Slots = Record<symbol, unknown>;

export function runBundle(name: BundleName): Record<string, unknown> {
  const file = bundleFile(name);
  const source = readFileSync(file, 'utf8');
  const cacheFile = codeCacheFile(name, sha256(source));
  const training = process.env['FOLDERPERS_CODE_CACHE'] === 'write';
  let cachedData: Buffer | undefined;
  if (!training) {
    try {
      cachedData = checkedCache(readFileSync(cacheFile));
    } catch {
      // No cache (a build without the training run): compiled as it runs.
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  mark(`${name} bundle compiled (code cache ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'})`);
  if (training) {
    const save = () => {
      const temp = `${cacheFile}.${process.pid}-${threadId}`;
      const data = script.createCachedData();
      writeFileSync(temp, Buffer.concat([createHash('sha256').update(data).digest(), data]));
      renameSync(temp, cacheFile);
    };
    (globalThis as Slots)[SAVE_CODE_CACHE] = save;
    if (threadId === 0) process.on('exit', save);
  }
  (globalThis as Slots)[RUNNING_BUNDLED] = true;
  (globalThis as Slots)[IMPORT_MODULE] = (specifier: string) => import(specifier);
  const module = { exports: {} as Record<string, unknown> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

/**
 * The cache without its leading sha256, or undefined when the rest does not match it: V8
 * checks a cache's version, flags and length but not its bytes, and damaged bytes crash it.
 */
export function checkedCache(file: Buffer): Buffer | undefined {
  const data = file.subarray(32);
  return createHash('sha256').update(data).digest().equals(file.subarray(0, 32)) ? data : undefined;
}
