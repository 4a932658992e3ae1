/**
 * Reporters for diagnostics, shared by `validate` and `build`: `text` in the style of
 * eslint / vfile-reporter, `json` (one object, with room for the build's artifacts) and
 * `github` workflow commands. File paths are shown relative to the working directory.
 */
import { relative } from 'node:path';
import { countBySeverity, type Diagnostic } from '../diagnostics/index.js';

export type ReportFormat = 'text' | 'json' | 'github';

export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return (rel === '' ? file : rel).split('\\').join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function text(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  if (diagnostics.length === 0) return '✔ no problems\n';
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const file = shownPath(d.file);
    byFile.set(file, [...(byFile.get(file) ?? []), d]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(file);
    const places = list.map((d) => `${d.line}:${d.column}`);
    const width = Math.max(...places.map((p) => p.length));
    list.forEach((d, i) => {
      const severity = d.severity === 'error' ? 'error  ' : 'warning';
      // One problem, one line: a line break inside a message would split it.
      lines.push(`  ${places[i]!.padEnd(width)}  ${severity}  ${d.message.replace(/\s*[\r\n]+\s*/g, ' ')}  ${d.rule}`);
    });
    lines.push('');
  }
  const mark = errors > 0 ? '✖' : '⚠';
  lines.push(`${mark} ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

function json(diagnostics: readonly Diagnostic[], extra: Record<string, unknown>): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const list = diagnostics.map((d) => ({
    file: shownPath(d.file),
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
    message: d.message,
  }));
  return JSON.stringify({ diagnostics: list, errors, warnings, ...extra }) + '\n';
}

/** GitHub's escaping for workflow command data, and additionally `:` and `,` in properties. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function github(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const lines = diagnostics.map(
    (d) =>
      `::${d.severity} file=${escapeProperty(shownPath(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(d.rule)}::${escapeData(d.message)}`,
  );
  lines.push(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}`);
  return lines.join('\n') + '\n';
}

/**
 * The report as one string. `extra` adds fields to the JSON object (the build's
 * `artifacts`); the text and GitHub formats ignore it, their callers print more themselves.
 */
export function report(diagnostics: readonly Diagnostic[], format: ReportFormat, extra: Record<string, unknown> = {}): string {
  switch (format) {
    case 'json':
      return json(diagnostics, extra);
    case 'github':
      return github(diagnostics);
    case 'text':
      return text(diagnostics);
  }
}
