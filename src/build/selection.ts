/**
 * Which part of the national build this run is responsible for: the `--municipality`,
 * `--document` and `--shard` options. The same predicate decides what to render and which
 * old manifest entries this run may remove, so a filtered or sharded build never touches
 * artifacts outside its part.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface Selection {
  /** Empty: all. */
  municipalities: readonly string[];
  /** Empty: all. */
  documents: readonly string[];
  shard?: Shard | undefined;
}

/**
 * The shard (1-based) a municipality belongs to: a hash of its id, not its position in the
 * sorted list, so adding or removing one municipality never moves the others to another
 * shard (a CI cache per shard stays valid) and every id is in exactly one shard.
 */
export function shardOf(municipality: string, count: number): number {
  const digest = createHash('sha256').update(municipality).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function selects(selection: Selection, municipality: string, document: string): boolean {
  if (selection.documents.length > 0 && !selection.documents.includes(document)) return false;
  return selectsMunicipality(selection, municipality);
}

/** The municipality is this run's, whichever documents it builds (its own page lists them all). */
export function selectsMunicipality(selection: Selection, municipality: string): boolean {
  if (selection.municipalities.length > 0 && !selection.municipalities.includes(municipality)) return false;
  if (selection.shard && shardOf(municipality, selection.shard.count) !== selection.shard.index) return false;
  return true;
}
