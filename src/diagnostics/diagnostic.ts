/**
 * A content problem is data, never a thrown string: it carries its place, a stable rule id
 * and a message written for a communication officer. Programming errors (misuse of an
 * internal API) throw through `assert` instead.
 */
export type Severity = 'error' | 'warning';

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units like editors do. */
  column: number;
}

export interface Diagnostic {
  /** Path as given to the loader (absolute or relative); reporters make it relative to cwd. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable identifier, e.g. `schema/required`, `placeholder/unknown`, `layout/overflow`. */
  rule: string;
  message: string;
}

/** A place in a source file, as carried by extracted model values. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
}

export function diagnostic(
  at: SourceRef,
  rule: string,
  message: string,
  severity: Severity = 'error',
): Diagnostic {
  return { file: at.file, line: at.line, column: at.column, severity, rule, message };
}

/** A whole-file place, for problems that have no better position. */
export function fileStart(file: string): SourceRef {
  return { file, line: 1, column: 1 };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.line !== b.line) return a.line - b.line;
  if (a.column !== b.column) return a.column - b.column;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

export function countBySeverity(list: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of list) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** Thrown only for internal invariants; a user can never cause one. */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new AssertionError(message);
}
