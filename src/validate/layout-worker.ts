/**
 * A thread that lays out leaflets for `validate` (layout.ts) with the build's own code
 * (src/build/lay-out-job.ts), nothing drawn. It loads the layout and the bundled fonts as
 * soon as it starts, while the main thread still reads and checks the content, and keeps
 * its shaping cache for all the leaflets of the documents it is given.
 */
import { parentPort } from 'node:worker_threads';
import { admitCheckedAsset } from '../assets/checked.js';
import type { DocumentModel } from '../content/model.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { BuildJob } from '../build/plan.js';
import type { WorkerMessage, WorkerReply } from '../build/pool.js';
import { layOutJob, layoutEnv } from '../build/lay-out-job.js';
import { registerKindModule } from '../kinds/registry.js';
import { codeCacheCheckpoint } from '../bundle/checkpoint.js';
import { defaultFontFiles, loadFontSet } from '../layout/text/index.js';
import type { LoadedProfile } from '../profiles/model.js';

export interface LayoutWorkerInit {
  documents: DocumentModel[];
  profiles: LoadedProfile[];
  /** ISO date the layouts print. */
  creationDate: string;
  kindModules: string[];
}

/** One request: jobs of one document, so its words are shaped once in this thread. */
export type LayoutRequest = BuildJob[];

/** Per job: its diagnostics, or why it could not be laid out at all. */
export type LayoutReply = Array<{ job: BuildJob; diagnostics: Diagnostic[] } | { job: BuildJob; error: string }>;

// Parsing the fonts is most of what the first leaflet would otherwise wait for.
loadFontSet(defaultFontFiles());

let documents = new Map<string, DocumentModel>();
let profiles = new Map<string, LoadedProfile>();
let creationDate = new Date(0);
let ready: Promise<unknown> = Promise.resolve();

function setup(init: LayoutWorkerInit): void {
  ready = Promise.all(init.kindModules.map((url) => registerKindModule(url)));
  documents = new Map(init.documents.map((d) => [d.id, d]));
  profiles = new Map(init.profiles.map((p) => [p.profile.id, p]));
  for (const p of init.profiles) for (const [path, bytes] of Object.entries(p.assets)) admitCheckedAsset(path, bytes);
  creationDate = new Date(init.creationDate);
}

async function handle(jobs: LayoutRequest): Promise<LayoutReply> {
  await ready;
  const env = layoutEnv(creationDate);
  const reply: LayoutReply = [];
  for (const job of jobs) {
    try {
      const laidOut = await layOutJob(documents.get(job.document)!, profiles.get(job.municipality)!, job.formats, env);
      reply.push({ job, diagnostics: laidOut.diagnostics });
    } catch (err) {
      reply.push({ job, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return reply;
}

parentPort!.on('message', (message: WorkerMessage<LayoutRequest>) => {
  if ('setup' in message) return setup(message.setup as LayoutWorkerInit);
  // This worker does not ready itself ahead of its tasks (nothing to stop), and its setup
  // has everything its tasks need.
  if ('tasksComing' in message || 'more' in message) return;
  const { id, request } = message;
  handle(request).then(
    (result) => {
      parentPort!.postMessage({ id, ok: true, result } satisfies WorkerReply<LayoutReply>);
      codeCacheCheckpoint();
    },
    (err: unknown) => parentPort!.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply<LayoutReply>),
  );
});
