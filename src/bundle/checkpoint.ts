/**
 * A worker's moment to save its code cache in the tool's training run (run-bundle.ts):
 * after a reply, when the code of a whole job has run. Outside training it does nothing.
 */
import { SAVE_CODE_CACHE } from './bundles.js';

export function codeCacheCheckpoint(): void {
  const save = (globalThis as Record<symbol, (() => void) | undefined>)[SAVE_CODE_CACHE];
  save?.();
}
