/**
 * What the language checks add to `validate`: the real CLI on the same content with the
 * language rules on (as shipped) and off (a language.yaml that switches every one off),
 * run alternately so that a busy machine slows both alike; the difference of the medians.
 * Once for the bundled content, once for the national set (342 profiles). With spelling on,
 * this includes loading the dictionary once. Wall time and the process's CPU time are both
 * given: on a machine shared with other work, the least CPU time is the steadier figure.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ALL_OFF = ['spelling', 'long-sentence', 'passive', 'officialese', 'long-word'].map((r) => `  language/${r}: off`).join('\n');

export interface LanguageCost {
  /** In seconds: the median wall time, and the least CPU time of the validate process. */
  on: number;
  off: number;
  cpuOn: number;
  cpuOff: number;
  /** Median of on minus median of off, in seconds (wall, and CPU). */
  added: number;
  cpuAdded: number;
  warnings: number;
}

const CPU_OF = join(dirname(fileURLToPath(import.meta.url)), 'cpu-of.js');

function validate(cli: string, content: string): { wall: number; cpu: number; warnings: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [CPU_OF, cli, 'validate', '--content', content, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`validate failed (${String(r.status)}): ${r.stderr.slice(0, 500)}`);
  const cpu = Number(/cpu-ms ([\d.]+)\s*$/.exec(r.stderr)?.[1]) / 1000;
  return { wall, cpu, warnings: (JSON.parse(r.stdout) as { warnings: number }).warnings };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function languageCost(cli: string, content: string, scratch: string, rounds = 7): Promise<LanguageCost> {
  const dir = await mkdtemp(join(scratch, 'language-off-'));
  const off = join(dir, 'content');
  try {
    await cp(content, off, { recursive: true });
    await writeFile(join(off, 'language.yaml'), `rules:\n${ALL_OFF}\n`);
    validate(cli, content); // warm the file cache for both
    validate(cli, off);
    const on: { wall: number; cpu: number }[] = [];
    const offs: { wall: number; cpu: number }[] = [];
    let warnings = 0;
    for (let i = 0; i < rounds; i++) {
      const a = validate(cli, content);
      on.push(a);
      warnings = a.warnings;
      offs.push(validate(cli, off));
    }
    const wall = (runs: { wall: number }[]): number => median(runs.map((r) => r.wall));
    // The least CPU time a run took: other work on the machine only ever adds to it.
    const cpu = (runs: { cpu: number }[]): number => Math.min(...runs.map((r) => r.cpu));
    return {
      on: wall(on),
      off: wall(offs),
      cpuOn: cpu(on),
      cpuOff: cpu(offs),
      added: wall(on) - wall(offs),
      cpuAdded: cpu(on) - cpu(offs),
      warnings,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
