/**
 * Where a worker thread starts: from bundled code, the worker's own bundle (through
 * worker-entry.js, with its code cache); otherwise (tests, `main()` imported from
 * dist/src) the module beside its caller.
 */
import { availableParallelism } from 'node:os';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { mark } from '../build/trace.js';
import { RUNNING_BUNDLED, type BundleName } from './bundles.js';

export interface WorkerScript {
  url: URL;
  options: WorkerOptions;
}

export function workerScript(bundle: BundleName, unbundled: URL): WorkerScript {
  if ((globalThis as Record<symbol, unknown>)[RUNNING_BUNDLED] !== true) return { url: unbundled, options: {} };
  return bundledScript(bundle);
}

function bundledScript(bundle: BundleName): WorkerScript {
  return { url: new URL('./worker-entry.js', import.meta.url), options: { workerData: { bundle } } };
}

/** A worker the launcher started before the CLI's bundle was compiled, until a pool takes it. */
interface Prestarted {
  worker: Worker;
  url: string;
  bundle: BundleName;
  exited: boolean;
}

/** On globalThis: the launcher's copy of this module and the CLI bundle's copy are two modules. */
const PRESTARTED = Symbol.for('folderpers.prestartedWorker');

/**
 * Starts a bundled worker now, from the launcher (bin/folderpers.js), for the pool the
 * command will make: the worker boots and compiles its bundle while this thread compiles
 * the CLI's (~0.15 s that a build's worker, the longest path of a small build, no longer
 * waits). Only with a spare core, as `build` starts its warm worker. Unreferenced until a
 * pool takes it, so a command that never does (a usage error, `--help`, nothing to
 * render) still exits when its work is done, and its errors are the pool's to report.
 */
export function prestartWorker(bundle: BundleName): void {
  if (availableParallelism() < 2) return;
  const script = bundledScript(bundle);
  const worker = new Worker(script.url, script.options);
  worker.unref();
  const started: Prestarted = { worker, url: script.url.href, bundle, exited: false };
  // An error before a pool listens ends the worker, and a dead one is never taken.
  worker.on('error', () => undefined);
  worker.once('exit', () => void (started.exited = true));
  (globalThis as Record<symbol, unknown>)[PRESTARTED] = started;
  mark(`${bundle} worker prestarted`);
}

/** The prestarted worker if it runs `script` and is alive, referenced again; once. */
export function takePrestarted(script: WorkerScript): Worker | undefined {
  const slots = globalThis as Record<symbol, unknown>;
  const started = slots[PRESTARTED] as Prestarted | undefined;
  const bundle = (script.options.workerData as { bundle?: unknown } | undefined)?.bundle;
  if (!started || started.exited || started.url !== script.url.href || started.bundle !== bundle) return undefined;
  delete slots[PRESTARTED];
  started.worker.ref();
  mark(`${started.bundle} worker taken`);
  return started.worker;
}
