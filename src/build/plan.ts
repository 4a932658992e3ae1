/**
 * The job list: one job per (municipality, document) in the selection, each producing all
 * formats of that document (its kind's, and the print edition where asked for). Sorted, so the plan (and everything derived from it) does not
 * depend on the order files were listed or on how jobs are later scheduled.
 */
import { kindNamed } from '../kinds/registry.js';
import { PRINT_FORMAT, type ArtifactFormat } from './formats.js';
import { selects, selectsMunicipality, type Selection } from './selection.js';
import { assert } from '../diagnostics/index.js';
import { INDEX_DOCUMENT } from '../content/ids.js';

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

/** The municipalities whose documents also get their print edition (`--print`: all of them). */
export function printing(input: { profiles: readonly { id: string; print?: boolean | undefined }[]; print?: boolean | undefined }): Set<string> {
  return new Set(input.profiles.filter((p) => input.print === true || p.print === true).map((p) => p.id));
}

/**
 * The pseudo-document `index` of every municipality in the selection (whatever documents
 * it builds): its own page, `<id>/index.html`, made after its documents from what the
 * manifest lists of them (src/build/site-files.ts).
 */
export function planIndexPages(municipalities: readonly string[], selection: Selection): BuildJob[] {
  return [...municipalities]
    .sort()
    .filter((m) => selectsMunicipality(selection, m))
    .map((municipality) => ({ municipality, document: INDEX_DOCUMENT, kind: INDEX_DOCUMENT, formats: ['html'] }));
}

/** Whether an artifact of the manifest belongs to the selection: a municipality's page goes with the municipality. */
export function selectsArtifact(selection: Selection, a: { municipality: string; document: string }): boolean {
  return a.document === INDEX_DOCUMENT ? selectsMunicipality(selection, a.municipality) : selects(selection, a.municipality, a.document);
}

/** Code-unit order, the same on every locale (localeCompare is not). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function jobKey(job: { municipality: string; document: string }): string {
  return `${job.municipality}/${job.document}`;
}
