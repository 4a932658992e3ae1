/**
 * One build after validation: plan the jobs, skip those whose inputs and files are
 * unchanged, render the rest on the runner (a worker pool), and only when every job
 * succeeded move the new files into place, remove the files this build no longer
 * produces, and write the manifest. Any error leaves the output folder as it was.
 */
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { countBySeverity, diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { MergedProfile } from '../profiles/model.js';
import { sweepTemps, writeFileAtomic } from './atomic-write.js';
import { artifactPath, type ArtifactFormat } from './formats.js';
import { documentHash, jobInputHash, profileHash, toolFingerprint } from './inputs.js';
import {
  MANIFEST_FILE,
  emptyManifest,
  readManifest,
  serializeManifest,
  type ManifestArtifact,
  type ManifestJob,
} from './manifest.js';
import { compareIds, jobKey, planJobs, type BuildJob } from './plan.js';
import { selects, type Selection } from './selection.js';
import { StatCache } from './stat-cache.js';
import { pruneStripStore, STRIP_STORE_DIR } from './strip-store.js';
import { OutputTransaction } from './transaction.js';

export type ArtifactStatus = 'written' | 'unchanged' | 'removed';

export interface ArtifactReport extends ManifestArtifact {
  status: ArtifactStatus;
}

/** What a worker is asked to do: render one job into temporaries inside `dir`. */
export interface RenderRequest {
  job: BuildJob;
  /** Absolute folder of the job's files (`out/<municipality>`), already created. */
  dir: string;
}

export interface RenderedFile {
  format: ArtifactFormat;
  /** Absolute path of the temporary holding the file's bytes. */
  temp: string;
  bytes: number;
  sha256: string;
}

export interface RenderResult {
  files: RenderedFile[];
  diagnostics: Diagnostic[];
  /** Milliseconds per step (layout, pdf, svg, png …), for the summary and the benchmark. */
  timings?: Record<string, number>;
}

/** Time spent per document kind and step over all rendered jobs. */
export type StepTimings = Record<string, Record<string, { count: number; ms: number }>>;

export interface JobRunner {
  run(request: RenderRequest): Promise<RenderResult>;
  close(): Promise<void>;
}

export interface BuildDocument {
  id: string;
  kind: string;
  /** Source file, hashed for incrementality and named by render failures. */
  file: string;
}

export interface BuildInput {
  contentRoot: string;
  outDir: string;
  documents: readonly BuildDocument[];
  profiles: readonly MergedProfile[];
  selection: Selection;
  force: boolean;
  creationDate: Date;
  /** `folderpers <version>`, recorded in the manifest. */
  generator: string;
  /**
   * Called only when something has to be rendered, so an unchanged rebuild starts no
   * workers; gets the jobs so it can size the pool and send workers only what they need.
   */
  createRunner: (jobs: readonly BuildJob[]) => JobRunner;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface BuildOutcome {
  diagnostics: Diagnostic[];
  /** Every artifact of the selection, plus those removed; sorted by path. Empty when the build failed. */
  artifacts: ArtifactReport[];
  jobs: { planned: number; rendered: number; skipped: number };
  timings: StepTimings;
  manifestWritten: boolean;
}

export async function runBuildJobs(input: BuildInput): Promise<BuildOutcome> {
  const outDir = input.outDir;
  const diagnostics: Diagnostic[] = [];
  const jobs = planJobs(
    input.profiles.map((p) => p.id),
    input.documents,
    input.selection,
  );
  const inputs = await hashJobs(input, jobs);

  const manifestFile = join(outDir, MANIFEST_FILE);
  const previous = await readManifest(manifestFile);
  if (previous.status === 'invalid') {
    diagnostics.push(
      diagnostic(
        fileStart(manifestFile),
        'build/manifest-invalid',
        `${MANIFEST_FILE} could not be read (${previous.reason}); rendering everything and removing no old files`,
        'warning',
      ),
    );
  }
  const old = previous.status === 'ok' ? previous.manifest : emptyManifest(input.generator);
  const oldArtifacts = new Map(old.artifacts.map((a) => [a.path, a]));
  const stats = await StatCache.load(outDir);
  const oldInputs = new Map(old.jobs.map((j) => [jobKey(j), j.inputs]));

  const reports: ArtifactReport[] = [];
  const toRender: BuildJob[] = [];
  await mapConcurrent(jobs, 8, async (job) => {
    const entries = job.formats.map((f) => oldArtifacts.get(artifactPath(job.municipality, job.document, f)));
    const reusable =
      !input.force &&
      oldInputs.get(jobKey(job)) === inputs.get(jobKey(job)) &&
      entries.every((e) => e !== undefined) &&
      (await everyAsync(entries as ManifestArtifact[], (e) => stats.isIntact(e)));
    if (reusable) for (const e of entries as ManifestArtifact[]) reports.push({ ...e, status: 'unchanged' });
    else toRender.push(job);
  });

  const tx = new OutputTransaction(outDir);
  const timings: StepTimings = {};
  // Temporaries of a killed build go on every build, also one that has nothing to render.
  await sweepLeftovers(outDir);
  if (toRender.length > 0) {
    // Longest first (infographics render four formats, PNGs the costliest), so the last
    // jobs to finish are short ones and no worker idles long at the end. Order only
    // changes when files are made, never what is in them.
    toRender.sort((a, b) => b.formats.length - a.formats.length || compareIds(jobKey(a), jobKey(b)));
    try {
      for (const municipality of new Set(toRender.map((j) => j.municipality))) await tx.ensureDir(join(outDir, municipality));
    } catch (err) {
      await tx.rollback();
      diagnostics.push(writeFailure(outDir, err));
      return { diagnostics, artifacts: [], jobs: jobSummary(jobs, toRender), timings, manifestWritten: false };
    }
    const runner = input.createRunner(toRender);
    let done = 0;
    input.onProgress?.({ done, total: toRender.length });
    try {
      const results = await Promise.all(
        toRender.map((job) =>
          runner
            .run({ job, dir: join(outDir, job.municipality) })
            .catch((err: Error): RenderResult => ({ files: [], diagnostics: [renderFailure(input, job, err)] }))
            .then((result) => {
              done += 1;
              input.onProgress?.({ done, total: toRender.length });
              return { job, result };
            }),
        ),
      );
      for (const { job, result } of results) {
        diagnostics.push(...result.diagnostics);
        addTimings(timings, job.kind, result.timings);
        for (const file of result.files) {
          const entry: ManifestArtifact = {
            municipality: job.municipality,
            document: job.document,
            format: file.format,
            path: artifactPath(job.municipality, job.document, file.format),
            bytes: file.bytes,
            sha256: file.sha256,
          };
          const before = oldArtifacts.get(entry.path);
          // Same bytes as the file already there: keep that file (and its mtime) untouched.
          const same = before?.sha256 === entry.sha256 && before.bytes === entry.bytes && (await stats.isIntact(before));
          if (same) tx.discard(file.temp);
          else tx.stage(file.temp, join(outDir, ...entry.path.split('/')));
          reports.push({ ...entry, status: same ? 'unchanged' : 'written' });
        }
      }
    } finally {
      await runner.close();
    }
  }

  if (countBySeverity(diagnostics).errors > 0) {
    await tx.rollback();
    return { diagnostics, artifacts: [], jobs: jobSummary(jobs, toRender), timings, manifestWritten: false };
  }

  const produced = new Set(reports.map((r) => r.path));
  const removed = old.artifacts.filter((a) => selects(input.selection, a.municipality, a.document) && !produced.has(a.path));
  for (const a of removed) reports.push({ ...a, status: 'removed' });

  const next = {
    ...emptyManifest(input.generator),
    artifacts: [
      ...old.artifacts.filter((a) => !selects(input.selection, a.municipality, a.document)),
      ...reports.filter((r) => r.status !== 'removed').map(({ status: _status, ...entry }) => entry),
    ],
    jobs: [
      ...old.jobs.filter((j) => !selects(input.selection, j.municipality, j.document)),
      ...jobs.map((job): ManifestJob => ({ municipality: job.municipality, document: job.document, inputs: inputs.get(jobKey(job))! })),
    ],
  };

  const text = serializeManifest(next);
  let manifestWritten = previous.status !== 'ok' || previous.text !== text;
  try {
    // Before any file is replaced or removed, a manifest without the entries about to
    // change: at every moment, each file the manifest on disk lists matches its sha256,
    // even when the build is killed between the renames and the final manifest.
    const changing = new Set([...tx.finals().map((f) => relativeArtifactPath(outDir, f)), ...removed.map((a) => a.path)]);
    if (previous.status === 'ok' && old.artifacts.some((a) => changing.has(a.path))) {
      const interim = { ...old, artifacts: old.artifacts.filter((a) => !changing.has(a.path)) };
      await writeFileAtomic(manifestFile, serializeManifest(interim));
      manifestWritten = true;
    }
    await tx.commit();
    await removeArtifacts(outDir, removed);
    if (manifestWritten) await writeFileAtomic(manifestFile, text);
  } catch (err) {
    await tx.rollback();
    diagnostics.push(writeFailure(outDir, err));
    return { diagnostics, artifacts: [], jobs: jobSummary(jobs, toRender), timings, manifestWritten: false };
  }
  try {
    for (const r of reports) if (r.status === 'written') await stats.record(r);
    await stats.save(next.artifacts.map((a) => a.path));
  } catch (err) {
    // Only the local record of verified files: the output itself is complete.
    diagnostics.push({ ...writeFailure(outDir, err), severity: 'warning', rule: 'build/cache-not-written' });
  }

  // The renderers' strip store only grows while jobs render; keep it within its budget.
  if (toRender.length > 0) await pruneStripStore(join(outDir, STRIP_STORE_DIR));

  reports.sort((a, b) => compareIds(a.path, b.path));
  return { diagnostics, artifacts: reports, jobs: jobSummary(jobs, toRender), timings, manifestWritten };
}

async function hashJobs(input: BuildInput, jobs: readonly BuildJob[]): Promise<Map<string, string>> {
  const tool = await toolFingerprint();
  const creationDate = input.creationDate.toISOString();
  const documents = new Map<string, string>();
  for (const doc of input.documents) {
    if (jobs.some((j) => j.document === doc.id)) documents.set(doc.id, await documentHash(doc.file));
  }
  const wanted = new Set(jobs.map((j) => j.municipality));
  const profiles = new Map<string, string>();
  await mapConcurrent(
    input.profiles.filter((p) => wanted.has(p.id)),
    16,
    async (p) => void profiles.set(p.id, await profileHash(p, input.contentRoot)),
  );
  return new Map(
    jobs.map((job) => [
      jobKey(job),
      jobInputHash({ tool, creationDate, document: documents.get(job.document)!, profile: profiles.get(job.municipality)! }),
    ]),
  );
}

/**
 * Temporaries of a killed build: in the output folder (manifest, stat cache) and in each
 * folder directly below it (the municipalities' files), whatever this build renders.
 */
async function sweepLeftovers(outDir: string): Promise<void> {
  await sweepTemps(outDir);
  const entries = await readdir(outDir, { withFileTypes: true }).catch(() => []);
  await mapConcurrent(
    entries.filter((e) => e.isDirectory()),
    16,
    async (e) => void (await sweepTemps(join(outDir, e.name))),
  );
}

/** `out/<municipality>/<file>` as the manifest's path. */
function relativeArtifactPath(outDir: string, file: string): string {
  return relative(outDir, file).split(sep).join('/');
}

/** A write that failed while putting files in place (disk full, no permission): an error, never a crash. */
function writeFailure(outDir: string, err: unknown): Diagnostic {
  const e = err as NodeJS.ErrnoException;
  const file = typeof e.path === 'string' ? e.path : outDir;
  const reason = String(e.message ?? err).split('\n')[0];
  return diagnostic(
    fileStart(file),
    'build/write-failed',
    `could not write the output folder ${outDir}: ${reason}; files not yet replaced were left as they were, and the next build finishes the job`,
  );
}

/** Deletes files the manifest says this tool wrote, and municipality folders left empty. */
async function removeArtifacts(outDir: string, removed: readonly ManifestArtifact[]): Promise<void> {
  const dirs = new Set<string>();
  for (const a of removed) {
    const file = join(outDir, ...a.path.split('/'));
    await unlink(file).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    dirs.add(dirname(file));
  }
  // rmdir refuses a folder that still holds anything, which is exactly the rule wanted here.
  for (const dir of dirs) await rmdir(dir).catch(() => undefined);
}

function renderFailure(input: BuildInput, job: BuildJob, err: Error): Diagnostic {
  const doc = input.documents.find((d) => d.id === job.document);
  return diagnostic(
    fileStart(doc?.file ?? job.document),
    'build/render-failed',
    `could not render ${job.document} for ${job.municipality}: ${err.message}`,
  );
}

function addTimings(into: StepTimings, kind: string, steps: Record<string, number> | undefined): void {
  const perKind = (into[kind] ??= {});
  for (const [step, ms] of Object.entries(steps ?? {})) {
    const t = (perKind[step] ??= { count: 0, ms: 0 });
    t.count += 1;
    t.ms += ms;
  }
}

function jobSummary(jobs: readonly BuildJob[], rendered: readonly BuildJob[]): BuildOutcome['jobs'] {
  return { planned: jobs.length, rendered: rendered.length, skipped: jobs.length - rendered.length };
}

async function everyAsync<T>(items: readonly T[], test: (item: T) => Promise<boolean>): Promise<boolean> {
  for (const item of items) if (!(await test(item))) return false;
  return true;
}

/** `fn` over `items` with at most `limit` running at once (bounded file reads). */
async function mapConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
