/**
 * Changes under a content folder (documents, profiles, defaults, assets, local section
 * files), reported in batches: an editor's save is often several events (a temporary
 * written, renamed, the folder touched), and a `git checkout` many, so events are gathered
 * until none came for `quietMs` and then reported once, with the files they named.
 * Node watches a folder tree natively (`recursive`, on Linux since Node 20.13), new
 * subfolders included.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';

export interface ContentWatcher {
  close(): void;
}

export interface WatchHandlers {
  /** Absolute paths of the files that changed, sorted; empty when the events named none. */
  onChange: (files: string[]) => void;
  /** The folder can no longer be watched (removed, or the system's watch limit reached). */
  onError: (err: Error) => void;
}

export const QUIET_MS = 100;

export function watchContent(root: string, handlers: WatchHandlers, quietMs = QUIET_MS): ContentWatcher {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const files = [...changed].sort();
    changed.clear();
    handlers.onChange(files);
  };
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, name) => {
    if (name) changed.add(join(root, name.toString()));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, quietMs);
  });
  watcher.on('error', (err) => handlers.onError(err));
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
