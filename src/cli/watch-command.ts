/**
 * `folderpers watch`: build once, then build the same selection again whenever something
 * under the content folder changes. Each build is an ordinary `build` (validated first,
 * all-or-nothing, incremental), so while there are errors nothing is written and out/
 * keeps the last good files. The worker threads stay between builds with their fonts and
 * caches warm, so a one-word edit is rebuilt in well under a second. Ctrl-C (SIGINT) or
 * SIGTERM lets a running build finish, then stops the workers and exits 0.
 */
import { resolve } from 'node:path';
import { watchContent, type ContentWatcher } from '../build/content-watcher.js';
import { WorkerRunner } from '../build/worker-runner.js';
import { prepareBuild, validateAndBuild, warmWorkers, type BuildCommandOptions } from './build-command.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { shownPath } from './report.js';

export type WatchCommandOptions = Omit<BuildCommandOptions, 'shard' | 'force'>;

export async function runWatch(opts: WatchCommandOptions): Promise<number> {
  const buildOptions: BuildCommandOptions = { ...opts, force: false };
  const context = await prepareBuild(buildOptions, 'watch');
  if (typeof context === 'number') return context;
  // Status lines go with the report in text; beside a JSON or GitHub report, to stderr.
  const status = (line: string) => (opts.format === 'text' ? process.stdout : process.stderr).write(`watch: ${line}\n`);
  const contentRoot = resolve(opts.content);
  const shownContent = shownPath(contentRoot);
  const runner = new WorkerRunner(warmWorkers(buildOptions, context.workers));

  const build = async (): Promise<number> => {
    const code = await validateAndBuild(buildOptions, context, runner, performance.now(), { keepRunner: true, command: 'watch' }).catch((err: unknown) => {
      // A fault in folderpers, not the content's: said plainly, and the next change tries again.
      process.stderr.write(`folderpers watch: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      return EXIT_CONTENT;
    });
    if (code === EXIT_OK) status(`built; watching ${shownContent} for changes (Ctrl-C to stop)`);
    else status(`not built: ${opts.out} keeps the files of the last good build; watching ${shownContent} for a fix (Ctrl-C to stop)`);
    return code;
  };

  return new Promise<number>((done) => {
    let running: Promise<unknown> | undefined;
    let pending: string[] | undefined;
    let stopping = false;

    const next = () => {
      if (running || stopping || !pending) return;
      const files = pending;
      pending = undefined;
      const named = files.length === 0 ? shownContent : files.length <= 3 ? files.map(shownPath).join(', ') : `${shownPath(files[0]!)} and ${files.length - 1} more`;
      status(`${named} changed; building again`);
      running = build().finally(() => {
        running = undefined;
        next();
      });
    };
    const release = async () => {
      watcher.close();
      await runner.close();
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    };
    const stop = async (code = EXIT_OK) => {
      if (stopping) return;
      stopping = true;
      await running;
      await release();
      status('stopped');
      done(code);
    };
    const onSignal = () => void stop();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // Watching starts before the first build: a file saved while it runs is built again
    // once it is done, instead of being missed until the next change.
    const watcher: ContentWatcher = watchContent(contentRoot, {
      onChange: (files) => {
        pending = [...new Set([...(pending ?? []), ...files])].sort();
        next();
      },
      onError: (err) => {
        process.stderr.write(`folderpers watch: cannot watch ${shownContent} any longer: ${err.message}\n`);
        void stop(EXIT_USAGE);
      },
    });
    // A usage problem before anything was built (an unknown id, a locked output folder) ends
    // the run as `build` would; later it is reported and waits for the fix like an error.
    running = build().then(async (first) => {
      if (first !== EXIT_USAGE || stopping) return;
      stopping = true;
      await release();
      done(EXIT_USAGE);
    });
    void running.finally(() => {
      running = undefined;
      next();
    });
  });
}
