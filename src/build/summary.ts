/**
 * The end-of-build summary: counts per status, time, output size and peak memory. The same
 * numbers go into `--format json` (for the benchmark and CI) and into the text line.
 */
import type { ArtifactReport, BuildOutcome } from './build.js';
import { formatBytes, formatSeconds } from './progress.js';

export interface BuildSummary {
  written: number;
  unchanged: number;
  removed: number;
  jobs: BuildOutcome['jobs'];
  /** Milliseconds per document kind and step, summed over the rendered jobs (all workers). */
  timings: BuildOutcome['timings'];
  /** Bytes of every artifact of the selection now in the output folder. */
  outputBytes: number;
  seconds: number;
  /** High-water resident memory of the process, worker threads included (they share it). */
  peakRssBytes: number;
}

export function summarise(outcome: BuildOutcome, seconds: number): BuildSummary {
  const count = (status: ArtifactReport['status']) => outcome.artifacts.filter((a) => a.status === status).length;
  return {
    written: count('written'),
    unchanged: count('unchanged'),
    removed: count('removed'),
    jobs: outcome.jobs,
    timings: outcome.timings,
    outputBytes: outcome.artifacts.filter((a) => a.status !== 'removed').reduce((sum, a) => sum + a.bytes, 0),
    seconds: Math.round(seconds * 1000) / 1000,
    // resourceUsage reports kilobytes.
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}

export function summaryLine(s: BuildSummary): string {
  return (
    `${s.written} written, ${s.unchanged} unchanged, ${s.removed} removed ` +
    `(${s.jobs.rendered} of ${s.jobs.planned} jobs rendered) in ${formatSeconds(s.seconds)}; ` +
    `output ${formatBytes(s.outputBytes)}, peak memory ${formatBytes(s.peakRssBytes)}`
  );
}
