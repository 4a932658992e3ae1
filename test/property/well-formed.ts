/**
 * What every diagnostic must look like, whatever the input: a real place in the file, a
 * rule id, a message a person can read. A crash turned into a diagnostic would fail here.
 */
import { expect } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';

export function expectWellFormed(diagnostics: readonly Diagnostic[], files: readonly string[], text?: string): void {
  const lines = text === undefined ? Infinity : text.split(/\r\n|\r|\n/).length;
  for (const d of diagnostics) {
    expect(files, JSON.stringify(d)).toContain(d.file);
    expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines + 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.column) && d.column >= 1, JSON.stringify(d)).toBe(true);
    expect(['error', 'warning']).toContain(d.severity);
    expect(d.rule).toMatch(/^[a-z0-9-]+\/[a-zA-Z0-9-]+$/);
    expect(d.message.trim().length, JSON.stringify(d)).toBeGreaterThan(0);
    expect(d.message).not.toMatch(/\bundefined\b(?! entity)|\[object Object\]|\n\s+at /);
  }
}

/** Runs `work` and fails when it takes longer than `ms`: a hang shows up as a slow call. */
export async function within<T>(ms: number, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  const result = await work();
  expect(performance.now() - started, 'took too long').toBeLessThan(ms);
  return result;
}
