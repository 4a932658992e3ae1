/**
 * One build after validation: plan the jobs, skip those whose files the build's own
 * records prove unchanged for their inputs (see provenance.ts), render the rest on the
 * runner (a worker pool), and only when every job succeeded move the new files into
 * place, remove the files this build no longer produces, and write the manifest. Any
 * error leaves the output folder as it was.
 */
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { countBySeverity, diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { LoadedProfile } from '../profiles/model.js';
import { sweepTemps, writeFileAtomic, writeTemp } from './atomic-write.js';
import { CACHE_KEY_VARIABLE } from './cache-key.js';
import { artifactPath, type ArtifactFormat } from './formats.js';
import { sha256 } from './hash.js';
import { indexInputHash, indexInputs, manifestWarning, municipalityPageFor, reviewSiteFor, siteListings, warningMunicipality } from './site-files.js';
import { oncePerPlace } from './job-diagnostics.js';
import type { SiteDocument } from '../site/municipality-page.js';
import { documentHash, jobInputHash, profileHash, toolFingerprint } from './inputs.js';
import {
  MANIFEST_FILE,
  SITE_FILE,
  emptyManifest,
  readManifest,
  serializeManifest,
  type Manifest,
  type ManifestArtifact,
  type ManifestJob,
  type ManifestMunicipality,
  type ManifestWarning,
} from './manifest.js';
import { compareIds, jobKey, planIndexPages, planJobs, printing, selectsArtifact, type BuildJob } from './plan.js';

import type { Selection } from './selection.js';
import { outputPathProblems } from './output-paths.js';
import { Provenance, RECORDS_FILE, type StripReport } from './provenance.js';
import { kindOf, lstatOrUndefined } from './read-back.js';
import { STRIP_STORE_BUDGET, STRIP_STORE_DIR, type TrustedStrips } from './strip-store.js';
import { OutputTransaction } from './transaction.js';
import { mark } from './trace.js';
import { saveMemo } from './memo-file.js';
import type { ValidationMemo } from '../validate/memo/memo.js';

// For `build`, which loads this module after its warm worker started (src/cli/build-command.ts).
export { printing } from './plan.js';

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
  /** What the job's worker did with the strip store. */
  strips?: StripReport | undefined;
}

/** The strip store a runner's workers use: its folder and the strips in it to trust. */
export type StripStoreInit = { dir: string } & TrustedStrips;

/** Time spent per document kind and step over all rendered jobs. */
export type StepTimings = Record<string, Record<string, { count: number; ms: number }>>;

export interface JobRunner {
  run(request: RenderRequest): Promise<RenderResult>;
  /** Jobs found after the runner was created: it readies their data before they are run. */
  extend(jobs: readonly BuildJob[]): void;
  close(): Promise<void>;
}

/**
 * A document to build: in a real build its whole model as validation parsed it, which is
 * what the workers draw and what its jobs' input hash covers (inputs.ts).
 */
export interface BuildDocument {
  id: string;
  kind: string;
  /** Source file, named by render failures. */
  file: string;
  /** For the municipality pages and the review site (default: the id). */
  title?: string;
  description?: string | undefined;
}

/**
 * A municipality to build, as validation checked it: the parts of its LoadedProfile the
 * workers draw from, which its jobs' input hash covers (inputs.ts).
 */
export type BuildProfile = Pick<LoadedProfile, 'profile' | 'assets' | 'overrides' | 'tokens'>;

