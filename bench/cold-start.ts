/**
 * The cold path, measured as issue 14 asks: what a communication officer's first build
 * and a CI run without a cache cost, how a build scales with cores, and a municipality's
 * marginal cost. Every run is the real CLI in a child process on a synthetic set of
 * municipalities the project has not seen (bench/national-set.ts), into a fresh `out/`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeNationalSet, type SyntheticMunicipality } from './national-set.js';

export interface ColdStart {
  /** `build --municipality X` into an empty out/: median of the runs, seconds. */
  first: number;
  /** Then a second municipality into the same out/. */
  second: number;
  /** `--jobs 2` against `--jobs 1`, cold, per set size. */
  scaling: { municipalities: number; jobs1: number; jobs2: number }[];
  /** Wall time of 4 and of 40 municipalities in one run (`--jobs 2`), whole build and leaflet only. */
  marginal: { all: { four: number; forty: number }; leaflet: { four: number; forty: number } };
}

const RUNS = 3;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function wallOf(cli: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cli, ['build', ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`folderpers build ${args.join(' ')} exited with ${code}\n${stderr}`))));
  });
}

/** A content folder with the first `count` synthetic municipalities. */
async function setOf(toolRoot: string, root: string, count: number): Promise<{ content: string; municipalities: SyntheticMunicipality[] }> {
  const dir = join(root, `set-${count}`);
  const municipalities = await writeNationalSet(toolRoot, dir, count);
  return { content: join(dir, 'content'), municipalities };
}

export async function measureColdStart(cli: string, toolRoot: string, root: string): Promise<ColdStart> {
  const forty = await setOf(toolRoot, root, 40);
  const four = await setOf(toolRoot, root, 4);
  const twenty = await setOf(toolRoot, root, 20);
  const fresh = () => mkdtemp(join(root, 'out-'));

  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const out = await fresh();
    const [a, b] = [forty.municipalities[10 + 2 * i]!, forty.municipalities[11 + 2 * i]!];
    first.push(await wallOf(cli, ['--content', forty.content, '--out', out, '--municipality', a.id]));
    second.push(await wallOf(cli, ['--content', forty.content, '--out', out, '--municipality', b.id]));
    await rm(out, { recursive: true, force: true });
  }

  const scaling: ColdStart['scaling'] = [];
  for (const set of [twenty, forty]) {
    const times: Record<number, number> = {};
    for (const jobs of [1, 2]) {
      const out = await fresh();
      times[jobs] = await wallOf(cli, ['--content', set.content, '--out', out, '--jobs', String(jobs), '--force']);
      await rm(out, { recursive: true, force: true });
    }
    scaling.push({ municipalities: set.municipalities.length, jobs1: times[1]!, jobs2: times[2]! });
  }

  const once = async (content: string, ...extra: string[]) => {
    const out = await fresh();
    const wall = await wallOf(cli, ['--content', content, '--out', out, '--jobs', '2', ...extra]);
    await rm(out, { recursive: true, force: true });
    return wall;
  };
  const marginal = {
    all: { four: await once(four.content), forty: await once(forty.content) },
    leaflet: { four: await once(four.content, '--document', 'ouderfolder'), forty: await once(forty.content, '--document', 'ouderfolder') },
  };
  return { first: median(first), second: median(second), scaling, marginal };
}

/** Seconds per municipality beyond the first four, from the 4- and 40-municipality runs. */
export function perMunicipality(m: { four: number; forty: number }): number {
  return (m.forty - m.four) / 36;
}
