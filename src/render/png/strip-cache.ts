/**
 * What the PNG renderer keeps per worker across jobs. Strips that hold no municipality's
 * own text or logo are the same for every municipality, so after the first job most of a
 * page comes from here: the strip's ink weights, and its compressed rows for each way the
 * palette numbers its mixes. Keys are the strip's own markup (inks as tokens), so a hit is
 * exactly what working it out again would give, whichever municipality came first.
 */
import { createHash } from 'node:crypto';
import type { StripWeights } from './ink-weights.js';
import { decodeWeights, encodeWeights, type StripShape } from './weights-file.js';
import { decodeSegment, encodeSegment, type Segment } from './zlib-segments.js';

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

  /** Sets `key` to `value` whether or not it had one. */
  replace(key: string, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= this.sizeOf(old);
    }
    this.set(key, value);
  }
}

/** A value kept in memory, and whether the store has it. */
interface Kept<V> {
  value: V;
  stored: boolean;
}

const MiB = 1024 * 1024;

/** Weights: about eight document pages at print size plus their web sizes. */
const weights = new Lru<Kept<StripWeights>>(192 * MiB, (k) => k.value.pixelBytes + k.value.levels.byteLength);

/** Compressed rows: a print page is ~0.3 MB of them. */
const segments = new Lru<Kept<Segment>>(64 * MiB, (k) => k.value.data.byteLength);

/**
 * Keeps measured strips between processes (the build gives each worker one under the
 * output folder), so a rebuild of one municipality starts with the national strips
 * measured and compressed. Best effort: a store that fails to load or save only costs time.
 * What it loads is decoded strictly (see weights-file.ts, zlib-segments.ts), so a file
 * that is not what its key says is measured again.
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
 * Strips measured when the tool was built (see src/build/compile-shipped.ts): read-only,
 * looked up before the build's own store and never copied into it.
 */
export interface ShippedStrips {
  load(key: string): Uint8Array | undefined;
}

let shipped: ShippedStrips | undefined;

export function useShippedStrips(s: ShippedStrips | undefined): void {
  shipped = s;
}

/**
 * The value of `key`: from memory, else from the store, else made now (`make` may find it
 * cannot, and say undefined). A value goes to the store on its second use in this
 * process: a strip that only one municipality has (its own footer text) never gets there.
 */
async function keep<V, Made extends V | undefined>(
  memory: Lru<Kept<V>>,
  key: string,
  codec: { encode: (v: V) => Uint8Array; decode: (b: Uint8Array) => V | undefined },
  make: () => Made | Promise<Made>,
): Promise<V | Made> {
  const kept = memory.get(key);
  if (kept) {
    if (!kept.stored && store) {
      kept.stored = true;
      await store.save(key, codec.encode(kept.value)).catch(() => undefined);
    }
    return kept.value;
  }
  const decode = (bytes: Uint8Array | undefined) => (bytes ? codec.decode(bytes) : undefined);
  // A shipped strip counts as stored: the build's own store need not keep a copy.
  const loaded = decode(shipped?.load(key)) ?? decode(store && (await store.load(key).catch(() => undefined)));
  if (loaded) {
    memory.set(key, { value: loaded, stored: true });
    return loaded;
  }
  const value = await make();
  if (value !== undefined) memory.set(key, { value, stored: false });
  return value;
}

/** A strip's weights, keyed by its markup's hash (stripKey); a stored strip must have `shape`. */
export function weightsFor(key: string, shape: StripShape, measure: () => Promise<StripWeights>): Promise<StripWeights> {
  return keep(weights, key, { encode: (w) => encodeWeights(w, key), decode: (b) => decodeWeights(b, key, shape) }, measure);
}

/**
 * A strip measured again, in place of weights from the store whose pixels did not check
 * out when they were needed; it goes to the store (over the bad file) on its next use.
 */
export async function remeasureWeights(key: string, measure: () => Promise<StripWeights>): Promise<StripWeights> {
  const value = await measure();
  weights.replace(key, { value, stored: false });
  return value;
}

/**
 * A strip's compressed rows. The same strip whose mixes sit at the same palette entries
 * (`lut`) compresses to the same bytes, whichever municipality it is drawn for. A stored
 * segment is used only when `accept` takes its inflated rows; `compress` says undefined
 * when it cannot make them (the strip's stored pixels are bad).
 */
export function segmentFor(
  key: string,
  lut: Uint8Array,
  accept: (rows: Buffer) => boolean,
  compress: () => Segment | undefined,
): Promise<Segment | undefined> {
  const segmentKey = createHash('sha256').update(key).update(':').update(lut).digest('hex');
  return keep(segments, segmentKey, { encode: (s) => encodeSegment(s, segmentKey), decode: (b) => decodeSegment(b, segmentKey, accept) }, compress);
}

export function stripKey(markup: string): string {
  return createHash('sha256').update(markup).digest('hex');
}
