/**
 * Preloaded into the CLI (NODE_OPTIONS=--import=…) by swap-after-validation.test.ts: it
 * replaces content files on disk, as a racing checkout or a second process could, at one
 * moment of a build after validation read them. FOLDERPERS_TEST_SWAP is a JSON list of
 * { file, replacement } paths; FOLDERPERS_TEST_SWAP_AT says when:
 * - `setup` (the default): as the build hands the validated content to its workers;
 * - `lock`: as the build takes the output folder's lock, right after validation and
 *   before anything about the jobs (their input hashes) is worked out.
 */
import { copyFileSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { isMainThread, Worker } from 'node:worker_threads';

if (isMainThread) {
  const swaps = JSON.parse(process.env.FOLDERPERS_TEST_SWAP ?? '[]');
  let done = false;
  const swap = () => {
    if (done) return;
    done = true;
    for (const { file, replacement } of swaps) copyFileSync(replacement, file);
  };
  if (process.env.FOLDERPERS_TEST_SWAP_AT === 'lock') {
    // The lock is made whole under a temporary name, then hard-linked into place (output-lock.ts).
    const link = fsp.link;
    fsp.link = function (...args) {
      swap();
      return link.apply(this, args);
    };
  } else {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message, ...rest) {
      if (message !== null && typeof message === 'object' && 'setup' in message) swap();
      return post.call(this, message, ...rest);
    };
  }
}