export interface BuildInput {
  contentRoot: string;
  outDir: string;
  documents: readonly BuildDocument[];
  profiles: readonly BuildProfile[];
  selection: Selection;
  force: boolean;
  /** `--print`: every municipality gets the print edition (a profile's `print: true` asks for its own). */
  print?: boolean | undefined;
  creationDate: Date;
  /** `folderpers <version>`, recorded in the manifest. */
  generator: string;
  /** FOLDERPERS_CACHE_KEY: seals the build's records, so they are still proof after out/ was restored (see provenance.ts). */
  cacheKey?: Buffer | undefined;
  /**
   * Called only when something has to be rendered, so an unchanged rebuild starts no
   * workers; gets the jobs so it can size the pool and send workers only what they need,
   * and the strip store (none when out/ has no usable place for it).
   */
  createRunner: (jobs: readonly BuildJob[], stripStore: StripStoreInit | undefined) => JobRunner;
  onProgress?: (progress: { done: number; total: number }) => void;
  /** Validation's warnings: the manifest keeps them for the review site, beside the municipality they concern. */
  warnings?: readonly Diagnostic[];
  /** Validation's memo of parses: kept beside the records when the build succeeds (memo-file.ts). */
  memo?: ValidationMemo;
  /** The tool's fingerprint and the records as read before validation (for the memo), used again while the records file is unchanged. */
  early?: { tool: string; provenance?: Provenance };
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
  const ids = input.profiles.map((p) => p.profile.id);
  const jobs = planJobs(ids, input.documents, input.selection, printing({ profiles: input.profiles.map((p) => p.profile), print: input.print }));
  const pages = planIndexPages(
    ids,
    input.selection,
  );
  const tool = input.early?.tool ?? (await toolFingerprint());
  const { inputs, profileHashes } = hashJobs(input, jobs, pages, tool);
  mark('inputs hashed');

  // The records first, without looking at any file: a job they give other inputs renders
  // whatever its files hold, so it goes to the workers before the other jobs' files are
  // checked and the old manifest is read (in a one-profile rebuild of the national set,
  // ~80 ms of checking 8550 files that no longer delays the first job).
  const { provenance, problem } = Provenance.load(outDir, tool, input.cacheKey, input.early?.provenance);
  const outOfDate = jobs.filter((job) => input.force || !recordedFor(provenance, job, inputs.get(jobKey(job))!));
  // Every selected municipality's folder is written into: its page, perhaps its jobs' files.
  const writtenInto = new Set([...outOfDate.map((j) => j.municipality), ...pages.map((p) => p.municipality)]);
  const recordsWarning = problem ? [bookkeepingWarning(join(outDir, RECORDS_FILE), `was not read (${problem}); every file is checked again and it is replaced`)] : [];
  const unsafe = outputPathProblems(outDir, [...writtenInto]);
  if (unsafe.length > 0) return failed([...recordsWarning, ...unsafe], jobs, outOfDate, {});

  const tx = new OutputTransaction(outDir);
  const pageInputsOf = new Map<string, string>();
  let siteWritten = false;
  const timings: StepTimings = {};
  const jobWarnings = new Map<string, ManifestWarning[]>();
  // Temporaries of a killed build go on every build, also one that has nothing to render,
  // and before any worker writes one of its own.
  await sweepLeftovers(outDir);
  const storeDir = join(outDir, STRIP_STORE_DIR);
  const toRender: BuildJob[] = [];
  const running: Promise<{ job: BuildJob; result: RenderResult }>[] = [];
  // Set by `send`: an object, since the compiler does not follow assignments in closures.
  const sending: { runner?: JobRunner; failed?: boolean } = {};
  let done = 0;
  /** Sends `batch` to the workers: the first batch creates the runner, a later one extends it. A write failure is an error, and nothing is sent after it. */
  const send = async (batch: BuildJob[]): Promise<void> => {
    // Longest first (infographics render four formats, PNGs the costliest), so the last
    // jobs to finish are short ones and no worker idles long at the end. Order only
    // changes when files are made, never what is in them.
    batch.sort((a, b) => b.formats.length - a.formats.length || compareIds(jobKey(a), jobKey(b)));
    let runner = sending.runner;
    try {
      for (const municipality of new Set(batch.map((j) => j.municipality))) tx.ensureDir(join(outDir, municipality));
      if (runner) runner.extend(batch);
      else {
        // Prepared for the whole selection: jobs sent later use the same store.
        const drawsPng = jobs.some((j) => j.formats.includes('png') || j.formats.includes('web.png'));
        runner = sending.runner = input.createRunner(batch, drawsPng ? await prepareStripStore(storeDir, tx, provenance, diagnostics) : undefined);
        mark('jobs sent');
      }
    } catch (err) {
      sending.failed = true;
      diagnostics.push(writeFailure(outDir, err));
      return;
    }
    toRender.push(...batch);
    input.onProgress?.({ done, total: toRender.length });
    for (const job of batch) {
      running.push(
        runner
          .run({ job, dir: join(outDir, job.municipality) })
          .catch((err: Error): RenderResult => ({ files: [], diagnostics: [renderFailure(input, job, err)] }))
          .then((result) => {
            done += 1;
            input.onProgress?.({ done, total: toRender.length });
            return { job, result };
          }),
      );
    }
  };
  if (outOfDate.length > 0) await send(outOfDate);

