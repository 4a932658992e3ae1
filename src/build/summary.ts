/**
 * The end-of-build summary: counts per status, time, output size and peak memory. The same
 * numbers go into `--format json` (for the benchmark and CI) and into the text line.
 */
import { join } from 'node:path';
import type { ArtifactReport, BuildOutcome } from './build.js';
import { MANIFEST_FILE, SITE_FILE } from './output-names.js';
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

/** Beyond this many, the closing line names the first and the last municipality folder. */
const NAMED_FOLDERS = 3;

/** Where a build's files are, as the user names folders: shown with `/` and relative to the working directory. */
export interface OutputPlaces {
  /** `out/<municipality>/` of every municipality in the selection, sorted. */
  folders: string[];
  site: string;
  manifest: string;
}

export function outputPlaces(out: string, artifacts: readonly ArtifactReport[], shown: (path: string) => string): OutputPlaces {
  const municipalities = [...new Set(artifacts.filter((a) => a.status !== 'removed').map((a) => a.municipality))].sort();
  return {
    folders: municipalities.map((m) => `${shown(join(out, m))}/`),
    site: shown(join(out, SITE_FILE)),
    manifest: shown(join(out, MANIFEST_FILE)),
  };
}

/** The build's last line: `files in out/huizen/; review site: out/index.html`. */
export function placesLine(p: OutputPlaces): string {
  const n = p.folders.length;
  const files =
    n === 0
      ? `no files in this selection (list: ${p.manifest})`
      : n <= NAMED_FOLDERS
        ? `files in ${p.folders.join(', ')}`
        : `files in ${n} folders, ${p.folders[0]} … ${p.folders[n - 1]} (list: ${p.manifest})`;
  return `${files}; review site: ${p.site}`;
}
