/**
 * Where a worker thread starts: from bundled code, the worker's own bundle (through
 * worker-entry.js, with its code cache); otherwise (tests, `main()` imported from
 * dist/src) the module beside its caller.
 */
import type { WorkerOptions } from 'node:worker_threads';
import { RUNNING_BUNDLED, type BundleName } from './bundles.js';

export interface WorkerScript {
  url: URL;
  options: WorkerOptions;
}

export function workerScript(bundle: BundleName, unbundled: URL): WorkerScript {
  if ((globalThis as Record<symbol, unknown>)[RUNNING_BUNDLED] !== true) return { url: unbundled, options: {} };
  return { url: new URL('./worker-entry.js', import.meta.url), options: { workerData: { bundle } } };
}