  const manifestFile = join(outDir, MANIFEST_FILE);
  const previous = await readManifest(manifestFile);
  if (previous.status === 'invalid') {
    diagnostics.push(
      diagnostic(
        fileStart(manifestFile),
        'build/manifest-invalid',
        `${MANIFEST_FILE} could not be read (${previous.reason}); it is replaced, and no old files are removed`,
        'warning',
      ),
    );
  }
  diagnostics.push(...recordsWarning);
  const old = previous.status === 'ok' ? previous.manifest : emptyManifest(input.generator);

  // Skipped only on the build's own records: what the manifest says of a file is what
  // the last writer of out/ says, and proves nothing. A job whose files are not all
  // proven is sent now, after those already rendering.
  const reports: ArtifactReport[] = [];
  const unproven: BuildJob[] = [];
  const sent = new Set(outOfDate);
  for (const job of jobs) {
    if (sent.has(job)) continue;
    const proven = provenJob(provenance, job, inputs.get(jobKey(job))!);
    if (proven) reports.push(...proven);
    else unproven.push(job);
  }

  const planned = new Set([...jobs, ...pages].flatMap((job) => job.formats.map((f) => artifactPath(job.municipality, job.document, f))));
  const removed = old.artifacts.filter((a) => selectsArtifact(input.selection, a) && !planned.has(a.path));
  // Folders only deleted from: checked now that the old manifest names them.
  const unsafeRemoved = outputPathProblems(outDir, [...new Set(removed.map((a) => a.municipality))].filter((m) => !writtenInto.has(m)));
  diagnostics.push(...unsafeRemoved);
  if (unproven.length > 0 && unsafeRemoved.length === 0 && !sending.failed) await send(unproven);

  // Entries outside the selection stay while the build's records still prove their files:
  // the old manifest's word for them is not enough (a restored out/ may list anything).
  const others = old.artifacts.filter((a) => !selectsArtifact(input.selection, a));
  const carried = others.flatMap((a): ManifestArtifact[] => {
    const record = provenance.artifact(a.path);
    return record ? [{ ...a, bytes: record.size, sha256: record.sha256 }] : [];
  });
  const documents = input.documents.map((d) => ({ id: d.id, kind: d.kind, title: d.title ?? d.id, ...(d.description ? { description: d.description } : {}) }));

  // The municipalities' pages, from what the manifest will list of their documents: those
  // of municipalities with nothing rendering now, while the workers draw (in a one-profile
  // rebuild of the national set, 341 of 342 pages, ~25 ms less after the last job), the
  // others once their files are known.
  const profilesById = new Map(input.profiles.map((p) => [p.profile.id, p]));
  const listings = new Map<string, SiteDocument[]>();
  const madePages: { entry: ManifestArtifact; job: ManifestJob; status: ArtifactStatus }[] = [];
  let pagesMs = 0;
  const makePages = async (of: readonly BuildJob[], artifacts: readonly ManifestArtifact[]): Promise<void> => {
    const started = performance.now();
    // The pages do not list each other, so one listing serves them and the review site.
    for (const [municipality, listing] of siteListings(documents, artifacts)) listings.set(municipality, listing);
    for (const page of of) {
      const { profile, tokens } = profilesById.get(page.municipality)!;
      const listing = listings.get(page.municipality) ?? [];
      const pageInputs = indexInputHash({ tool, profile: profileHashes.get(page.municipality)!, listing: indexInputs(listing) });
      const path = artifactPath(page.municipality, page.document, 'html');
      const proven = input.force ? undefined : provenance.artifact(path, pageInputs);
      let entry: ManifestArtifact;
      let status: ArtifactStatus = 'unchanged';
      if (proven) {
        entry = { municipality: page.municipality, document: page.document, format: 'html', path, bytes: proven.size, sha256: proven.sha256 };
      } else {
        const data = Buffer.from(
          municipalityPageFor({ profile, tokens, listing, generator: input.generator }),
        );
        entry = { municipality: page.municipality, document: page.document, format: 'html', path, bytes: data.length, sha256: sha256(data) };
        if (!provenance.holds(path, entry, pageInputs)) {
          tx.ensureDir(join(outDir, page.municipality));
          tx.stage(await writeTemp(join(outDir, ...path.split('/')), data), join(outDir, ...path.split('/')));
          status = 'written';
        }
      }
      madePages.push({ entry, status, job: { municipality: page.municipality, document: page.document, inputs: pageInputs, warnings: [] } });
      pageInputsOf.set(path, pageInputs);
    }
    pagesMs += performance.now() - started;
  };
  const rendering = new Set(toRender.map((j) => j.municipality));
  const settled = (a: { municipality: string }) => !rendering.has(a.municipality);
  // A page that cannot be written fails the build once the workers are done with it.
  let pagesFailed: unknown;
  if (countBySeverity(diagnostics).errors === 0) {
    await makePages(pages.filter(settled), [...carried, ...reports].filter(settled)).catch((err: unknown) => (pagesFailed = err));
  }

