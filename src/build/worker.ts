/**
 * A build worker thread. It loads the renderers and fonts as soon as it starts (while the
 * main thread still validates), receives the validated documents and the profiles it may
 * need once (`setup`), keeps fonts, templates and shaping caches for all its jobs, and
 * for each job renders every format to memory, then writes each file to a temporary beside
 * its final place and reports names, sizes and hashes. The main thread decides whether
 * the temporaries become the output.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { admitCheckedAsset } from '../assets/checked.js';
import type { DocumentModel } from '../content/model.js';
import type { LoadedProfile } from '../profiles/model.js';
import { useShippedStrips, useStripStore } from '../render/png/index.js';
import { shippedStrips } from '../render/png/shipped-strips.js';
import { writeTemp } from './atomic-write.js';
import type { RenderRequest, RenderResult, RenderedFile, StripStoreInit } from './build.js';
import { sha256 } from './hash.js';
import type { WorkerMessage, WorkerReply } from './pool.js';
import { renderJob, warmUp } from './render-job.js';
import { SHIPPED_STRIPS_DIR, SHIPPED_WARM_UP_DIR, useShipped } from './tool-root.js';
import { readWarmUpSet } from './warm-up-set.js';
import { fileStripStore, type ReportingStripStore } from './strip-store.js';
import { registerKindModule } from '../kinds/registry.js';
import { mark } from './trace.js';
import { codeCacheCheckpoint } from '../bundle/checkpoint.js';

mark('worker: modules loaded');

export interface WorkerInit {
  documents: DocumentModel[];
  profiles: LoadedProfile[];
  /** ISO date for every PDF's CreationDate. */
  creationDate: string;
  /** libvips threads per worker, so N workers do not each start a thread per core. */
  sharpThreads: number;
  /** Folder that keeps measured PNG strips between builds and the strips in it to trust (see strip-store.ts); none: no store. */
  stripStore?: StripStoreInit | undefined;
  /** Kind modules the main thread registered beyond the bundled kinds (src/kinds/registry.ts). */
  kindModules: string[];
}

// The bundled documents' strips, measured when the tool was built (compile-shipped.ts).
useShippedStrips(useShipped() ? shippedStrips(SHIPPED_STRIPS_DIR) : undefined);

/** Set when the main thread says jobs will follow, or one came: the warm-up stops at its next step. */
let jobsComing = false;

// A failed or cut-short warm-up only means the first job fills the caches itself.
const warm = warmUp(() => jobsComing, useShipped() ? readWarmUpSet(SHIPPED_WARM_UP_DIR) : undefined)
  .catch(() => undefined)
  .then(() => mark('worker: warmed up'));

let documents = new Map<string, DocumentModel>();
let profiles = new Map<string, LoadedProfile>();
let creationDate = new Date(0);
let store: ReportingStripStore | undefined;

/** Settles once the worker has its data and the kinds the main thread registered. */
let ready: Promise<unknown> = Promise.resolve();

function setup(init: WorkerInit): void {
  sharp.concurrency(init.sharpThreads);
  store = init.stripStore && fileStripStore(init.stripStore.dir, init.stripStore);
  // Used once the warm-up is over: strips of the warm-up's pages are not the build's to keep.
  const jobStore = store;
  ready = Promise.all([...init.kindModules.map((url) => registerKindModule(url)), warm.then(() => useStripStore(jobStore))]);
  documents = new Map();
  profiles = new Map();
  add(init);
  creationDate = new Date(init.creationDate);
}

/** Documents and profiles for this build's jobs: those of the setup, and more for jobs found later. */
function add(data: Pick<WorkerInit, 'documents' | 'profiles'>): void {
  for (const d of data.documents) documents.set(d.id, d);
  for (const p of data.profiles) profiles.set(p.profile.id, p);
  // Logos and house fonts as validation checked them: this worker never reads them from disk.
  for (const p of data.profiles) for (const [path, bytes] of Object.entries(p.assets)) admitCheckedAsset(path, bytes);
}

async function handle({ job, dir }: RenderRequest): Promise<RenderResult> {
  await warm;
  await ready;
  const doc = documents.get(job.document);
  const profile = profiles.get(job.municipality);
  if (!doc || !profile) throw new Error(`worker has no ${doc ? 'profile' : 'document'} for ${job.municipality}/${job.document}`);
  mark(`worker: job ${job.document} starts`);
  const rendered = await renderJob(doc, profile, job.formats, { creationDate });
  // What the store saw since the last drain: with two jobs held, some of it may be the
  // other one's, which reports the rest. The build only ever uses all reports together.
  const strips = store?.drain();
  if (rendered.diagnostics.some((d) => d.severity === 'error')) {
    return { files: [], diagnostics: rendered.diagnostics, timings: rendered.timings, strips };
  }
  const started = performance.now();
  const files: RenderedFile[] = [];
  try {
    for (const { format, data } of rendered.files) {
      const temp = await writeTemp(join(dir, `${job.document}.${format}`), data);
      files.push({ format, temp, bytes: data.byteLength, sha256: sha256(data) });
    }
  } catch (err) {
    await Promise.all(files.map((f) => unlink(f.temp).catch(() => undefined)));
    throw err;
  }
  rendered.timings.write = performance.now() - started;
  mark(`worker: job ${job.document} written`);
  return { files, diagnostics: rendered.diagnostics, timings: rendered.timings, strips };
}

parentPort!.on('message', (message: WorkerMessage<RenderRequest>) => {
  if ('setup' in message) return setup(message.setup as WorkerInit);
  if ('more' in message) return add(message.more as Pick<WorkerInit, 'documents' | 'profiles'>);
  jobsComing = true;
  if ('tasksComing' in message) return;
  const { id, request } = message;
  handle(request).then(
    (result) => {
      parentPort!.postMessage({ id, ok: true, result } satisfies WorkerReply<RenderResult>);
      codeCacheCheckpoint();
    },
    (err: unknown) =>
      parentPort!.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply<RenderResult>),
  );
});
