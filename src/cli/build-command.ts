/**
 * `folderpers build`: refuse unusable options (exit 2), validate everything (errors: exit 1,
 * nothing written), then render the selection on worker threads and report what was
 * written, left unchanged or removed. See src/build/ for how the output stays atomic and
 * incremental.
 */
import { existsSync, readdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { countBySeverity, diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { BuildOutcome, JobRunner } from '../build/build.js';
import { cacheKey } from '../build/cache-key.js';
import { creationDate } from '../build/creation-date.js';
import { outputFolderProblem } from '../build/output-folder.js';
import { lockOutput } from '../build/output-lock.js';
import { createProgress } from '../build/progress.js';
import type { Shard } from '../build/selection.js';
import { outputPlaces, placesLine, summarise, summaryLine } from '../build/summary.js';
import { WorkerRunner, workersFor } from '../build/worker-runner.js';
import type { ValidateResult } from '../validate/index.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE, type OutputFormat } from './exit-codes.js';
import { report, shownPath } from './report.js';
import { selects, type Selection } from '../build/selection.js';
import { mark } from '../build/trace.js';

/**
 * The validation code (Markdown, YAML, schemas, rules), the build's bookkeeping and the
 * print edition, loaded after the warm worker has started: loading them first kept the
 * worker waiting ~0.3 s on every build.
 */
async function buildStages() {
  // The print edition's colour checks, not its renderer: pdfkit and sharp load in the workers only.
  const [validate, build, memo, provenance, inputs, kinds, patches, gamut, profile] = await Promise.all([
    import('../validate/index.js'),
    import('../build/build.js'),
    import('../build/memo-file.js'),
    import('../build/provenance.js'),
    import('../build/inputs.js'),
    import('../kinds/registry.js'),
    import('../patches/versions.js'),
    import('../render/print/colour/gamut.js'),
    import('../render/print/colour/profile.js'),
  ]);
  return { ...validate, ...build, ...memo, ...provenance, ...inputs, ...kinds, ...patches, ...gamut, ...profile };
}

type Stages = Awaited<ReturnType<typeof buildStages>>;

export interface BuildCommandOptions {
  content: string;
  out: string;
  municipality: string[];
  document: string[];
  jobs?: number;
  shard?: Shard;
  force: boolean;
  /** Also the print edition of every document (a profile's `print: true` asks for its own). */
  print: boolean;
  format: OutputFormat;
}

function usage(command: string, message: string): number {
  process.stderr.write(`folderpers ${command}: ${message}\n(run folderpers --help for usage)\n`);
  return EXIT_USAGE;
}

/** What every build of a run shares, fixed before the first one: the date its PDFs carry, the records' seal, the workers at most. */
export interface BuildContext {
  date: Date;
  key: Buffer | undefined;
  workers: number;
}

/** The checks before any build (exit 2 on a problem), or what the builds share. */
export async function prepareBuild(opts: BuildCommandOptions, command = 'build'): Promise<BuildContext | number> {
  const usageError = (message: string) => usage(command, message);
  const contentInfo = await stat(opts.content).catch(() => undefined);
  if (!contentInfo?.isDirectory()) return usageError(`the content folder ${opts.content} does not exist`);
  const outProblem = await outputFolderProblem(opts.out, opts.content);
  if (outProblem) return usageError(outProblem);
  const date = creationDate();
  if (typeof date === 'string') return usageError(date);
  const key = cacheKey();
  if (typeof key === 'string') return usageError(key);
  return { date, key, workers: opts.jobs ?? availableParallelism() };
}

export async function runBuild(opts: BuildCommandOptions): Promise<number> {
  const started = performance.now();
  const context = await prepareBuild(opts);
  if (typeof context === 'number') return context;
  // Workers start now and ready themselves (renderers, fonts, a sample page in every
  // format) while this thread validates, so even a one-profile rebuild finds one warm. An
  // unchanged rebuild closes it unused.
  mark('build command loaded');
  const runner = new WorkerRunner(warmWorkers(opts, context.workers));
  mark('workers started');
  try {
    return await validateAndBuild(opts, context, runner, started);
  } finally {
    await runner.close();
  }
}

/**
 * Workers to start before validation. One when there is a spare core. A cold build (no
 * manifest in the output folder yet, or --force) of many jobs starts all it will use, so
 * that they warm up side by side while this thread validates instead of the second one
 * after it; a rebuild, which usually renders a few jobs or none, does not pay for them.
 * Counted from the file names alone: the pool is sized again once the jobs are known.
 */
export function warmWorkers(opts: Pick<BuildCommandOptions, 'content' | 'out' | 'force' | 'municipality' | 'document' | 'shard'>, workers: number): number {
  if (availableParallelism() < 2) return 0;
  if (!opts.force && existsSync(join(opts.out, 'manifest.json'))) return 1;
  const count = (dir: string, ext: string) => {
    try {
      return readdirSync(join(opts.content, dir)).filter((name) => name.endsWith(ext)).length;
    } catch {
      return 0;
    }
  };
  const municipalities = (opts.municipality.length || count('municipalities', '.yaml')) / (opts.shard?.count ?? 1);
  const documents = opts.document.length || count('documents', '.md');
  return workersFor(Math.ceil(municipalities) * documents, workers);
}

/**
 * Validates and builds once with `runner`'s workers. `keepRunner` (watch): the workers stay
 * for the next build, warm, instead of closing when this one's jobs are done.
 */
export async function validateAndBuild(
  opts: BuildCommandOptions,
  { date, key, workers }: BuildContext,
  runner: WorkerRunner,
  started: number,
  { keepRunner = false, command = 'build' }: { keepRunner?: boolean; command?: string } = {},
): Promise<number> {
  const usageError = (message: string) => usage(command, message);
  const stages = await buildStages();
  mark('validation code loaded');
  const { validateContent, UsageError, patchedVersionProblems, TOOL_ROOT, TOOL_VERSION, runBuildJobs, kindModules, toolFingerprint, Provenance, openMemo } = stages;
  const contentRoot = resolve(opts.content);
  const outDir = resolve(opts.out);
  // The records, read before the lock only to find the memo (and used again under it while
  // the file is unchanged); --force parses everything afresh.
  const tool = await toolFingerprint();
  const early = opts.force || !existsSync(outDir) ? undefined : Provenance.load(outDir, tool, key).provenance;
  const memo = openMemo(outDir, early, key !== undefined);
  mark('memo opened');
  let validated: ValidateResult;
  try {
    validated = await validateContent({ contentRoot, municipalities: opts.municipality, documents: opts.document, languageWarnings: false, memo });
  } catch (err) {
    if (err instanceof UsageError) return usageError(err.message);
    throw err;
  }
  mark('validated');
  mark(`memo: ${memo.counts.hits} kept, ${memo.counts.parsed} parsed`);
  // The renderers patch pdfkit's, fontkit's and restructure's internals: with other
  // versions the output could be wrong, so nothing is drawn with them.
  validated.diagnostics.push(
    ...patchedVersionProblems().map((message) => diagnostic(fileStart(join(TOOL_ROOT, 'package.json')), 'dependency/version', message)),
    ...printDiagnostics(stages, validated, opts),
  );
  if (countBySeverity(validated.diagnostics).errors > 0) {
    process.stdout.write(report(validated.diagnostics, opts.format, { artifacts: [] }));
    return EXIT_CONTENT;
  }

  runner.jobsComing();
  // Held from before the manifest is read until after it is written: a second build into
  // the same folder stops here instead of losing this one's manifest entries.
  const lock = await lockOutput(outDir);
  if (lock.status === 'refused') {
    process.stderr.write(`folderpers ${command}: ${lock.message}\n`);
    return EXIT_USAGE;
  }
  const progress = createProgress(process.stderr);
  let outcome: BuildOutcome;
  try {
    outcome = await runBuildJobs({
      contentRoot,
      outDir,
      documents: validated.documents,
      profiles: validated.profiles,
      selection: selectionOf(opts),
      force: opts.force,
      print: opts.print,
      creationDate: date,
      generator: `folderpers ${TOOL_VERSION}`,
      cacheKey: key,
      createRunner: (jobs, stripStore) =>
        kept(keepRunner, runner.prepare({
          jobs,
          workers,
          documents: validated.documents,
          profiles: validated.profiles,
          creationDate: date,
          stripStore,
          kindModules: kindModules(),
        })),
      onProgress: (p) => progress.update(p),
      warnings: validated.diagnostics.filter((d) => d.severity === 'warning'),
      memo,
      early: { tool, ...(early ? { provenance: early } : {}) },
    });
  } finally {
    await lock.release();
  }
  progress.finish();
  mark('written');

  const diagnostics = [...validated.diagnostics, ...outcome.diagnostics];
  const summary = summarise(outcome, (performance.now() - started) / 1000);
  const failed = countBySeverity(diagnostics).errors > 0;
  const places = failed ? undefined : outputPlaces(opts.out, outcome.artifacts, shownPath);
  process.stdout.write(report(diagnostics, opts.format, { artifacts: outcome.artifacts, summary, ...(places ? { output: places } : {}) }));
  const writeFailed = outcome.diagnostics.some((d) => d.rule === 'build/write-failed');
  const line = writeFailed
    ? 'build failed while putting files in place: run it again once the output folder can be written'
    : failed
      ? 'build failed: nothing written'
      : summaryLine(summary);
  // In a GitHub Actions log the summary is a notice, shown on the run's summary page.
  if (opts.format === 'github') process.stdout.write(`::notice title=folderpers build::${line}${places ? `; ${placesLine(places)}` : ''}\n`);
  else if (opts.format === 'text') process.stdout.write(`${line}\n${places ? `${placesLine(places)}\n` : ''}`);
  return failed ? EXIT_CONTENT : EXIT_OK;
}

/** The runner as the build sees it: closing it after the jobs closes it, unless it is kept for the next build. */
function kept(keep: boolean, runner: JobRunner): JobRunner {
  return keep ? { run: (request) => runner.run(request), extend: (jobs) => runner.extend(jobs), close: async () => undefined } : runner;
}

/**
 * When this build makes print editions: the colour profile must be the one folderpers was
 * made with (else nothing is drawn with it), and each municipality printed hears of brand
 * colours the paper cannot reach (`print/gamut`).
 */
function printDiagnostics({ printing, printProfileProblem, gamutWarnings, OUTPUT_CONDITION }: Stages, validated: ValidateResult, opts: BuildCommandOptions): Diagnostic[] {
  const selection = selectionOf(opts);
  const wanted = printing({ profiles: validated.profiles.map((p) => p.profile), print: opts.print });
  const printed = validated.profiles.filter((p) => wanted.has(p.profile.id) && validated.documents.some((d) => selects(selection, p.profile.id, d.id)));
  if (printed.length === 0) return [];
  const problem = printProfileProblem();
  if (problem) return [diagnostic(fileStart(OUTPUT_CONDITION.file), 'dependency/icc-profile', problem)];
  return printed.flatMap(gamutWarnings);
}

function selectionOf(opts: BuildCommandOptions): Selection {
  return { municipalities: opts.municipality, documents: opts.document, shard: opts.shard };
}
