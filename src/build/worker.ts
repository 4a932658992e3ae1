/**
 * A build worker thread. It receives the validated documents and the profiles it may need
 * once (workerData), keeps fonts, templates and shaping caches loaded for all its jobs, and
 * for each job renders every format to memory, then writes each file to a temporary beside
 * its final place and reports names, sizes and hashes. The main thread decides whether
 * the temporaries become the output.
 */
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { DocumentModel } from '../content/model.js';
import type { LoadedProfile } from '../profiles/model.js';
import { writeTemp } from './atomic-write.js';
import type { RenderRequest, RenderResult, RenderedFile } from './build.js';
import { sha256 } from './hash.js';
import type { WorkerReply } from './pool.js';
import { renderJob } from './render-job.js';

export interface WorkerInit {
  documents: DocumentModel[];
  profiles: LoadedProfile[];
  /** ISO date for every PDF's CreationDate. */
  creationDate: string;
  /** libvips threads per worker, so N workers do not each start a thread per core. */
  sharpThreads: number;
}

const init = workerData as WorkerInit;
sharp.concurrency(init.sharpThreads);
const documents = new Map(init.documents.map((d) => [d.id, d]));
const profiles = new Map(init.profiles.map((p) => [p.profile.id, p]));
const creationDate = new Date(init.creationDate);

async function handle({ job, dir }: RenderRequest): Promise<RenderResult> {
  const doc = documents.get(job.document);
  const profile = profiles.get(job.municipality);
  if (!doc || !profile) throw new Error(`worker has no ${doc ? 'profile' : 'document'} for ${job.municipality}/${job.document}`);
  const rendered = await renderJob(doc, profile, job.formats, { creationDate });
  if (rendered.diagnostics.some((d) => d.severity === 'error')) {
    return { files: [], diagnostics: rendered.diagnostics, timings: rendered.timings };
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
  return { files, diagnostics: rendered.diagnostics, timings: rendered.timings };
}

parentPort!.on('message', ({ id, request }: { id: number; request: RenderRequest }) => {
  handle(request).then(
    (result) => parentPort!.postMessage({ id, ok: true, result } satisfies WorkerReply<RenderResult>),
    (err: unknown) =>
      parentPort!.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply<RenderResult>),
  );
});
