/**
 * Progress on stderr while jobs render. On a terminal: one redrawn line with a bar, counts,
 * rate and ETA. Elsewhere (CI logs, pipes) or with NO_COLOR set: a plain line every tenth
 * of the way, since a log cannot redraw and should not get a line per job.
 */
export interface ProgressSink {
  update(progress: { done: number; total: number }): void;
  /** Clears the bar, so what follows starts on a clean line. */
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): ProgressSink {
  const interactive = stream.isTTY === true && env.NO_COLOR === undefined;
  return interactive ? new BarProgress(stream) : new LineProgress(stream);
}

class BarProgress implements ProgressSink {
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update({ done, total }: { done: number; total: number }): void {
    const now = Date.now();
    if (done === 0) this.started = now;
    // Redrawing on every job would cost more than the jobs on a fast build.
    if (done !== total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 24;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    const elapsed = (now - this.started) / 1000;
    const rate = elapsed > 0 ? done / elapsed : 0;
    const eta = rate > 0 ? formatSeconds((total - done) / rate) : '…';
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} jobs  ${rate.toFixed(1)}/s  ETA ${eta}`;
    this.stream.write(`\r${line}\x1b[K`);
    this.drawn = true;
  }

  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

class LineProgress implements ProgressSink {
  private lastTenth = -1;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  update({ done, total }: { done: number; total: number }): void {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
    if (tenth === this.lastTenth) return;
    this.lastTenth = tenth;
    this.stream.write(`rendered ${done}/${total} jobs (${Math.round((done / Math.max(total, 1)) * 100)}%)\n`);
  }

  finish(): void {}
}

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${Math.round(seconds - m * 60)} s`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
