/**
 * ajv errors → diagnostics in plain language at the YAML or Markdown place of the value: a
 * missing key at its parent, an unknown key at that key, anything else at the value.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import { diagnostic } from '../diagnostics/index.js';
import { quote } from './quote.js';
import { fieldName, pointerSegments } from './field-names.js';
import type { JsonSchema, SchemaRegistry } from './registry.js';

/** Where the values and keys of the validated data stand in their files. */
export interface SourceMap {
  values: Map<string, SourceRef>;
  keys: Map<string, SourceRef>;
  /** Used when neither the pointer nor any parent of it has a place. */
  fallback: SourceRef;
  /** Why a value is empty, where the YAML reader knows better than "is empty" (src/content/yaml.ts). */
  emptyBecause?: Map<string, Diagnostic>;
}

function placeOf(map: SourceMap, ptr: string): SourceRef {
  let p = ptr;
  for (;;) {
    const found = map.values.get(p);
    if (found) return found;
    if (p === '') return map.fallback;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const old = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = old;
    }
  }
  return row[b.length]!;
}

export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function show(value: unknown): string {
  return quote(typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)), 40);
}

function typeWord(type: unknown): string {
  const words: Record<string, string> = {
    string: 'text',
    object: 'a block of fields',
    array: 'a list',
    boolean: 'true or false',
    number: 'a number',
    integer: 'a whole number',
  };
  return Array.isArray(type) ? type.map(typeWord).join(' or ') : (words[String(type)] ?? String(type));
}

function hint(schema: JsonSchema | undefined): string {
  const description = schema?.['description'];
  return typeof description === 'string' ? ` (${description})` : '';
}

interface Context {
  registry: SchemaRegistry;
  schemaId: string;
}

function describe(err: ErrorObject, ctx: Context): { message: string; ptr: string; atKey?: boolean } {
  const segments = pointerSegments(err.instancePath);
  const field = fieldName(segments);
  const parent = err.parentSchema as JsonSchema | undefined;
  const here = parent ? ctx.registry.deref(parent, ctx.schemaId).node : undefined;
  const params = err.params as Record<string, unknown>;
  const data = err.data;
  switch (err.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      const props = here?.['properties'] as Record<string, JsonSchema> | undefined;
      const sub = props?.[missing] ? ctx.registry.deref(props[missing], ctx.schemaId).node : undefined;
      return { ptr: err.instancePath, message: `${fieldName([...segments, missing])} is missing${hint(sub)}` };
    }
    case 'additionalProperties': {
      const extra = String(params['additionalProperty']);
      const known = Object.keys((here?.['properties'] as object | undefined) ?? {});
      const guess = suggest(extra, known);
      const where = segments.length > 0 && err.instancePath !== '/frontmatter' ? ` in ${field}` : '';
      const tail = guess ? ` (did you mean '${guess}'?)` : known.length ? `; allowed: ${known.join(', ')}` : '';
      return { ptr: `${err.instancePath}/${extra}`, atKey: true, message: `unknown field '${extra}'${where}${tail}` };
    }
    case 'type':
      if (data === null) return { ptr: err.instancePath, message: `${field} is empty${hint(here)}` };
      return {
        ptr: err.instancePath,
        message:
          `${field} must be ${typeWord(params['type'])}, not ${typeWord(Array.isArray(data) ? 'array' : typeof data)}` +
          (params['type'] === 'string' ? '; put the value in quotes' : ''),
      };
    case 'pattern': {
      const examples = here?.['examples'];
      const like = Array.isArray(examples) && examples.length ? `; write it like ${String(examples[0])}` : '';
      return { ptr: err.instancePath, message: `${field} ${show(data)} is not in the expected form${like}` };
    }
    case 'minLength':
      return { ptr: err.instancePath, message: params['limit'] === 1 ? `${field} is empty${hint(here)}` : `${field} is too short` };
    case 'maxLength':
      return {
        ptr: err.instancePath,
        message: `${field} is ${String(data).length} characters long; at most ${String(params['limit'])} fit`,
      };
    case 'minItems':
    case 'maxItems': {
      const count = Array.isArray(data) ? data.length : 0;
      const exact = here?.['minItems'] !== undefined && here['minItems'] === here['maxItems'];
      const need = exact
        ? `exactly ${String(params['limit'])} are needed`
        : err.keyword === 'minItems'
          ? `at least ${String(params['limit'])} are needed`
          : `at most ${String(params['limit'])} are allowed`;
      return { ptr: err.instancePath, message: `${field} has ${count}; ${need}${hint(here)}` };
    }
    case 'enum': {
      const allowed = (params['allowedValues'] as unknown[]).map((v) => String(v)).join(', ');
      return { ptr: err.instancePath, message: `${field} ${show(data)} is not one of: ${allowed}` };
    }
    case 'const':
      return { ptr: err.instancePath, message: `${field} must be ${show(params['allowedValue'])}` };
    case 'contains':
      return { ptr: err.instancePath, message: `${field} must include ${hint(here).slice(2, -1) || 'another entry'}` };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words: Record<string, string> = {
        minimum: 'at least',
        exclusiveMinimum: 'more than',
        maximum: 'at most',
        exclusiveMaximum: 'less than',
      };
      return { ptr: err.instancePath, message: `${field} must be ${words[err.keyword]} ${String(params['limit'])}` };
    }
    case 'propertyNames':
      return {
        ptr: `${err.instancePath}/${String(params['propertyName'])}`,
        atKey: true,
        message: `the name ${show(params['propertyName'])} in ${field} may only use a-z, 0-9 and single hyphens`,
      };
    case 'anyOf':
      return { ptr: err.instancePath, message: `${field} ${show(data)} is none of the allowed kinds of value${hint(here)}` };
    default:
      return { ptr: err.instancePath, message: `${field} ${err.message ?? 'is not valid'}` };
  }
}

/**
 * Errors that only repeat another: an `if`/`then` wrapper, the branches of an `anyOf`
 * (reported once as a whole), and the inner errors of `propertyNames` and `contains`.
 */
function redundant(err: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (err.keyword === 'if') return true;
  // ajv marks the inner errors of `propertyNames` with the name they were about.
  if ((err as ErrorObject & { propertyName?: string }).propertyName !== undefined) return true;
  // `contains` reports why each item did not match; only the `contains` error says what is wrong.
  if (err.schemaPath.includes('/contains/')) return true;
  return all.some(
    (other) =>
      other !== err &&
      other.keyword === 'anyOf' &&
      err.schemaPath.startsWith(other.schemaPath.replace(/\/anyOf$/, '/anyOf/')) &&
      err.instancePath.startsWith(other.instancePath),
  );
}

export function toDiagnostics(errors: readonly ErrorObject[], map: SourceMap, ctx: Context): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    if (redundant(err, errors)) continue;
    const because = err.data === null ? map.emptyBecause?.get(err.instancePath) : undefined;
    if (because) {
      if (!out.includes(because)) out.push(because);
      continue;
    }
    const { message, ptr, atKey } = describe(err, ctx);
    // A missing key is reported at its parent's key (`contact:`), an unknown key at itself.
    const at = (atKey || err.keyword === 'required' ? map.keys.get(ptr) : undefined) ?? placeOf(map, ptr);
    const key = `${at.file}:${at.line}:${at.column}:${err.keyword}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(diagnostic(at, `schema/${err.keyword}`, message));
  }
  return out;
}
