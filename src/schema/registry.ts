/**
 * The JSON Schemas in schemas/, compiled with ajv (JSON Schema 2020-12). The schema files
 * are the single source of truth for field names, types and the limits the layouts need;
 * this module only finds and compiles them.
 *
 * Compiling them costs ~150 ms of every run (loading ajv, generating code), so the build of
 * the tool compiles them once into validators.cjs beside this module (compile-validators.ts).
 * That file is used only when it was made from exactly these schema files; otherwise (a
 * schema edited since, or running from src/) ajv compiles them here as before.
 */
import type { Ajv2020 as Ajv, ValidateFunction } from 'ajv/dist/2020.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assert } from '../diagnostics/index.js';

export type JsonSchema = { [key: string]: unknown };

/** The package root: the nearest folder upwards with a schemas/ folder (src/ and dist/src/ both work). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'schemas', 'profile.schema.json'))) {
    const parent = dirname(dir);
    assert(parent !== dir, 'schemas/ folder not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export const SCHEMA_DIR = join(packageRoot(), 'schemas');

/** Where compile-validators.ts writes the compiled validators: beside this module. */
export const PRECOMPILED = join(dirname(fileURLToPath(import.meta.url)), 'validators.cjs');

const require = createRequire(import.meta.url);

/** The ajv set-up both ways of compiling share, so they give the same errors. */
export function createAjv(extra: Record<string, unknown> = {}): Ajv {
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  return new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, ...extra });
}

/** The schema files by name, sorted, and a hash of all of them. */
export function readSchemas(dir: string = SCHEMA_DIR): { schemas: Map<string, JsonSchema>; hash: string } {
  const schemas = new Map<string, JsonSchema>();
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    const schema = JSON.parse(text) as JsonSchema;
    assert(schema['$id'] === name, `schema ${name} must have "$id": "${name}"`);
    schemas.set(name, schema);
    hash.update(name).update('\0').update(text).update('\0');
  }
  return { schemas, hash: hash.digest('hex') };
}

interface Precompiled {
  hash: string;
  validators: Record<string, ValidateFunction>;
}

function loadPrecompiled(hash: string): Precompiled['validators'] | undefined {
  if (!existsSync(PRECOMPILED)) return undefined;
  const module = require(PRECOMPILED) as Precompiled;
  return module.hash === hash ? module.validators : undefined;
}

export class SchemaRegistry {
  readonly #schemas: Map<string, JsonSchema>;
  readonly #precompiled: Precompiled['validators'] | undefined;
  #ajv: Ajv | undefined;
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(dir: string = SCHEMA_DIR) {
    const { schemas, hash } = readSchemas(dir);
    this.#schemas = schemas;
    this.#precompiled = loadPrecompiled(hash);
  }

  /** A schema from outside schemas/ (a kind's own); compiled by ajv when first used. */
  add(schema: JsonSchema): void {
    const id = schema['$id'];
    assert(typeof id === 'string' && !this.#schemas.has(id), `schema ${String(id)} has no $id or is already registered`);
    this.#schemas.set(id, schema);
    this.#ajv?.addSchema(schema);
  }

  validator(id: string): ValidateFunction {
    let fn = this.#compiled.get(id) ?? this.#precompiled?.[id];
    if (!fn) {
      if (!this.#ajv) {
        this.#ajv = createAjv();
        for (const schema of this.#schemas.values()) this.#ajv.addSchema(schema);
      }
      const found = this.#ajv.getSchema(id);
      assert(found, `unknown schema ${id}`);
      fn = found;
      this.#compiled.set(id, fn);
    }
    return fn;
  }

  schema(id: string): JsonSchema {
    const s = this.#schemas.get(id);
    assert(s, `unknown schema ${id}`);
    return s;
  }

  /** Follow `$ref` (`#/$defs/x` or `file.schema.json#/$defs/x`) from a schema in file `base`. */
  deref(node: JsonSchema, base: string): { node: JsonSchema; base: string } {
    let current = node;
    let file = base;
    for (let hops = 0; typeof current['$ref'] === 'string' && hops < 16; hops++) {
      const [target = '', fragment = ''] = (current['$ref'] as string).split('#');
      if (target !== '') file = target;
      let resolved: unknown = this.#schemas.get(file);
      for (const part of fragment.split('/').filter(Boolean)) {
        resolved = (resolved as JsonSchema | undefined)?.[part];
      }
      // A `#/…` ref met outside its own file (ajv reports the parent schema, not its file)
      // cannot be followed; the caller then simply has no description to add.
      if (!resolved || typeof resolved !== 'object') return { node: current, base: file };
      // Sibling keywords of a $ref (e.g. a description) take precedence over the target's.
      const { $ref: _ref, ...siblings } = current;
      current = { ...(resolved as JsonSchema), ...siblings };
    }
    return { node: current, base: file };
  }

  /** The sub-schema that describes the value at `path`, or undefined when the schema has none. */
  at(id: string, path: readonly string[]): { node: JsonSchema; base: string } | undefined {
    let here = this.deref(this.schema(id), id);
    for (const seg of path) {
      const { node } = here;
      const props = node['properties'] as Record<string, JsonSchema> | undefined;
      let next: JsonSchema | undefined = props?.[seg];
      if (!next && typeof node['additionalProperties'] === 'object') next = node['additionalProperties'] as JsonSchema;
      if (!next && /^\d+$/.test(seg) && typeof node['items'] === 'object') next = node['items'] as JsonSchema;
      if (!next) return undefined;
      here = this.deref(next, here.base);
    }
    return here;
  }

  /** Whether the schema wants a string at this path (so YAML `0102821111` keeps its zero). */
  expectsString(id: string, path: readonly string[]): boolean {
    return this.at(id, path)?.node['type'] === 'string';
  }
}

let shared: SchemaRegistry | undefined;

export function schemas(): SchemaRegistry {
  shared ??= new SchemaRegistry();
  return shared;
}
