/**
 * `node dist/bench/profile-first.js [--content DIR] [--municipality ID]`: where the time
 * of a cold `build --municipality X` into an empty out/ goes. Runs the real CLI with
 * FOLDERPERS_TRACE (src/build/trace.ts) five times and prints, per phase, the median
 * moment it ended (ms after the process was spawned) on the main thread and in the
 * worker, and the job steps the build's own summary reports. The README's Performance
 * section shows its output.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(TOOL_ROOT, 'bin', 'folderpers.js');
const RUNS = 5;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

interface Run {
  marks: Map<string, number>;
  steps: Record<string, Record<string, { ms: number }>>;
  total: number;
}

async function once(content: string, municipality: string): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'folderpers-profile-'));
  const trace = join(dir, 'trace.txt');
  try {
    const spawned = performance.timeOrigin + performance.now();
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(CLI, ['build', '--content', content, '--out', join(dir, 'out'), '--municipality', municipality, '--format', 'json'], {
        stdio: ['ignore', 'pipe', 'ignore'],
        env: { ...process.env, FOLDERPERS_TRACE: trace, NO_COLOR: '1' },
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`folderpers build exited with ${code}`))));
    });
    const total = performance.timeOrigin + performance.now() - spawned;
    const marks = new Map<string, number>();
    for (const line of (await readFile(trace, 'utf8')).trim().split('\n')) {
      const [at, , ...name] = line.split(' ');
      // The first worker's marks, and the first time each phase ends.
      const key = name.join(' ');
      if (!marks.has(key)) marks.set(key, Number(at) - spawned);
    }
    const summary = (JSON.parse(stdout) as { summary: { timings: Run['steps'] } }).summary;
    return { marks, steps: summary.timings, total };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const content = option('--content', join(TOOL_ROOT, 'content'));
  const municipality = option('--municipality', 'huizen');
  await once(content, municipality); // the disk cache warm, as for any second command
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await once(content, municipality));
  const names = [...new Set(runs.flatMap((r) => [...r.marks.keys()]))].sort((a, b) => median(runs.map((r) => r.marks.get(a) ?? NaN)) - median(runs.map((r) => r.marks.get(b) ?? NaN)));
  console.log(`Cold build --municipality ${municipality} into an empty out/, median of ${RUNS} runs (ms after spawn):\n`);
  console.log('| phase ends | ms |\n| --- | ---: |');
  for (const name of names) console.log(`| ${name} | ${median(runs.map((r) => r.marks.get(name) ?? NaN)).toFixed(0)} |`);
  console.log(`| process exits | ${median(runs.map((r) => r.total)).toFixed(0)} |`);
  console.log('\nJob steps in the worker (median ms):\n');
  const kinds = Object.keys(runs[0]!.steps).sort();
  const steps = [...new Set(kinds.flatMap((k) => Object.keys(runs[0]!.steps[k]!)))];
  console.log(`| kind | ${steps.join(' | ')} |\n| --- |${steps.map(() => ' ---: |').join('')}`);
  for (const kind of kinds) {
    const cells = steps.map((s) => {
      const values = runs.map((r) => r.steps[kind]?.[s]?.ms).filter((v): v is number => v !== undefined);
      return values.length ? median(values).toFixed(0) : '';
    });
    console.log(`| ${kind} | ${cells.join(' | ')} |`);
  }
}

await main();
