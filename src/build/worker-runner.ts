/**
 * The real JobRunner: a WorkerPool running worker.js. The worker is compiled JavaScript
 * beside this file (dist/src/build/worker.js), found relative to this module so the CLI
 * works from any working directory and when installed as a package.
 */
import { availableParallelism } from 'node:os';
import type { DocumentModel } from '../content/model.js';
import type { LoadedProfile } from '../profiles/model.js';
import type { JobRunner, RenderRequest, RenderResult } from './build.js';
import type { BuildJob } from './plan.js';
import { WorkerPool } from './pool.js';
import type { WorkerInit } from './worker.js';

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

export function createWorkerRunner(options: {
  jobs: readonly BuildJob[];
  workers: number;
  documents: readonly DocumentModel[];
  profiles: readonly LoadedProfile[];
  creationDate: Date;
}): JobRunner {
  const size = Math.max(1, Math.min(options.workers, options.jobs.length));
  const municipalities = new Set(options.jobs.map((j) => j.municipality));
  const documents = new Set(options.jobs.map((j) => j.document));
  const init: WorkerInit = {
    // Only what these jobs need: a one-profile rebuild should not clone 342 profiles per worker.
    documents: options.documents.filter((d) => documents.has(d.id)),
    profiles: options.profiles.filter((p) => municipalities.has(p.profile.id)),
    creationDate: options.creationDate.toISOString(),
    sharpThreads: Math.max(1, Math.floor(availableParallelism() / size)),
  };
  const pool = new WorkerPool<RenderRequest, RenderResult>(WORKER_SCRIPT, size, init);
  return { run: (request) => pool.run(request), close: () => pool.close() };
}
