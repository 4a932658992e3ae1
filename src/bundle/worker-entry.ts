/** A worker thread's entry when the CLI runs bundled (worker-script.ts): its own bundle, from the code cache. */
import { workerData } from 'node:worker_threads';
import type { BundleName } from './bundles.js';
import { runBundle } from './run-bundle.js';

runBundle((workerData as { bundle: BundleName }).bundle);
