/**
 * Preloaded into the CLI (NODE_OPTIONS=--import=…) by swap-after-validation.test.ts: the
 * moment validation is over and the build hands the validated content to its workers (the
 * `setup` message), it replaces content files on disk, as a racing checkout or a second
 * process could. FOLDERPERS_TEST_SWAP is a JSON list of { file, replacement } paths.
 */
import { copyFileSync } from 'node:fs';
import { isMainThread, Worker } from 'node:worker_threads';

if (isMainThread) {
  const swaps = JSON.parse(process.env.FOLDERPERS_TEST_SWAP ?? '[]');
  const post = Worker.prototype.postMessage;
  let done = false;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!done && message !== null && typeof message === 'object' && 'setup' in message) {
      done = true;
      for (const { file, replacement } of swaps) copyFileSync(replacement, file);
    }
    return post.call(this, message, ...rest);
  };
}
