import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/build/pool.js';

const echo = { url: new URL('./fixtures/echo-worker.mjs', import.meta.url), options: {} };

describe('WorkerPool', () => {
  it('runs tasks on several workers and returns each result to its caller', async () => {
    const pool = new WorkerPool<number | string, { value: number; threadId: number }>(echo, 1);
    const early = pool.run(21); // waits for setup
    pool.grow(3);
    pool.setup({ factor: 2 });
    expect((await early).value).toBe(42);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run(i)));
    await pool.close();
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(3);
  });

  it('a failing task or a dying worker fails only that task', async () => {
    const pool = new WorkerPool<number | string, { value: number }>(echo, 2);
    pool.setup({ factor: 1 });
    await pool.run(1); // both workers must have started before one is killed
    await pool.run(2);
    const results = await Promise.allSettled([pool.run('fail'), pool.run('die'), pool.run(5), pool.run(6)]);
    await pool.close();
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.value : 'rejected'))).toEqual([
      'rejected',
      'rejected',
      5,
      6,
    ]);
  });

  it('tells the workers started so far that tasks are coming, before the tasks are known', async () => {
    const pool = new WorkerPool<number | string, { value: number; threadId: number }>(echo, 2);
    pool.announceTasks();
    pool.grow(3);
    pool.setup({ factor: 1 });
    const answers = await Promise.all(Array.from({ length: 12 }, () => pool.run('told?')));
    await pool.close();
    const byThread = new Map(answers.map((a) => [a.threadId, a.value]));
    expect(byThread.size).toBe(3);
    expect([...byThread.values()].sort()).toEqual([0, 1, 1]);
  });

  it('sends data for later tasks to every worker, also to those started after it, and a new setup starts over', async () => {
    const pool = new WorkerPool<number | string, { value: number; threadId: number }>(echo, 1);
    pool.setup({ factor: 2 });
    pool.extend({ offset: 1 });
    pool.grow(3);
    pool.extend({ offset: 10 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => pool.run(i)));
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 30 }, (_, i) => i * 2 + 11));
    expect(new Set(results.map((r) => r.threadId)).size).toBe(3);
    pool.setup({ factor: 3 });
    pool.grow(4);
    const again = await Promise.all(Array.from({ length: 12 }, (_, i) => pool.run(i)));
    await pool.close();
    expect(again.map((r) => r.value)).toEqual(Array.from({ length: 12 }, (_, i) => i * 3));
  });

  it('holding two tasks, every worker gets a first before any gets a second, and one that dies fails the two it held', async () => {
    const pool = new WorkerPool<number | string, { value: number; threadId: number }>(echo, 2);
    pool.holdTwo(true);
    pool.setup({ factor: 1 });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pool.run(i)));
    expect(results.map((r) => r.value)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // The first four tasks went to two workers, two each.
    const firstFour = results.slice(0, 4).map((r) => r.threadId);
    expect(new Set(firstFour).size).toBe(2);
    expect(firstFour.filter((t) => t === firstFour[0])).toHaveLength(2);

    // The first and third task go to one worker, the second and fourth to the other; 'die'
    // exits at once, with the task its worker held beside it ('told?' answers after 5 ms).
    const settled = await Promise.allSettled([pool.run('told?'), pool.run('die'), pool.run('told?'), pool.run('told?')]);
    await pool.close();
    expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
  });

  it('rejects every task when no worker can start', async () => {
    const pool = new WorkerPool<number, number>({ url: new URL('./fixtures/broken-worker.mjs', import.meta.url), options: {} }, 2);
    pool.setup({});
    const results = await Promise.allSettled([pool.run(1), pool.run(2), pool.run(3)]);
    await pool.close();
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
  });
});
