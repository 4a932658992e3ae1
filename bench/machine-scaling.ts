/**
 * What this machine's cores allow, beside the `--jobs` ratio: the same allocation-heavy
 * JavaScript (objects and strings made and dropped, as layout and PDF writing do) run in
 * one process, then in two processes at once. On a machine whose cores scale, two take as
 * long as one; where two take longer, no number of workers makes a build scale better than
 * that, whatever the build does. Separate processes, so nothing of folderpers (one heap,
 * one thread pool) is shared.
 */
import { spawn } from 'node:child_process';
import { median } from './cold-start.js';

/** Object churn for ~0.5 s on an idle core. */
const WORK = `
let kept = [];
for (let i = 0; i < 6e6; i++) {
  kept.push({ x: i, text: 'w' + i });
  if (kept.length > 1e5) kept = [];
}
`;

const RUNS = 3;

function once(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', WORK], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`machine-scaling worker exited with ${code}`))));
  });
}

async function wall(processes: number): Promise<number> {
  const started = performance.now();
  await Promise.all(Array.from({ length: processes }, once));
  return (performance.now() - started) / 1000;
}

export interface MachineScaling {
  one: number;
  two: number;
}

/** Medians of one and of two processes at once, interleaved so drift in the machine's speed affects both alike. */
export async function measureMachineScaling(): Promise<MachineScaling> {
  const ones: number[] = [];
  const twos: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ones.push(await wall(1));
    twos.push(await wall(2));
  }
  return { one: median(ones), two: median(twos) };
}