  if (sending.runner) {
    try {
      const results = await Promise.all(running);
      // A value every job lays out (a profile's e-mail address too wide) is one problem at one place.
      diagnostics.push(...oncePerPlace(results.map(({ job, result }) => ({ job, diagnostics: result.diagnostics }))));
      for (const { job, result } of results) {
        jobWarnings.set(jobKey(job), result.diagnostics.filter((d) => d.severity === 'warning').map((d) => manifestWarning(d, input.contentRoot)));
        addTimings(timings, job.kind, result.timings);
        if (result.strips) provenance.noteStrips(result.strips);
        for (const file of result.files) {
          const entry: ManifestArtifact = {
            municipality: job.municipality,
            document: job.document,
            format: file.format,
            path: artifactPath(job.municipality, job.document, file.format),
            bytes: file.bytes,
            sha256: file.sha256,
          };
          // Same bytes as the file already there: keep that file (and its mtime) untouched.
          const same = provenance.holds(entry.path, file, inputs.get(jobKey(job))!);
          if (same) tx.discard(file.temp);
          else tx.stage(file.temp, join(outDir, ...entry.path.split('/')));
          reports.push({ ...entry, status: same ? 'unchanged' : 'written' });
        }
      }
    } finally {
      await sending.runner.close();
    }
  }

  if (countBySeverity(diagnostics).errors > 0) {
    await removeStrips(storeDir, provenance.writtenStrips());
    await tx.rollback();
    return failed(diagnostics, jobs, toRender, timings);
  }
  if (pagesFailed !== undefined) {
    await tx.rollback();
    return failed([...diagnostics, writeFailure(outDir, pagesFailed)], jobs, toRender, timings);
  }

  for (const a of removed) reports.push({ ...a, status: 'removed' });

  if (carried.length < others.length) diagnostics.push(unprovenWarning(manifestFile, others.length - carried.length));
  const carriedJobs = new Set(carried.map(jobKey));
  const oldJobs = new Map(old.jobs.map((j) => [jobKey(j), j]));
  const warnings = (input.warnings ?? []).filter((d) => d.severity === 'warning').map((d) => manifestWarning(d, input.contentRoot));
  const built = new Set(pages.map((p) => p.municipality));
  const carriedMunicipalities = new Set(carried.map((a) => a.municipality));
  const next: Manifest = {
    ...emptyManifest(input.generator),
    documents,
    municipalities: [
      ...old.municipalities.filter((m) => !built.has(m.id) && carriedMunicipalities.has(m.id)),
      ...input.profiles
        .map((p) => p.profile)
        .filter((p) => built.has(p.id))
        .map((p): ManifestMunicipality => ({ id: p.id, name: p.name, warnings: warnings.filter((w) => warningMunicipality(w) === p.id) })),
    ],
    warnings: warnings.filter((w) => warningMunicipality(w) === undefined),
    artifacts: [...carried, ...reports.filter((r) => r.status !== 'removed').map(({ status: _status, ...entry }) => entry)],
    jobs: [
      ...old.jobs.filter((j) => !selectsArtifact(input.selection, j) && carriedJobs.has(jobKey(j))),
      ...jobs.map((job): ManifestJob => {
        const key = jobKey(job);
        const inputHash = inputs.get(key)!;
        // A skipped job warns as it did when it rendered, for the same inputs.
        const kept = oldJobs.get(key);
        const jobWarned = jobWarnings.get(key) ?? (kept?.inputs === inputHash ? kept.warnings : []);
        return { municipality: job.municipality, document: job.document, inputs: inputHash, warnings: jobWarned };
      }),
    ],
  };

