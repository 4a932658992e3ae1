/**
 * Input hashes for incremental builds. A job's files are a function of: the tool (its
 * compiled code, templates, the print colour profile, and the versions of the libraries
 * that draw: pdfkit, fontkit, sharp, the font package …), the document's model, the
 * merged municipality profile with every file it points at (logo, house fonts, local
 * section text), and the creation date. If none of these changed, the files would come
 * out byte-identical, so the job can be skipped. The content's parts are hashed as
 * validation gave them to the renderers, never read from disk a second time. Paths inside
 * the content folder are hashed relative to it, so the hash does not depend on where the
 * content was checked out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { assert } from '../diagnostics/index.js';
import type { BuildDocument, BuildProfile } from './build.js';
import { kindModuleFiles } from '../kinds/registry.js';
import { installedVersion } from '../patches/versions.js';
import { canonicalJson, combineHashes, sha256 } from './hash.js';
import { TOOL_ROOT } from './tool-root.js';

export { SHIPPED_STRIPS_DIR, TOOL_ROOT } from './tool-root.js';

const PACKAGE = JSON.parse(readFileSync(join(TOOL_ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies?: Record<string, string>;
};

export const TOOL_VERSION = PACKAGE.version;

export async function toolFingerprint(): Promise<string> {
  const code = await hashTree(join(TOOL_ROOT, 'dist', 'src'));
  const templates = await hashTree(join(TOOL_ROOT, 'templates'));
  // The print edition's colour profile decides its inks.
  const icc = await hashTree(join(TOOL_ROOT, 'data', 'icc'));
  const libraries: Record<string, string> = {};
  for (const dep of Object.keys(PACKAGE.dependencies ?? {}).sort()) libraries[dep] = installedVersion(dep) ?? 'missing';
  // Kinds a program registered beyond the bundled ones draw too: their files count as code.
  const kinds: Record<string, string> = {};
  for (const file of kindModuleFiles()) kinds[file] = sha256(readFileSync(file));
  return combineHashes({ version: PACKAGE.version, code, templates, icc, libraries: canonicalJson(libraries), ...(Object.keys(kinds).length ? { kinds: canonicalJson(kinds) } : {}) });
}

/** sha256 over the relative paths and bytes of every file under `dir` (empty if none). */
export async function hashTree(dir: string): Promise<string> {
  const parts: Record<string, string> = {};
  for (const file of listFiles(dir)) parts[relative(dir, file).split(sep).join('/')] = sha256(readFileSync(file));
  return combineHashes(parts);
}

/*
 * The hashing here reads synchronously: every build hashes the tool's ~130 files and each
 * municipality's profile files, all small, and the thread pool's round trip per file cost
 * more than reading them (a tenth of a second of an unchanged national rebuild).
 */
function listFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(path));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/**
 * The municipality's part of every job hash: what its jobs are drawn from, exactly as
 * validation checked it and the workers receive it: the merged profile, its parsed
 * section files, the bytes of its logo and house fonts, its design tokens. Nothing is read
 * from disk again: a file replaced after validation read it would otherwise be hashed in
 * its new version for files drawn from the old one, and the next build would take those
 * files for current.
 */
export function profileHash(p: BuildProfile, contentRoot: string): string {
  const root = resolve(contentRoot);
  const assets: Record<string, string> = {};
  for (const [file, bytes] of Object.entries(p.assets)) assets[relativePath(file, root)] = assetDigest(bytes);
  return combineHashes({
    profile: canonicalJson(relativise(p.profile, root)),
    sections: canonicalJson(relativise(p.overrides ?? {}, root)),
    assets: canonicalJson(assets),
    tokens: canonicalJson(p.tokens ?? {}),
  });
}

/** The document's part: its model as validation parsed it (what the workers receive), not its file read again. */
export function documentHash(doc: BuildDocument, contentRoot: string): string {
  return sha256(canonicalJson(relativise(doc, resolve(contentRoot))));
}

// Profiles that share a house font share its bytes (one object): hashed once per build.
const digests = new WeakMap<Uint8Array, string>();

function assetDigest(bytes: Uint8Array): string {
  let digest = digests.get(bytes);
  if (digest === undefined) digests.set(bytes, (digest = sha256(bytes)));
  return digest;
}

export function jobInputHash(parts: { tool: string; creationDate: string; document: string; profile: string }): string {
  return combineHashes(parts);
}

/**
 * Paths inside the content folder relative to it, so a hash does not depend on where the
 * content was checked out. Plain data only: a Map, a class instance or bytes would hash as
 * `{}` whatever they hold, and a change in them would render nothing.
 */
function relativise(value: unknown, root: string): unknown {
  if (typeof value === 'string') return relativePath(value, root);
  if (Array.isArray(value)) return value.map((v) => relativise(v, root));
  if (value !== null && typeof value === 'object') {
    const proto = Object.getPrototypeOf(value) as object | null;
    assert(proto === Object.prototype || proto === null, `an input hash met a ${value.constructor.name}: it hashes plain data only`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativise(v, root)]));
  }
  assert(typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint', `an input hash met a ${typeof value}: it hashes plain data only`);
  return value;
}

function relativePath(value: string, root: string): string {
  return isAbsolute(value) && isInside(value, root) ? relative(root, value).split(sep).join('/') : value;
}

function isInside(file: string, root: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

