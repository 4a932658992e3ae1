/**
 * What the PNG renderer keeps per worker across jobs. Strips that hold no municipality's
 * own text or logo are the same for every municipality, so after the first job most of a
 * page comes from here: the strip's ink weights, and its compressed rows for each way the
 * palette numbers its mixes. Keys are the strip's own markup (inks as tokens), so a hit is
 * exactly what working it out again would give, whichever municipality came first.
 */
import { createHash } from 'node:crypto';
import type { StripWeights } from './ink-weights.js';
import { decodeWeights, encodeWeights } from './weights-file.js';
import type { Segment } from './zlib-segments.js';

/** Least recently used entries go first once the entries' bytes pass the budget. */
class Lru<V> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: V): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, value);
    this.bytes += this.sizeOf(value);
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= this.sizeOf(old);
    }
  }
}

const MiB = 1024 * 1024;

/** A strip's weights, and whether the store has them. */
interface Kept {
  weights: StripWeights;
  stored: boolean;
}

/** Weights: about eight document pages at print size plus their web sizes. */
const stripWeights = new Lru<Kept>(192 * MiB, (k) => k.weights.pixels.byteLength + k.weights.levels.byteLength);

/**
 * Keeps measured strips between processes (the build gives each worker one under the
 * output folder), so a rebuild of one municipality starts with the national strips
 * measured. Best effort: a store that fails to load or save only costs time.
 */
export interface StripStore {
  load(key: string): Promise<Uint8Array | undefined>;
  save(key: string, bytes: Uint8Array): Promise<void>;
}

let store: StripStore | undefined;

export function useStripStore(s: StripStore | undefined): void {
  store = s;
}

/**
 * The weights of the strip `key`: from memory, else from the store, else measured now.
 * A strip goes to the store on its second use in this process: one that only a single
 * municipality has (its own footer text) never gets there.
 */
export async function weightsFor(key: string, measure: () => Promise<StripWeights>): Promise<StripWeights> {
  const kept = stripWeights.get(key);
  if (kept) {
    if (!kept.stored && store) {
      kept.stored = true;
      await store.save(key, encodeWeights(kept.weights)).catch(() => undefined);
    }
    return kept.weights;
  }
  const bytes = store && (await store.load(key).catch(() => undefined));
  const loaded = bytes && decodeWeights(bytes);
  if (loaded) {
    stripWeights.set(key, { weights: loaded, stored: true });
    return loaded;
  }
  const weights = await measure();
  stripWeights.set(key, { weights, stored: false });
  return weights;
}

/** Compressed rows: a print page is ~0.3 MB of them. */
export const stripSegments = new Lru<Segment>(64 * MiB, (s) => s.data.byteLength);

export function stripKey(markup: string): string {
  return createHash('sha256').update(markup).digest('hex');
}
