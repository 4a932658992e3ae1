/**
 * The hostile corpus: every folder in test/fixtures/hostile/ is one threat, laid over a copy
 * of the bundled content and run through the real CLI. Each must end with its exact
 * diagnostics (file, line, column, rule) and exit code, fast, without a stack trace, and
 * without a file written anywhere but the output folder.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { changes, type Generated, hasStackTrace, HOSTILE, makeWorkspace, removeWorkspace, runCli, snapshot } from './workspace.js';

interface Case {
  threat: string;
  args: string[];
  /** Add `--format json` and check diagnostics (default true). */
  json?: boolean;
  exit: number;
  /** Exactly the errors expected (warnings are not part of a threat). */
  expect?: { file: string; line: number; column: number; rule: string }[];
  /** A regular expression the whole of stderr must match. */
  stderr?: string;
  generate?: Generated[];
  /** Files that must not exist after the run (markers written by code that must never run). */
  absent?: string[];
  /** Workspace paths removed before the overlay is laid. */
  remove?: string[];
  /**
   * A threat the code does not meet yet, with what is missing. The case runs and must fail;
   * once the gap is closed it passes, the test turns red, and this field must go.
   */
  gap?: string;
  /** The gap exists only when the tests run as root (as on CI here). */
  gapOnlyAsRoot?: boolean;
}

const SECONDS = 10;
const cases = readdirSync(HOSTILE, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => ({ name: e.name, spec: JSON.parse(readFileSync(path.join(HOSTILE, e.name, 'case.json'), 'utf8')) as Case }));

const workspaces: string[] = [];
afterAll(async () => {
  await Promise.all(workspaces.map(removeWorkspace));
});

/** The folder a build may write into: its --out, else out/. */
function outFolder(args: string[]): string {
  const i = args.indexOf('--out');
  return i >= 0 ? (args[i + 1] ?? 'out') : 'out';
}

describe.each(cases)('hostile case $name', ({ name, spec }) => {
  const gap = spec.gap && (!spec.gapOnlyAsRoot || process.getuid?.() === 0) ? spec.gap : undefined;
  const test = gap ? it.fails : it;
  test(gap ? `${spec.threat} (KNOWN GAP: ${gap})` : spec.threat, async () => {
    const dir = await makeWorkspace(path.join(HOSTILE, name), spec.generate, spec.remove);
    workspaces.push(dir);
    const before = await snapshot(dir);
    const args = spec.json === false ? spec.args : [...spec.args, '--format', 'json'];
    const run = await runCli(dir, args);
    const context = `${name}: exit ${run.code}\nstdout: ${run.stdout.slice(0, 2000)}\nstderr: ${run.stderr.slice(0, 2000)}`;

    expect(run.signal, context).toBeNull();
    expect(run.ms, `${name} took ${run.ms} ms`).toBeLessThan(SECONDS * 1000);
    expect(hasStackTrace(run.stdout + run.stderr), context).toBe(false);
    expect(run.stderr, context).not.toMatch(/internal error/i);

    if (spec.expect) {
      let report: { diagnostics: { file: string; line: number; column: number; severity: string; rule: string }[] };
      try {
        report = JSON.parse(run.stdout);
      } catch {
        throw new Error(`stdout is not one JSON object.\n${context}`);
      }
      const errors = report.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
      const wanted = spec.expect.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);
      expect(errors.sort(), context).toEqual(wanted.sort());
    }
    if (spec.stderr) expect(run.stderr, context).toMatch(new RegExp(spec.stderr));
    expect(run.code, context).toBe(spec.exit);

    for (const marker of spec.absent ?? []) expect(existsSync(path.join(dir, marker)), `${marker} exists: code ran`).toBe(false);
    const out = path.normalize(outFolder(spec.args));
    const written = changes(before, await snapshot(dir)).filter(
      (p) => !(spec.args[0] === 'build' && spec.exit === 0 && (p === out || p.startsWith(out + path.sep))),
    );
    expect(written, `${name} wrote outside its output folder`).toEqual([]);
  });
});
