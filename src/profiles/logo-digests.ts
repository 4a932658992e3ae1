/**
 * The sha256 of every profile's logo, for the identity check (src/rules/identity.ts): two
 * municipalities must not print one logo. `validate --municipality X` loads only X, so the
 * other profiles are read here just far enough to find their logo — the YAML parsed, the
 * one path resolved inside the content folder (through the asset gate's containment) and
 * the file hashed — without their schemas, rules or SVG checks, and only when a look at
 * the content folder cannot rule a twin out (logo-twins.ts). A profile or logo that cannot
 * be read is left out: its own validation reports why.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { MAX_IMAGE_BYTES, resolveInside } from '../assets/index.js';
import { readBounded } from '../assets/read-bounded.js';
import { readSource } from '../content/read-source.js';
import { parseYaml } from '../content/yaml.js';
import { fileStart } from '../diagnostics/index.js';

export interface LogoDigest {
  /** The profile file. */
  file: string;
  /** The logo as the profile writes it (`huizen/logo.svg`). */
  written: string;
  sha256: string;
}

export function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The logo digest of one profile file that this validation did not load. */
export async function readLogoDigest(contentRoot: string, file: string): Promise<LogoDigest | undefined> {
  const read = await readSource(file, contentRoot);
  if (!read.ok) return undefined;
  const yaml = parseYaml(read.source, 0, read.source.text.length);
  const brand = (yaml.value as { brand?: { logo?: unknown } } | undefined)?.brand;
  const written = typeof brand === 'object' && brand !== null ? brand.logo : undefined;
  if (typeof written !== 'string') return undefined;
  const inside = await resolveInside(contentRoot, join(contentRoot, 'municipalities'), written, fileStart(file));
  if (!inside.ok) return undefined;
  const bytes = await readBounded(inside.realPath, MAX_IMAGE_BYTES);
  if (bytes.kind !== 'ok') return undefined;
  return { file, written, sha256: digestOf(bytes.bytes) };
}
