/**
 * What the PNG renderer keeps per worker across jobs. Strips that hold no municipality's
 * own text or logo are the same for every municipality, so after the first job most of a
 * page comes from here: the strip's ink weights, and its compressed rows for each way the
 * palette numbers its mixes. Keys are the strip's own markup (inks as tokens), so a hit is
 * exactly what working it out again would give, whichever municipality came first.
 */
import { createHash } from 'node:crypto';
import type { StripWeights } from './ink-weights.js';
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

/** Weights: about eight document pages at print size plus their web sizes. */
export const stripWeights = new Lru<StripWeights>(192 * MiB, (w) => w.pixels.byteLength + w.levels.byteLength);

/** Compressed rows: a print page is ~0.3 MB of them. */
export const stripSegments = new Lru<Segment>(64 * MiB, (s) => s.data.byteLength);

export function stripKey(markup: string): string {
  return createHash('sha256').update(markup).digest('hex');
}
