/**
 * Phase marks for profiling a build from the outside: with FOLDERPERS_TRACE=<file>, the
 * main thread and every worker append one line per mark (`<ms since the epoch> <thread>
 * <mark>`), which `bench/profile-first.ts` turns into the table in the README. Without the
 * variable a mark costs one property read.
 */
import { appendFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

const file = process.env['FOLDERPERS_TRACE'];

export function mark(name: string): void {
  if (!file) return;
  try {
    appendFileSync(file, `${(performance.timeOrigin + performance.now()).toFixed(1)} ${threadId} ${name}\n`);
  } catch {
    // A trace that cannot be written is no reason to fail a build.
  }
}