  mark('jobs done');
  // The pages of the municipalities that rendered, and the review site, from what the manifest now lists.
  try {
    await makePages(pages.filter((p) => !settled(p)), next.artifacts.filter((a) => !settled(a)));
    for (const { entry, job, status } of madePages) {
      next.artifacts.push(entry);
      next.jobs.push(job);
      reports.push({ ...entry, status });
    }
    addTimings(timings, 'site', { index: pagesMs });
    const siteStarted = performance.now();
    const site = Buffer.from(reviewSiteFor(next, listings));
    next.site = { path: SITE_FILE, bytes: site.length, sha256: sha256(site) };
    // The site's input is the manifest it shows: its own bytes say everything about it.
    if (!provenance.holds(SITE_FILE, next.site, next.site.sha256)) {
      tx.stage(await writeTemp(join(outDir, SITE_FILE), site), join(outDir, SITE_FILE));
      siteWritten = true;
    }
    addTimings(timings, 'site', { review: performance.now() - siteStarted });
  } catch (err) {
    await tx.rollback();
    return failed([...diagnostics, writeFailure(outDir, err)], jobs, toRender, timings);
  }

  const text = serializeManifest(next);
  let manifestWritten = previous.status !== 'ok' || previous.text !== text;
  try {
    // Before any file is replaced or removed, the new manifest without the entries about
    // to change: at every moment, each file the manifest on disk lists matches its sha256,
    // even when the build is killed between the renames and the final manifest.
    const changing = new Set([...tx.finals().map((f) => relativeArtifactPath(outDir, f)), ...removed.map((a) => a.path)]);
    if (previous.status === 'ok' && (old.artifacts.some((a) => changing.has(a.path)) || (old.site && changing.has(SITE_FILE)))) {
      const changingJobs = new Set(next.artifacts.filter((a) => changing.has(a.path)).map(jobKey));
      const { site: _site, ...rest } = next;
      const interim: Manifest = {
        ...rest,
        artifacts: next.artifacts.filter((a) => !changing.has(a.path)),
        jobs: next.jobs.filter((j) => !changingJobs.has(jobKey(j))),
      };
      await writeFileAtomic(manifestFile, serializeManifest(interim));
      manifestWritten = true;
    }
    mark('site made');
    tx.commit();
    await removeArtifacts(outDir, removed);
    if (manifestWritten) await writeFileAtomic(manifestFile, text);
  } catch (err) {
    await tx.rollback();
    return failed([...diagnostics, writeFailure(outDir, err)], jobs, toRender, timings);
  }
  for (const r of reports) if (r.status === 'written') provenance.written(r.path, r, inputs.get(jobKey(r)) ?? pageInputsOf.get(r.path)!);
  if (siteWritten) provenance.written(SITE_FILE, next.site!, next.site!.sha256);
  // The strip store only grows while jobs render; keep it within its budget.
  if (toRender.length > 0) provenance.pruneStrips(storeDir, STRIP_STORE_BUDGET);
  // Only the build's own bookkeeping: the output itself is complete. The memo first, so
  // the records name the memo as written; one that could not be written leaves the
  // records naming the old one, whose bytes are still there or no longer match.
  const memo = input.memo;
  const bookkeeping = [
    ...(memo ? [() => saveMemo(outDir, memo, provenance)] : []),
    () => provenance.save([...next.artifacts.map((a) => a.path), SITE_FILE]),
  ];
  for (const save of bookkeeping) {
    try {
      await save();
    } catch (err) {
      diagnostics.push({ ...writeFailure(outDir, err), severity: 'warning', rule: 'build/cache-not-written' });
    }
  }

  reports.sort((a, b) => compareIds(a.path, b.path));
  return { diagnostics, artifacts: reports, jobs: jobSummary(jobs, toRender), timings, manifestWritten };
}

