/**
 * out/manifest.json: what the build owns in the output folder, the input hash of every
 * job for incremental rebuilds, and what the review site shows (the documents, the
 * municipalities and the warnings the build gave about each). Serialised canonically
 * (sorted entries, sorted keys, no timestamps), so identical inputs give an identical
 * manifest whatever `--jobs` is and on whatever machine, and shard manifests can be merged
 * by a plain union. The review site (`site`) is a function of the rest of the manifest
 * (src/build/site-files.ts), so a merged manifest gets the site of all shards.
 */
import { ARTIFACT_FORMATS, type ArtifactFormat } from './formats.js';
import { canonicalJson, sortKeys } from './hash.js';
import { compareIds } from './plan.js';
import { MANIFEST_FILE, SITE_FILE } from './output-names.js';
import { readBack } from './read-back.js';

export { MANIFEST_FILE, SITE_FILE } from './output-names.js';

export const MANIFEST_VERSION = 2;

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

/** A warning of the build, as the review site shows it. */
export interface ManifestWarning {
  /** Relative to the content folder, with `/`. */
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export interface ManifestJob {
  municipality: string;
  document: string;
  /** sha256 of everything the job's files depend on (see inputs.ts). */
  inputs: string;
  /** What rendering the job warned about (kept while the job is skipped). */
  warnings: ManifestWarning[];
}

export interface ManifestDocument {
  id: string;
  kind: string;
  title: string;
  description?: string;
}

export interface ManifestMunicipality {
  id: string;
  name: string;
  /** Validation's warnings about the profile and its files. */
  warnings: ManifestWarning[];
}

/** The review site, `out/index.html`. */
export interface ManifestSite {
  path: typeof SITE_FILE;
  bytes: number;
  sha256: string;
}


export interface Manifest {
  manifestVersion: typeof MANIFEST_VERSION;
  /** `folderpers <version>`: the tool that wrote the files. */
  generator: string;
  documents: ManifestDocument[];
  municipalities: ManifestMunicipality[];
  /** Warnings about what every municipality shares (documents, defaults). */
  warnings: ManifestWarning[];
  artifacts: ManifestArtifact[];
  jobs: ManifestJob[];
  site?: ManifestSite;
}

export function emptyManifest(generator: string): Manifest {
  return { manifestVersion: MANIFEST_VERSION, generator, documents: [], municipalities: [], warnings: [], artifacts: [], jobs: [] };
}

function compareWarnings(a: ManifestWarning, b: ManifestWarning): number {
  return compareIds(a.file, b.file) || a.line - b.line || a.column - b.column || compareIds(a.rule, b.rule) || compareIds(a.message, b.message);
}

/** Sorted, and each warning once. */
export function sortWarnings(warnings: readonly ManifestWarning[]): ManifestWarning[] {
  const seen = new Set<string>();
  return [...warnings].sort(compareWarnings).filter((w) => {
    const key = canonicalJson(w);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function serializeManifest(manifest: Manifest): string {
  const sorted: Manifest = {
    manifestVersion: manifest.manifestVersion,
    generator: manifest.generator,
    documents: [...manifest.documents].sort((a, b) => compareIds(a.id, b.id)),
    municipalities: [...manifest.municipalities]
      .sort((a, b) => compareIds(a.id, b.id))
      .map((m) => ({ ...m, warnings: sortWarnings(m.warnings) })),
    warnings: sortWarnings(manifest.warnings),
    artifacts: [...manifest.artifacts].sort((a, b) => compareIds(a.path, b.path)),
    jobs: [...manifest.jobs]
      .sort((a, b) => compareIds(a.municipality, b.municipality) || compareIds(a.document, b.document))
      .map((j) => ({ ...j, warnings: sortWarnings(j.warnings) })),
    ...(manifest.site ? { site: manifest.site } : {}),
  };
  // Canonical key order, pretty-printed so a diff of two manifests is readable. Stringified
  // once: a national manifest is ~9,900 entries, and writing it, parsing it back and
  // writing it again took ~90 ms of every rebuild, twice when files change.
  return `${JSON.stringify(sortKeys(sorted), null, 2)}\n`;
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
  if (
    typeof data.generator !== 'string' ||
    !Array.isArray(data.artifacts) ||
    !Array.isArray(data.jobs) ||
    !Array.isArray(data.documents) ||
    !Array.isArray(data.municipalities) ||
    !isWarnings(data.warnings)
  ) {
    return 'missing generator, documents, municipalities, warnings, artifacts or jobs';
  }
  for (const d of data.documents as unknown[]) {
    if (!isRecord(d) || !isId(d.id) || typeof d.kind !== 'string' || typeof d.title !== 'string' || !(d.description === undefined || typeof d.description === 'string')) {
      return `invalid document entry ${JSON.stringify(d)}`;
    }
  }
  for (const m of data.municipalities as unknown[]) {
    if (!isRecord(m) || !isId(m.id) || typeof m.name !== 'string' || !isWarnings(m.warnings)) return `invalid municipality entry ${JSON.stringify(m)}`;
  }
  if (data.site !== undefined && !(isRecord(data.site) && data.site.path === SITE_FILE && isCount(data.site.bytes) && isHex64(data.site.sha256))) {
    return `invalid site entry ${JSON.stringify(data.site)}`;
  }
  for (const a of data.artifacts as unknown[]) {
    if (
      !isRecord(a) ||
      !isId(a.municipality) ||
      !isId(a.document) ||
      !(ARTIFACT_FORMATS as readonly unknown[]).includes(a.format) ||
      a.path !== `${a.municipality}/${a.document}.${a.format}` ||
      !isCount(a.bytes) ||
      !isHex64(a.sha256)
    ) {
      return `invalid artifact entry ${JSON.stringify(a)}`;
    }
  }
  for (const j of data.jobs as unknown[]) {
    if (!isRecord(j) || !isId(j.municipality) || !isId(j.document) || typeof j.inputs !== 'string' || !isWarnings(j.warnings)) {
      return `invalid job entry ${JSON.stringify(j)}`;
    }
  }
  return data as unknown as Manifest;
}

/**
 * Union of shard manifests. The shards of one build never overlap, so an entry that two
 * manifests both hold must be identical; anything else means they are not shards of the
 * same build, and merging would hide it. Each shard's site shows that shard only, so the
 * union has none: `folderpers site` makes the site of all of them.
 */
export function mergeManifests(manifests: readonly Manifest[]): Manifest | string {
  const first = manifests[0];
  if (!first) return 'no manifests to merge';
  const artifacts = new Map<string, ManifestArtifact>();
  const jobs = new Map<string, ManifestJob>();
  const municipalities = new Map<string, ManifestMunicipality>();
  const documents = canonicalJson([...first.documents].sort((a, b) => compareIds(a.id, b.id)));
  for (const m of manifests) {
    if (m.generator !== first.generator) return `manifests come from different tools: ${first.generator} and ${m.generator}`;
    if (canonicalJson([...m.documents].sort((a, b) => compareIds(a.id, b.id))) !== documents) return 'manifests list different documents: they were built from different content';
    for (const entry of m.municipalities) {
      const seen = municipalities.get(entry.id);
      if (seen && canonicalJson({ ...seen, warnings: sortWarnings(seen.warnings) }) !== canonicalJson({ ...entry, warnings: sortWarnings(entry.warnings) })) {
        return `conflicting entries for municipality ${entry.id}`;
      }
      municipalities.set(entry.id, entry);
    }
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
  return {
    manifestVersion: MANIFEST_VERSION,
    generator: first.generator,
    documents: first.documents,
    municipalities: [...municipalities.values()],
    // Every shard validates the national content: the same warnings, each kept once.
    warnings: sortWarnings(manifests.flatMap((m) => m.warnings)),
    artifacts: [...artifacts.values()],
    jobs: [...jobs.values()],
  };
}

function isWarnings(value: unknown): value is ManifestWarning[] {
  return (
    Array.isArray(value) &&
    value.every((w) => isRecord(w) && typeof w.file === 'string' && isCount(w.line) && isCount(w.column) && typeof w.rule === 'string' && typeof w.message === 'string')
  );
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function isHex64(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Municipality and document ids as the content format allows them: no `/`, no `..`. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(value);
}
