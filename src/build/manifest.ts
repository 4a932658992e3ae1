/**
 * out/manifest.json: what the build owns in the output folder, and the input hash of every
 * job for incremental rebuilds. Serialised canonically (sorted entries, sorted keys, no
 * timestamps), so identical inputs give an identical manifest whatever `--jobs` is and on
 * whatever machine, and shard manifests can be merged by a plain union.
 */
import { ARTIFACT_FORMATS, type ArtifactFormat } from './formats.js';
import { canonicalJson } from './hash.js';
import { compareIds } from './plan.js';
import { readBack } from './read-back.js';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 1;

/** A national manifest is ~1.5 MB; a larger file is not one (and is not read into memory). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

export interface ManifestArtifact {
  municipality: string;
  document: string;
  format: ArtifactFormat;
  /** Relative to the output folder, with `/`. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface ManifestJob {
  municipality: string;
  document: string;
  /** sha256 of everything the job's files depend on (see inputs.ts). */
  inputs: string;
}

export interface Manifest {
  manifestVersion: typeof MANIFEST_VERSION;
  /** `folderpers <version>`: the tool that wrote the files. */
  generator: string;
  artifacts: ManifestArtifact[];
  jobs: ManifestJob[];
}

export function emptyManifest(generator: string): Manifest {
  return { manifestVersion: MANIFEST_VERSION, generator, artifacts: [], jobs: [] };
}

export function serializeManifest(manifest: Manifest): string {
  const sorted: Manifest = {
    manifestVersion: manifest.manifestVersion,
    generator: manifest.generator,
    artifacts: [...manifest.artifacts].sort((a, b) => compareIds(a.path, b.path)),
    jobs: [...manifest.jobs].sort(
      (a, b) => compareIds(a.municipality, b.municipality) || compareIds(a.document, b.document),
    ),
  };
  // Canonical key order, then pretty-printed so a diff of two manifests is readable.
  return `${JSON.stringify(JSON.parse(canonicalJson(sorted)), null, 2)}\n`;
}

export type ManifestRead =
  | { status: 'missing' }
  | { status: 'invalid'; reason: string }
  | { status: 'ok'; manifest: Manifest; text: string };

/**
 * The manifest at `file`. Only a regular file is read (a FIFO would block, a link may
 * point anywhere): anything else is invalid, with why.
 */
export async function readManifest(file: string): Promise<ManifestRead> {
  const read = readBack(file, MAX_MANIFEST_BYTES);
  if (read.status === 'missing') return { status: 'missing' };
  if (read.status === 'refused') return { status: 'invalid', reason: read.reason };
  const text = read.bytes.toString('utf8');
  const parsed = parseManifest(text);
  return typeof parsed === 'string' ? { status: 'invalid', reason: parsed } : { status: 'ok', manifest: parsed, text };
}

/** The manifest, or why it is not one. Paths are checked so that removing an entry's file can never leave the output folder. */
export function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'not valid JSON';
  }
  if (!isRecord(data) || data.manifestVersion !== MANIFEST_VERSION) return `not a version ${MANIFEST_VERSION} manifest`;
  if (typeof data.generator !== 'string' || !Array.isArray(data.artifacts) || !Array.isArray(data.jobs)) {
    return 'missing generator, artifacts or jobs';
  }
  for (const a of data.artifacts as unknown[]) {
    if (
      !isRecord(a) ||
      !isId(a.municipality) ||
      !isId(a.document) ||
      !(ARTIFACT_FORMATS as readonly unknown[]).includes(a.format) ||
      a.path !== `${a.municipality}/${a.document}.${a.format}` ||
      typeof a.bytes !== 'number' ||
      typeof a.sha256 !== 'string'
    ) {
      return `invalid artifact entry ${JSON.stringify(a)}`;
    }
  }
  for (const j of data.jobs as unknown[]) {
    if (!isRecord(j) || !isId(j.municipality) || !isId(j.document) || typeof j.inputs !== 'string') {
      return `invalid job entry ${JSON.stringify(j)}`;
    }
  }
  return data as unknown as Manifest;
}

/**
 * Union of shard manifests. The shards of one build never overlap, so an entry that two
 * manifests both hold must be identical; anything else means they are not shards of the
 * same build, and merging would hide it.
 */
export function mergeManifests(manifests: readonly Manifest[]): Manifest | string {
  const first = manifests[0];
  if (!first) return 'no manifests to merge';
  const artifacts = new Map<string, ManifestArtifact>();
  const jobs = new Map<string, ManifestJob>();
  for (const m of manifests) {
    if (m.generator !== first.generator) return `manifests come from different tools: ${first.generator} and ${m.generator}`;
    for (const a of m.artifacts) {
      const seen = artifacts.get(a.path);
      if (seen && canonicalJson(seen) !== canonicalJson(a)) return `conflicting entries for ${a.path}`;
      artifacts.set(a.path, a);
    }
    for (const j of m.jobs) {
      const key = `${j.municipality}/${j.document}`;
      const seen = jobs.get(key);
      if (seen && seen.inputs !== j.inputs) return `conflicting input hashes for ${key}`;
      jobs.set(key, j);
    }
  }
  return { manifestVersion: MANIFEST_VERSION, generator: first.generator, artifacts: [...artifacts.values()], jobs: [...jobs.values()] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Municipality and document ids as the content format allows them: no `/`, no `..`. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