/** Whether the records say every file of `job` was made for `inputs` (its files are checked later: provenJob). */
function recordedFor(provenance: Provenance, job: BuildJob, inputs: string): boolean {
  return job.formats.every((format) => provenance.recordedFor(artifactPath(job.municipality, job.document, format), inputs));
}

/** The job's artifacts as unchanged, when the build's records prove every one of them is its file for `inputs`. */
function provenJob(provenance: Provenance, job: BuildJob, inputs: string): ArtifactReport[] | undefined {
  const reports: ArtifactReport[] = [];
  for (const format of job.formats) {
    const path = artifactPath(job.municipality, job.document, format);
    const record = provenance.artifact(path, inputs);
    if (!record) return undefined;
    reports.push({ municipality: job.municipality, document: job.document, format, path, bytes: record.size, sha256: record.sha256, status: 'unchanged' });
  }
  return reports;
}

/**
 * The strip store for the workers: the folder (created if missing) and the strips in it
 * the build's records prove. Something else under its name (a link, a file, a FIFO) is
 * removed itself, never followed; if it cannot be, the build renders without a store.
 */
async function prepareStripStore(
  dir: string,
  tx: OutputTransaction,
  provenance: Provenance,
  diagnostics: Diagnostic[],
): Promise<StripStoreInit | undefined> {
  const found = lstatOrUndefined(dir);
  if (found && !found.isDirectory()) {
    const gone = await unlink(dir).then(() => true, () => false);
    diagnostics.push(bookkeepingWarning(dir, `is ${kindOf(found)}, not a folder: ${gone ? 'replaced by an empty strip store' : 'it could not be removed, so this build keeps no strips'}; nothing was read or written through it`));
    if (!gone) return undefined;
  }
  tx.ensureDir(dir);
  return { dir, ...provenance.stripsForWorkers() };
}

function unprovenWarning(manifestFile: string, count: number): Diagnostic {
  return diagnostic(
    fileStart(manifestFile),
    'build/manifest-unproven',
    `${count} ${count === 1 ? 'entry' : 'entries'} of the old manifest outside this build's selection ${count === 1 ? 'was' : 'were'} left out: ` +
      `the build's records no longer prove ${count === 1 ? 'its file is' : 'their files are'} what it wrote (changed, or a restored out/ without ${CACHE_KEY_VARIABLE}). ` +
      'Building them again puts them back',
    'warning',
  );
}

function bookkeepingWarning(file: string, what: string): Diagnostic {
  return diagnostic(fileStart(file), 'build/bookkeeping-ignored', `${basename(file)} ${what}`, 'warning');
}

/** Strips workers wrote for a build that then failed: the store is left as it was. */
async function removeStrips(dir: string, names: readonly string[]): Promise<void> {
  await Promise.all(names.map((name) => unlink(join(dir, name)).catch(() => undefined)));
}

function failed(diagnostics: Diagnostic[], jobs: readonly BuildJob[], toRender: readonly BuildJob[], timings: StepTimings): BuildOutcome {
  return { diagnostics, artifacts: [], jobs: jobSummary(jobs, toRender), timings, manifestWritten: false };
}

function hashJobs(
  input: BuildInput,
  jobs: readonly BuildJob[],
  pages: readonly BuildJob[],
  tool: string,
): { inputs: Map<string, string>; profileHashes: Map<string, string> } {
  const creationDate = input.creationDate.toISOString();
  const documents = new Map<string, string>();
  for (const doc of input.documents) {
    if (jobs.some((j) => j.document === doc.id)) documents.set(doc.id, documentHash(doc, input.contentRoot));
  }
  const wanted = new Set([...jobs, ...pages].map((j) => j.municipality));
  const profiles = new Map<string, string>();
  for (const p of input.profiles) if (wanted.has(p.profile.id)) profiles.set(p.profile.id, profileHash(p, input.contentRoot));
  const inputs = new Map(
    jobs.map((job) => [
      jobKey(job),
      jobInputHash({ tool, creationDate, document: documents.get(job.document)!, profile: profiles.get(job.municipality)! }),
    ]),
  );
  return { inputs, profileHashes: profiles };
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

/** `fn` over `items` with at most `limit` running at once (bounded file reads). */
async function mapConcurrent<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(lanes);
}
