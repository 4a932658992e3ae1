/**
 * The warm-up set (compile-shipped.ts): every bundled document with one bundled
 * municipality, as validation gave them, kept with the tool so that a build worker with
 * nothing to do yet can draw real pages of every kind (render-job.ts `warmUp`). A worker's
 * first job of a kind otherwise pays for its code's first run: the diagram ~0.6 s against
 * ~0.25 s once warm, and in a one-profile rebuild the worker waits ~0.8 s for that job.
 *
 * Only caches fill and code warms up; what it draws is thrown away. The municipality's
 * logo is renamed to a name no profile can give (profiles name their files by absolute
 * path), so its bytes never stand in for a content file at the asset gate.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../content/model.js';
import type { LoadedProfile } from '../profiles/model.js';
import { sha256 } from './hash.js';
import { readShipped, shippedIndex, SHIPPED_INDEX, type ShippedIndex } from './shipped-files.js';

/** The prefix of the warm-up municipality's asset names: not an absolute path, so no profile's. */
export const WARM_UP_ASSET = 'folderpers-warm-up:';

export interface WarmUpSet {
  documents: DocumentModel[];
  profile: LoadedProfile;
}

interface Stored {
  documents: DocumentModel[];
  profile: Omit<LoadedProfile, 'positions' | 'assets'>;
  /** Asset name → base64 bytes. */
  assets: Record<string, string>;
}

/** Writes the set into `dir` (emptied by the caller) with its index. */
export function writeWarmUpSet(dir: string, documents: readonly DocumentModel[], profile: LoadedProfile): void {
  const names = new Map(Object.keys(profile.assets).map((path, i) => [path, `${WARM_UP_ASSET}${i}${extension(path)}`]));
  const rename = (value: unknown): unknown => {
    if (typeof value === 'string') return names.get(value) ?? value;
    if (Array.isArray(value)) return value.map(rename);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v)]));
    return value;
  };
  const { positions: _positions, assets, ...rest } = profile;
  const stored: Stored = {
    documents: [...documents],
    profile: rename(rest) as Stored['profile'],
    assets: Object.fromEntries(Object.entries(assets).map(([path, bytes]) => [names.get(path)!, Buffer.from(bytes).toString('base64')])),
  };
  const text = JSON.stringify(stored);
  // Named for its sha256, as the index's names must be.
  const name = sha256(text);
  writeFileSync(join(dir, name), text);
  const index: ShippedIndex<'files'> = { format: 1, files: { [name]: name } };
  writeFileSync(join(dir, SHIPPED_INDEX), `${JSON.stringify(index)}\n`);
}

/** The set in `dir`, or undefined when it is missing or not what its index says. */
export function readWarmUpSet(dir: string): WarmUpSet | undefined {
  const [entry] = shippedIndex(dir, 'files');
  const bytes = entry && readShipped(dir, entry[0], entry[1]);
  if (!bytes) return undefined;
  try {
    const stored = JSON.parse(bytes.toString('utf8')) as Stored;
    const assets = Object.fromEntries(Object.entries(stored.assets).map(([name, b64]) => [name, Buffer.from(b64, 'base64')]));
    return { documents: stored.documents, profile: { ...stored.profile, positions: new Map(), assets } };
  } catch {
    return undefined;
  }
}

function extension(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(dot) : '';
}
