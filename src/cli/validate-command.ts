/** `folderpers validate`: check the content folder, report every problem, exit 0/1/2. */
import { countBySeverity } from '../diagnostics/index.js';
import { UsageError, validateContent } from '../validate/index.js';
import { report, type ReportFormat } from './report.js';

export interface ValidateCommandOptions {
  content: string;
  municipality: string[];
  format: string;
}

export async function runValidate(opts: ValidateCommandOptions): Promise<number> {
  try {
    const result = await validateContent({ contentRoot: opts.content, municipalities: opts.municipality });
    process.stdout.write(report(result.diagnostics, opts.format as ReportFormat));
    return countBySeverity(result.diagnostics).errors > 0 ? 1 : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`folderpers validate: ${err.message}\n(run folderpers --help for usage)\n`);
      return 2;
    }
    throw err;
  }
}
