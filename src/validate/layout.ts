/**
 * `validate` lays out what `build` would: every selected municipality × document, through
 * the build's own code up to the point of drawing (src/build/lay-out-job.ts), so text that
 * overflows its page or box, a character the font lacks and a contact detail the layout
 * would hide are found here and not only by `build`. A leaflet whose document or profile
 * already has an error is not laid out: its problem is reported where it is written, and
 * laying it out would only report it again as its consequence.
 */
import { join, sep } from 'node:path';
import type { DocumentModel } from '../content/model.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { oncePerPlace, type JobDiagnostics } from '../build/job-diagnostics.js';
import { layOutJob, layoutEnv } from '../build/lay-out-job.js';
import { planJobs, printing } from '../build/plan.js';
import type { LoadedProfile } from '../profiles/model.js';

export interface LayoutCheck {
  root: string;
  documents: readonly DocumentModel[];
  profiles: readonly LoadedProfile[];
  /** Only these document ids (all when empty). */
  selected: readonly string[];
  /** The diagnostics so far: files with an error are not laid out again. */
  diagnostics: readonly Diagnostic[];
  creationDate: Date;
}

export async function checkLayout(input: LayoutCheck): Promise<Diagnostic[]> {
  const failed = input.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file);
  const clean = (...files: string[]) => !failed.some((f) => files.includes(f));
  const municipalities = join(input.root, 'municipalities');
  const cleanProfile = (p: LoadedProfile) => {
    const own = join(municipalities, p.profile.id) + sep;
    return clean(p.file, join(input.root, 'defaults.yaml')) && !failed.some((f) => f.startsWith(own));
  };
  const profiles = input.profiles.filter(cleanProfile);
  const documents = input.documents.filter((d) => clean(d.file));
  const jobs = planJobs(
    profiles.map((p) => p.profile.id),
    documents,
    { municipalities: [], documents: input.selected },
    printing({ profiles: profiles.map((p) => p.profile) }),
  );
  const env = layoutEnv(input.creationDate);
  const byId = { documents: new Map(documents.map((d) => [d.id, d])), profiles: new Map(profiles.map((p) => [p.profile.id, p])) };
  const results: JobDiagnostics[] = [];
  for (const job of jobs) {
    const laidOut = await layOutJob(byId.documents.get(job.document)!, byId.profiles.get(job.municipality)!, job.formats, env);
    results.push({ job, diagnostics: laidOut.diagnostics });
  }
  return oncePerPlace(results);
}
