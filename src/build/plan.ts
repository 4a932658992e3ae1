/**
 * The job list: one job per (municipality, document) in the selection, each producing all
 * formats of that document (its kind's, and the print edition where asked for). Sorted, so the plan (and everything derived from it) does not
 * depend on the order files were listed or on how jobs are later scheduled.
 */
import { kindNamed } from '../kinds/registry.js';
import { PRINT_FORMAT, type ArtifactFormat } from './formats.js';
import { selects, type Selection } from './selection.js';
import { assert } from '../diagnostics/index.js';

export interface BuildJob {
  municipality: string;
  document: string;
  kind: string;
  formats: ArtifactFormat[];
}

export function planJobs(
  municipalities: readonly string[],
  documents: readonly { id: string; kind: string }[],
  selection: Selection,
  /** Municipalities that also get the print edition of every document. */
  printing: ReadonlySet<string> = new Set(),
): BuildJob[] {
  const jobs: BuildJob[] = [];
  for (const municipality of [...municipalities].sort()) {
    for (const doc of [...documents].sort((a, b) => compareIds(a.id, b.id))) {
      if (!selects(selection, municipality, doc.id)) continue;
      const kind = kindNamed(doc.kind);
      assert(kind, `document ${doc.id} has no registered kind "${doc.kind}"`);
      const formats: ArtifactFormat[] = [...kind.formats];
      if (printing.has(municipality)) formats.push(PRINT_FORMAT);
      jobs.push({ municipality, document: doc.id, kind: doc.kind, formats });
    }
  }
  return jobs;
}

/** Code-unit order, the same on every locale (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function jobKey(job: { municipality: string; document: string }): string {
  return `${job.municipality}/${job.document}`;
}
