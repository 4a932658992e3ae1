/**
 * The real JobRunner: a WorkerPool running worker.js: its bundle when the CLI runs bundled
 * (src/bundle/), else the compiled JavaScript beside this file (dist/src/build/worker.js),
 * found relative to this module so the CLI works from any working directory and when
 * installed as a package.
 *
 * A runner can be started before validation with warm workers: they load the renderers
 * and fonts on a spare core while the main thread validates. If nothing needs rendering
 * they are simply closed.
 */
import { availableParallelism } from 'node:os';
import { workerScript } from '../bundle/worker-script.js';
import type { DocumentModel } from '../content/model.js';
import type { LoadedProfile } from '../profiles/model.js';
import type { JobRunner, RenderRequest, RenderResult } from './build.js';
import type { BuildJob } from './plan.js';
import { WorkerPool } from './pool.js';
import type { WorkerInit } from './worker.js';

const WORKER_SCRIPT = workerScript('build-worker', new URL('./worker.js', import.meta.url));

/**
 * A worker started after validation needs ~1 s (loading the renderers, its warm-up, cold
 * caches) before it is as quick as the warm one, which renders a job in 0.05–0.3 s: a
 * further worker only pays off from about this many jobs each.
 */
const JOBS_PER_WORKER = 8;

/** How many of `workers` a build of `jobs` jobs uses. */
export function workersFor(jobs: number, workers: number): number {
  return Math.max(1, Math.min(workers, Math.ceil(jobs / JOBS_PER_WORKER)));
}

export class WorkerRunner implements JobRunner {
  private readonly pool: WorkerPool<RenderRequest, RenderResult>;
  /** What the build validated, and which of it the workers were sent (`prepare`, `extend`). */
  private data: { documents: readonly DocumentModel[]; profiles: readonly LoadedProfile[] } = { documents: [], profiles: [] };
  private readonly sent = { documents: new Set<string>(), profiles: new Set<string>() };

  /** Starts `warm` workers now; more are started by `prepare` when the jobs are known. */
  constructor(warm: number) {
    this.pool = new WorkerPool(WORKER_SCRIPT, warm);
  }

  /** Sizes the pool for `jobs` and sends the workers only the data these jobs need. */
  prepare(options: {
    jobs: readonly BuildJob[];
    workers: number;
    documents: readonly DocumentModel[];
    profiles: readonly LoadedProfile[];
    creationDate: Date;
    stripStore: WorkerInit['stripStore'] | undefined;
    kindModules: readonly string[];
  }): this {
    const size = workersFor(options.jobs.length, options.workers);
    this.data = options;
    this.sent.documents.clear();
    this.sent.profiles.clear();
    const init: WorkerInit = {
      // A one-profile rebuild should not clone 342 profiles into every worker.
      ...this.unsent(options.jobs),
      creationDate: options.creationDate.toISOString(),
      sharpThreads: Math.max(1, Math.floor(availableParallelism() / size)),
      stripStore: options.stripStore,
      kindModules: [...options.kindModules],
    };
    this.pool.grow(size);
    // A worker waits for librsvg and libvips about a third of a long build; holding a
    // second job it draws that one meanwhile (40 municipalities with --jobs 1: 7.86 ->
    // 6.99 s; the national set with --jobs 2: 46.8 -> 41.4 s). A few jobs are better one
    // at a time: two first runs of the code compete (cold --municipality X: 681 -> 712 ms).
    // Decided on the first jobs sent; jobs sent later (build.ts) do not change it.
    this.pool.holdTwo(options.jobs.length / size >= JOBS_PER_WORKER);
    this.pool.setup(init);
    return this;
  }

  /**
   * Validation passed, so jobs will probably follow: the warm workers stop warming up at
   * their next step instead of when the first job comes. Checking the records of a large
   * out/ takes a few hundred ms, and a warm-up step still running when the job comes
   * delays it (a one-profile rebuild of 342 municipalities waited ~0.3 s).
   */
  jobsComing(): void {
    this.pool.announceTasks();
  }

  /** Jobs found after `prepare` (their files did not match the records): their data goes to the workers first. */
  extend(jobs: readonly BuildJob[]): void {
    const more = this.unsent(jobs);
    if (more.documents.length > 0 || more.profiles.length > 0) this.pool.extend(more);
  }

  /** The documents and profiles `jobs` need that the workers were not sent yet, marked as sent. */
  private unsent(jobs: readonly BuildJob[]): Pick<WorkerInit, 'documents' | 'profiles'> {
    const municipalities = new Set(jobs.map((j) => j.municipality));
    const documents = new Set(jobs.map((j) => j.document));
    const more = {
      documents: this.data.documents.filter((d) => documents.has(d.id) && !this.sent.documents.has(d.id)),
      profiles: this.data.profiles.filter((p) => municipalities.has(p.profile.id) && !this.sent.profiles.has(p.profile.id)),
    };
    for (const d of more.documents) this.sent.documents.add(d.id);
    for (const p of more.profiles) this.sent.profiles.add(p.profile.id);
    return more;
  }

  run(request: RenderRequest): Promise<RenderResult> {
    return this.pool.run(request);
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
