/**
 * Fixture cases are overlays: test/fixtures/validate/<case>/content/ holds only the files
 * that differ from test/fixtures/validate/base/content/, so each case shows its one defect.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../../src/diagnostics/index.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'validate');

/** A temporary copy of the base content with the case's files laid over it. */
export async function contentFor(caseName: string | undefined): Promise<{ root: string; contentRoot: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'folderpers-validate-'));
  const contentRoot = join(root, 'content');
  await cp(join(FIXTURES, 'base', 'content'), contentRoot, { recursive: true });
  if (caseName) {
    const overlay = join(FIXTURES, caseName, 'content');
    if (existsSync(overlay)) await cp(overlay, contentRoot, { recursive: true, force: true });
  }
  return { root, contentRoot, dispose: () => rm(root, { recursive: true, force: true }) };
}

export interface Expected {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning';
  rule: string;
  /** Optional: a part of the message that must appear. */
  message?: string;
}

export function relativeTo(contentRoot: string, d: Diagnostic): Expected {
  return {
    file: relative(contentRoot, d.file).split(sep).join('/'),
    line: d.line,
    column: d.column,
    severity: d.severity,
    rule: d.rule,
  };
}
