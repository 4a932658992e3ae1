/**
 * `validate` lays out what `build` would: every selected municipality × document, through
 * the build's own code up to the point of drawing (src/build/lay-out-job.ts), so text that
 * overflows its page or box, a character the font lacks and a contact detail the layout
 * would hide are found here and not only by `build`.
 *
 * The layout runs on worker threads (layout-worker.ts), started before the content is
 * read so they load the fonts meanwhile, and given the leaflets as soon as documents and
 * profiles are loaded, while the main thread still runs the content rules. Only then is
 * it known which leaflets have an error in their document or profile: theirs are not
 * reported (their problem is reported where it is written, and the layout would only
 * report its consequences), nor is a failure to lay them out at all.
 */
import { availableParallelism } from 'node:os';
import { join, sep } from 'node:path';
import { workerScript } from '../bundle/worker-script.js';
import type { DocumentModel } from '../content/model.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import { oncePerPlace, type JobDiagnostics } from '../build/job-diagnostics.js';
import { planJobs, printing, type BuildJob } from '../build/plan.js';
import { WorkerPool } from '../build/pool.js';
import { kindModules } from '../kinds/registry.js';
import type { LoadedProfile } from '../profiles/model.js';
import type { LayoutReply, LayoutRequest, LayoutWorkerInit } from './layout-worker.js';

const WORKER_SCRIPT = workerScript('layout-worker', new URL('./layout-worker.js', import.meta.url));

export interface LayoutStart {
  documents: readonly DocumentModel[];
  profiles: readonly LoadedProfile[];
  /** Only these document ids (all when empty). */
  selected: readonly string[];
  creationDate: Date;
}

export interface LayoutFinish {
  root: string;
  /** Every diagnostic of validation: leaflets whose files have an error are left out. */
  diagnostics: readonly Diagnostic[];
}

export class LayoutCheck {
  private readonly pool: WorkerPool<LayoutRequest, LayoutReply>;
  private replies: Promise<LayoutReply[]> = Promise.resolve([]);
  private documents: readonly DocumentModel[] = [];
  private profileFiles = new Map<string, string>();

  /**
   * Starts the workers; they load while the content is read. One core stays for this
   * thread's rules: on two cores a second worker costs more (its own module load, fonts and
   * shaping cache) than it saves.
   */
  constructor() {
    this.pool = new WorkerPool(WORKER_SCRIPT, Math.max(1, Math.min(2, availableParallelism() - 1)));
  }

  /** Hands the workers every selected leaflet, one request per document, the longest first. */
  start(input: LayoutStart): void {
    this.documents = input.documents;
    this.profileFiles = new Map(input.profiles.map((p) => [p.profile.id, p.file]));
    const jobs = planJobs(
      input.profiles.map((p) => p.profile.id),
      input.documents,
      { municipalities: [], documents: input.selected },
      printing({ profiles: input.profiles.map((p) => p.profile) }),
    );
    const init: LayoutWorkerInit = {
      documents: [...input.documents],
      profiles: [...input.profiles],
      creationDate: input.creationDate.toISOString(),
      kindModules: kindModules(),
    };
    this.pool.setup(init);
    const byDocument = new Map<string, BuildJob[]>();
    for (const job of jobs) (byDocument.get(job.document) ?? byDocument.set(job.document, []).get(job.document)!).push(job);
    const size = (id: string) => JSON.stringify(input.documents.find((d) => d.id === id)).length;
    const requests = [...byDocument.entries()].sort(([a], [b]) => size(b) - size(a)).map(([, list]) => list);
    this.replies = Promise.all(requests.map((r) => this.pool.run(r)));
    // Awaited by finish(); when validation ends before it, the closed pool's rejection is nobody's concern.
    this.replies.catch(() => undefined);
  }

  /** The layout's diagnostics of the leaflets whose document and profile have no error, once per place. */
  async finish(input: LayoutFinish): Promise<Diagnostic[]> {
    try {
      const failed = new Set(input.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file));
      const own = (id: string) => join(input.root, 'municipalities', id) + sep;
      const defaults = join(input.root, 'defaults.yaml');
      const clean = (job: BuildJob) => {
        const doc = this.documents.find((d) => d.id === job.document)!;
        return (
          !failed.has(doc.file) &&
          !failed.has(defaults) &&
          !failed.has(this.profileFiles.get(job.municipality)!) &&
          ![...failed].some((f) => f.startsWith(own(job.municipality)))
        );
      };
      const results: JobDiagnostics[] = [];
      for (const reply of (await this.replies).flat()) {
        if (!clean(reply.job)) continue;
        if ('error' in reply) {
          const doc = this.documents.find((d) => d.id === reply.job.document)!;
          results.push({
            job: reply.job,
            diagnostics: [diagnostic(fileStart(doc.file), 'build/render-failed', `could not lay out ${reply.job.document} for ${reply.job.municipality}: ${reply.error}`)],
          });
        } else results.push(reply);
      }
      return oncePerPlace(results);
    } finally {
      await this.close();
    }
  }

  /** Stops the workers (also when validation ends early, so they never keep the process alive). */
  close(): Promise<void> {
    return this.pool.close();
  }
}
