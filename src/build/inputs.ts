/**
 * Input hashes for incremental builds. A job's files are a function of: the tool (its
 * compiled code, templates, the print colour profile, and the versions of the libraries that draw: pdfkit, fontkit,
 * sharp, the font package …), the document's source, the merged municipality profile and
 * every file the profile points at (logo, house fonts, local section text), and the
 * creation date. If none of these changed, the files would come out byte-identical, so the
 * job can be skipped. Paths inside the content folder are hashed relative to it, so the
 * hash does not depend on where the content was checked out.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MergedProfile } from '../profiles/model.js';
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
 * The municipality's part of every job hash: its merged profile, the files it names, and
 * everything in its asset folder `municipalities/<id>/`.
 */
export async function profileHash(profile: MergedProfile, contentRoot: string): Promise<string> {
  const root = resolve(contentRoot);
  const municipalitiesDir = join(root, 'municipalities');
  const referenced: Record<string, string> = {};
  for (const value of stringsIn(profile)) {
    if (!looksLikePath(value)) continue;
    const file = isAbsolute(value) ? value : resolve(municipalitiesDir, value);
    if (!isInside(file, root) || !isFile(file)) continue;
    referenced[relative(root, file).split(sep).join('/')] = sha256(readFileSync(file));
  }
  return combineHashes({
    profile: canonicalJson(relativise(profile, root)),
    referenced: canonicalJson(referenced),
    assets: await hashTree(join(municipalitiesDir, profile.id)),
  });
}

export async function documentHash(file: string): Promise<string> {
  return sha256(readFileSync(file));
}

export function jobInputHash(parts: { tool: string; creationDate: string; document: string; profile: string }): string {
  return combineHashes(parts);
}

/** Asset paths (absolute after merging, or `id/file.ext`); skips names, numbers and URLs without a stat each. */
function looksLikePath(value: string): boolean {
  return isAbsolute(value) || /^[^\s:]+\/[^\s:]+\.[A-Za-z0-9]+$/.test(value);
}

function* stringsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsIn(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* stringsIn(v);
}

function relativise(value: unknown, root: string): unknown {
  if (typeof value === 'string') return isAbsolute(value) && isInside(value, root) ? relative(root, value).split(sep).join('/') : value;
  if (Array.isArray(value)) return value.map((v) => relativise(v, root));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relativise(v, root)]));
  }
  return value;
}

function isInside(file: string, root: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
