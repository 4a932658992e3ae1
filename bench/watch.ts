/**
 * The one-word rebuild of `folderpers watch`, measured: the real CLI as a child process on
 * a copy of the bundled content, watching one municipality (as a communication officer
 * runs it); after its first build, one word of one document is changed, again and again,
 * and each time the wall time from the write to the rebuilt report is taken (the 100 ms
 * quiet period for the file events included) beside the build's own time. Target: under
 * 1 s. Runs by itself (`node dist/bench/watch.js`) or from the national benchmark.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** This file runs as dist/bench/watch.js. */
const TOOL_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(TOOL_ROOT, 'bin', 'folderpers.js');

export const WATCH_REBUILD_TARGET_S = 1;
const EDITS = 6;
const MUNICIPALITY = 'huizen';
const DOCUMENT = 'ouderfolder';
/** The word changed, and what it becomes in turn. */
const WORDS = ['bos', 'woud'];

export interface WatchRebuild {
  /** Seconds from the write to the rebuilt report, one per edit. */
  wall: number[];
  /** The build's own seconds (validation, render, write), one per edit. */
  build: number[];
  /** Jobs rendered again per edit (1: only the edited document). */
  rendered: number[];
}

export async function measureWatchRebuild(): Promise<WatchRebuild> {
  const dir = await mkdtemp(join(tmpdir(), 'folderpers-bench-watch-'));
  await cp(join(TOOL_ROOT, 'content'), join(dir, 'content'), { recursive: true });
  const child = spawn(CLI, ['watch', '--content', 'content', '--out', 'out', '--municipality', MUNICIPALITY, '--format', 'json'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const reports: { seconds: number; rendered: number; errors: number }[] = [];
    let waiting: (() => void) | undefined;
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        const report = JSON.parse(buffer.slice(0, nl)) as { errors: number; summary?: { seconds: number; jobs: { rendered: number } } };
        buffer = buffer.slice(nl + 1);
        reports.push({ seconds: report.summary?.seconds ?? NaN, rendered: report.summary?.jobs.rendered ?? 0, errors: report.errors });
        waiting?.();
      }
    });
    child.stderr.resume();
    const report = (n: number) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`watch gave no report ${n} within 120 s`)), 120_000);
        waiting = () => {
          if (reports.length < n) return;
          clearTimeout(timer);
          resolve();
        };
        waiting();
      });
    await report(1);
    const file = join(dir, 'content', 'documents', `${DOCUMENT}.md`);
    const result: WatchRebuild = { wall: [], build: [], rendered: [] };
    for (let i = 0; i < EDITS; i++) {
      const text = await readFile(file, 'utf8');
      const [from, to] = i % 2 === 0 ? WORDS : [...WORDS].reverse();
      const started = performance.now();
      await writeFile(file, text.replace(`het ${from} niet`, `het ${to} niet`));
      await report(i + 2);
      const r = reports[i + 1]!;
      if (r.errors > 0) throw new Error(`the rebuild after edit ${i + 1} reported ${r.errors} errors`);
      result.wall.push((performance.now() - started) / 1000);
      result.build.push(r.seconds);
      result.rendered.push(r.rendered);
    }
    return result;
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('close', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function watchRebuildLines(r: WatchRebuild): string[] {
  const worst = Math.max(...r.wall);
  const verdict = worst < WATCH_REBUILD_TARGET_S ? 'meets' : 'MISSES';
  return [
    `watch, one-word edit of ${DOCUMENT} for ${MUNICIPALITY} (${r.wall.length} edits, ${r.rendered.join('/')} jobs rendered):`,
    `  write to rebuilt report: median ${median(r.wall).toFixed(2)} s, worst ${worst.toFixed(2)} s — ${verdict} the ${WATCH_REBUILD_TARGET_S} s target`,
    `  the build itself: median ${median(r.build).toFixed(2)} s, worst ${Math.max(...r.build).toFixed(2)} s`,
  ];
}

/** Measures and prints; for the national benchmark (bench/run.ts). */
export async function benchWatchRebuild(): Promise<WatchRebuild> {
  const r = await measureWatchRebuild();
  for (const line of watchRebuildLines(r)) console.log(line);
  return r;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchWatchRebuild();
