/**
 * An in-process stand-in for the worker pool: "renders" a job as a short text made of its
 * inputs, so the build's planning, incremental and output logic can be tested on its own.
 * Like the real workers, it renders only jobs it was created or extended with.
 */
import { join } from 'node:path';
import { writeTemp } from '../../src/build/atomic-write.js';
import type { JobRunner, RenderRequest, RenderResult } from '../../src/build/build.js';
import { jobKey, type BuildJob } from '../../src/build/plan.js';
import { artifactPath } from '../../src/build/formats.js';
import { sha256 } from '../../src/build/hash.js';
import type { MergedProfile } from '../../src/profiles/model.js';

export function fakeRunner(
  profiles: readonly MergedProfile[],
  options: { failFor?: string; calls?: string[]; created?: string[]; extended?: string[] } = {},
): (jobs: readonly BuildJob[]) => JobRunner {
  return (jobs) => {
    const known = new Set(jobs.map(jobKey));
    options.created?.push(...jobs.map(jobKey));
    return {
      async run({ job, dir }: RenderRequest): Promise<RenderResult> {
        if (!known.has(jobKey(job))) throw new Error(`${jobKey(job)} was run without the runner knowing of it`);
        options.calls?.push(`${job.municipality}/${job.document}`);
        if (job.municipality === options.failFor) {
          return {
            files: [],
            diagnostics: [
              { file: 'x.md', line: 1, column: 1, severity: 'error', rule: 'layout/overflow', message: 'too long' },
            ],
          };
        }
        const profile = profiles.find((p) => p.id === job.municipality)!;
        const files = [];
        for (const format of job.formats) {
          const bytes = Buffer.from(`${artifactPath(job.municipality, job.document, format)} for ${profile.name}\n`);
          const temp = await writeTemp(join(dir, `${job.document}.${format}`), bytes);
          files.push({ format, temp, bytes: bytes.length, sha256: sha256(bytes) });
        }
        return { files, diagnostics: [] };
      },
      extend(more) {
        for (const job of more) known.add(jobKey(job));
        options.extended?.push(...more.map(jobKey));
      },
      async close() {},
    };
  };
}
