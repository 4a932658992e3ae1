/**
 * The JSON Schemas in schemas/, compiled once with ajv (JSON Schema 2020-12). The schema
 * files are the single source of truth for field names, types and the limits the layouts
 * need; this module only finds and compiles them.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

export class SchemaRegistry {
  readonly #ajv: Ajv2020;
  readonly #schemas = new Map<string, JsonSchema>();
  readonly #compiled = new Map<string, ValidateFunction>();

  constructor(dir: string = SCHEMA_DIR) {
    this.#ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
      const schema = JSON.parse(readFileSync(join(dir, name), 'utf8')) as JsonSchema;
      assert(schema['$id'] === name, `schema ${name} must have "$id": "${name}"`);
      this.#schemas.set(name, schema);
      this.#ajv.addSchema(schema);
    }
  }

  validator(id: string): ValidateFunction {
    let fn = this.#compiled.get(id);
    if (!fn) {
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
