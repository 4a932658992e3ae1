/**
 * The job list: one job per (municipality, document) in the selection, each producing all
 * formats of that document (its kind's). Sorted, so the plan (and everything derived from it) does not
 * depend on the order files were listed or on how jobs are later scheduled.
 */
import { kindNamed } from '../kinds/registry.js';
import type { ArtifactFormat } from './formats.js';
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
): BuildJob[] {
  const jobs: BuildJob[] = [];
  for (const municipality of [...municipalities].sort()) {
    for (const doc of [...documents].sort((a, b) => compareIds(a.id, b.id))) {
      if (!selects(selection, municipality, doc.id)) continue;
      const kind = kindNamed(doc.kind);
      assert(kind, `document ${doc.id} has no registered kind "${doc.kind}"`);
      jobs.push({ municipality, document: doc.id, kind: doc.kind, formats: [...kind.formats] });
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
