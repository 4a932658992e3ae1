/**
 * A pool of worker threads that each hold one task at a time, or two (`holdTwo`). Workers
 * are long-lived so each loads its fonts and templates once for all the jobs it renders,
 * and they can be started before their data is known (`setup` sends it later), so that
 * loading overlaps the main thread's validation. The pool only decides *where* a task
 * runs; a task's result never depends on it, which is what keeps builds identical
 * whatever `--jobs` is.
 */
import { Worker } from 'node:worker_threads';
import { takePrestarted, type WorkerScript } from '../bundle/worker-script.js';

interface Pending<Res> {
  resolve: (value: Res) => void;
  reject: (reason: Error) => void;
}

interface Slot<Req, Res> {
  worker: Worker;
  /** The tasks this worker holds, by id. */
  busy: Map<number, Pending<Res>>;
  completed: number;
}

/**
 * Messages a pool worker receives: its data once (`setup`), more of it for tasks found
 * later (`more`), then tasks; `tasksComing` when tasks will follow, so it stops readying itself.
 */
export type WorkerMessage<Req> = { setup: unknown } | { more: unknown } | { tasksComing: true } | { id: number; request: Req };

/** Messages a pool worker posts back (see worker.ts). */
export type WorkerReply<Res> = { id: number; ok: true; result: Res } | { id: number; ok: false; error: string };

export class WorkerPool<Req, Res> {
  private readonly slots: Slot<Req, Res>[] = [];
  private readonly waiting: { id: number; request: Req; pending: Pending<Res> }[] = [];
  private nextId = 0;
  private closed = false;
  private setupData: { data: unknown } | undefined;
  /** Tasks a worker holds at once. */
  private depth = 1;
  /** Sent since the last setup, in order: a worker started later gets them after its setup. */
  private more: unknown[] = [];

  constructor(
    private readonly script: WorkerScript,
    size: number,
  ) {
    this.grow(size);
  }

  /** Starts workers until there are `size`. */
  grow(size: number): void {
    while (this.slots.length < size) this.slots.push(this.spawn());
  }

  /** The data every worker needs before its first task; also sent to workers started later. */
  setup(data: unknown): void {
    this.setupData = { data };
    this.more = [];
    for (const slot of this.slots) slot.worker.postMessage({ setup: data } satisfies WorkerMessage<Req>);
    this.dispatch();
  }

  /**
   * Data for tasks the setup did not know of, sent before them: a worker reads its
   * messages in order, so every task run after this finds it.
   */
  extend(data: unknown): void {
    this.more.push(data);
    for (const slot of this.slots) slot.worker.postMessage({ more: data } satisfies WorkerMessage<Req>);
  }

  /**
   * Lets each worker hold two tasks: it starts the second while the first waits for work
   * off its thread (librsvg and libvips on the thread pool). Every worker gets a first
   * task before any gets a second.
   */
  holdTwo(two: boolean): void {
    this.depth = two ? 2 : 1;
    this.dispatch();
  }

  /** Tells the workers started so far that tasks will follow, before they are known. */
  announceTasks(): void {
    for (const slot of this.slots) slot.worker.postMessage({ tasksComing: true } satisfies WorkerMessage<Req>);
  }

  run(request: Req): Promise<Res> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise<Res>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, request, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot<Req, Res> {
    const worker = takePrestarted(this.script) ?? new Worker(this.script.url, this.script.options);
    if (this.setupData) worker.postMessage({ setup: this.setupData.data } satisfies WorkerMessage<Req>);
    for (const data of this.more) worker.postMessage({ more: data } satisfies WorkerMessage<Req>);
    const slot: Slot<Req, Res> = { worker, completed: 0, busy: new Map() };
    worker.on('message', (reply: WorkerReply<Res>) => {
      const pending = slot.busy.get(reply.id);
      if (!pending) return;
      slot.busy.delete(reply.id);
      slot.completed += 1;
      if (reply.ok) pending.resolve(reply.result);
      else pending.reject(new Error(reply.error));
      this.dispatch();
    });
    // A worker that dies (uncaught error, out of memory) fails only the tasks it held; a fresh
    // worker takes its place so the other tasks still run. One that dies before finishing
    // any task cannot start at all: it is not replaced, and without workers the rest fail.
    const replace = (error: Error) => {
      const held = [...slot.busy.values()];
      slot.busy.clear();
      for (const pending of held) pending.reject(error);
      const index = this.slots.indexOf(slot);
      if (this.closed || index < 0) return;
      if (slot.completed > 0) this.slots[index] = this.spawn();
      else this.slots.splice(index, 1);
      if (this.slots.length === 0) {
        for (const w of this.waiting.splice(0)) w.pending.reject(error);
      }
      this.dispatch();
    };
    worker.on('error', (err) => replace(err));
    worker.on('exit', (code) => {
      if (!this.closed) replace(new Error(`worker stopped with exit code ${code}`));
    });
    return slot;
  }

  private dispatch(): void {
    if (!this.setupData) return;
    for (let held = 0; held < this.depth; held++) {
      for (const slot of this.slots) {
        if (slot.busy.size > held) continue;
        const next = this.waiting.shift();
        if (!next) return;
        slot.busy.set(next.id, next.pending);
        slot.worker.postMessage({ id: next.id, request: next.request } satisfies WorkerMessage<Req>);
      }
    }
  }
}
