/**
 * After validation no stage reads an asset file again. A logo or house font swapped on disk
 * between validation and rendering (by a slow pull request checkout, a second process, an
 * attacker racing the build) must not reach an output, and only the bytes the asset gate
 * checked are known to be safe to hand to librsvg, sharp and fontkit. So the gate's bytes
 * travel with the validated profile (to build workers too) and are admitted here; the
 * layout and the renderers ask for them by the path the profile names. Asking for a path
 * that was never admitted is a programming error, not a content problem: it throws.
 */
import { assert } from '../diagnostics/index.js';

const admitted = new Map<string, Buffer>();

/** Makes `bytes` the content of `path` for every later stage of this thread. */
export function admitCheckedAsset(path: string, bytes: Uint8Array): void {
  admitted.set(path, Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** The checked bytes of an asset. Callers cache by this Buffer's identity, never by path. */
export function checkedAsset(path: string): Buffer {
  const bytes = admitted.get(path);
  assert(bytes, `${path} did not pass the asset gate in this thread; only checked bytes may be laid out or rendered`);
  return bytes;
}
