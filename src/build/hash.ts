/**
 * Hashing helpers for the manifest and the incremental cache. Everything that goes into a
 * hash is serialised canonically (sorted keys) so that the same inputs give the same hash
 * on every machine and whatever order objects were built in.
 */
import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level; `undefined` members are left out like JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** `value` with object keys sorted at every level (Maps as objects), for JSON.stringify. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Map) return sortKeys(Object.fromEntries(value));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** Hash of several named parts; names keep `a|bc` and `ab|c` apart. */
export function combineHashes(parts: Record<string, string>): string {
  return sha256(canonicalJson(parts));
}
