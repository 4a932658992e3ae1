/**
 * Reading what the tool's build keeps beside its code (compile-shipped.ts): each folder has
 * an `index.json` with the sha256 of every file in it, and a file is used only when its
 * bytes have that sha256. Anything missing, unreadable or different reads as absent: the
 * caller then works the value out itself.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.js';

export const SHIPPED_INDEX = 'index.json';

/** `index.json`: `{ format: 1, <field>: { <name>: <sha256 of the file> } }`. */
export type ShippedIndex<Field extends string> = { format: 1 } & Record<Field, Record<string, string>>;

const NAME = /^[0-9a-f]{64}$/;

const indexes = new Map<string, ReadonlyMap<string, string>>();

/** The names `dir/index.json` lists under `field`, each with its file's sha256 (read once per folder). */
export function shippedIndex(dir: string, field: string): ReadonlyMap<string, string> {
  const key = `${dir}\0${field}`;
  let index = indexes.get(key);
  if (!index) {
    index = readIndex(dir, field);
    indexes.set(key, index);
  }
  return index;
}

function readIndex(dir: string, field: string): ReadonlyMap<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, SHIPPED_INDEX), 'utf8')) as { format?: unknown } & Record<string, unknown>;
    const entries = parsed[field];
    if (parsed.format !== 1 || typeof entries !== 'object' || entries === null) return new Map();
    return new Map(Object.entries(entries).filter((e): e is [string, string] => NAME.test(e[0]) && typeof e[1] === 'string'));
  } catch {
    return new Map();
  }
}

/** The bytes of `dir/<file>` when the index gives them this sha256, else undefined. */
export function readShipped(dir: string, file: string, hash: string | undefined): Buffer | undefined {
  if (!hash) return undefined;
  try {
    const bytes = readFileSync(join(dir, file));
    return sha256(bytes) === hash ? bytes : undefined;
  } catch {
    return undefined;
  }
}
