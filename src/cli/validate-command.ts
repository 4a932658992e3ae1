/**
 * `folderpers validate`: check the content folder and lay out every selected leaflet as
 * `build` would, report every problem, exit 0/1/2. No problem means the build succeeds.
 */
import { creationDate } from '../build/creation-date.js';
import { countBySeverity } from '../diagnostics/index.js';
import type { ReadabilityReport } from '../language/index.js';
import { readabilityText } from '../language/report.js';
import { UsageError, validateContent } from '../validate/index.js';
import { report, shownPath, type ReportFormat } from './report.js';

export interface ValidateCommandOptions {
  content: string;
  municipality: string[];
  document: string[];
  format: string;
  readability: boolean;
}

export async function runValidate(opts: ValidateCommandOptions): Promise<number> {
  try {
    // The date the layouts print, as `build` takes it: a SOURCE_DATE_EPOCH it refuses is refused here too.
    const date = creationDate();
    if (typeof date === 'string') throw new UsageError(date);
    const result = await validateContent({
      contentRoot: opts.content,
      municipalities: opts.municipality,
      documents: opts.document,
      readability: opts.readability,
      layout: { creationDate: date },
    });
    const format = opts.format as ReportFormat;
    const readability = result.readability;
    // JSON stays one object: the report is its `readability` field. The other formats
    // print the tables after the problems.
    process.stdout.write(report(result.diagnostics, format, format === 'json' && readability ? { readability: jsonReport(readability) } : {}));
    if (readability && format !== 'json') process.stdout.write('\n' + readabilityText(readability, shownPath));
    return countBySeverity(result.diagnostics).errors > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`folderpers validate: ${err.message}\n(run folderpers --help for usage)\n`);
      return 2;
    }
    throw err;
  }
}

/** The report with files shown as in the diagnostics (relative to the working directory). */
function jsonReport(r: ReadabilityReport): ReadabilityReport {
  const place = <T extends { longestAt?: { file: string } }>(f: T): T => (f.longestAt ? { ...f, longestAt: { ...f.longestAt, file: shownPath(f.longestAt.file) } } : f);
  return {
    method: r.method,
    documents: r.documents.map((d) => ({ ...place(d), file: shownPath(d.file), sections: d.sections.map(place) })),
    localSections: r.localSections.map((s) => ({ ...place(s), file: shownPath(s.file) })),
  };
}
