/**
 * `placeholder/unknown`: a `{{path}}` that names no text field of the profile schemas
 * (profile.schema.json, defaults.schema.json). `placeholder/missing`: a known, optional
 * field that a municipality's merged profile does not have; reported once at the
 * placeholder, naming the municipalities that lack it.
 */
import { relative } from 'node:path';
import type { PlaceholderUse } from '../content/walk.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { isNonTextField } from '../profiles/field-kinds.js';
import type { LoadedProfile } from '../profiles/model.js';
import { schemas, suggest, type JsonSchema } from '../schema/index.js';

export const UNKNOWN_RULE = 'placeholder/unknown';
export const MISSING_RULE = 'placeholder/missing';

const SOURCES = ['profile.schema.json', 'defaults.schema.json'];

export function isKnownPlaceholder(path: string): boolean {
  const segments = path.split('.');
  if (segments.some((s) => s === '') || isNonTextField(segments)) return false;
  return SOURCES.some((id) => schemas().at(id, segments)?.node['type'] === 'string');
}

/** Every placeholder path the schemas name, for suggestions; maps list the keys in use. */
function knownPaths(examples: Record<string, unknown>): string[] {
  const registry = schemas();
  const out: string[] = [];
  const walk = (id: string, node: JsonSchema, base: string, prefix: string[], sample: unknown): void => {
    const { node: here, base: file } = registry.deref(node, base);
    if (here['type'] === 'string') {
      if (!isNonTextField(prefix)) out.push(prefix.join('.'));
      return;
    }
    const props = (here['properties'] ?? {}) as Record<string, JsonSchema>;
    for (const [key, sub] of Object.entries(props)) walk(id, sub, file, [...prefix, key], (sample as Record<string, unknown> | undefined)?.[key]);
    if (typeof here['additionalProperties'] === 'object' && sample && typeof sample === 'object') {
      for (const key of Object.keys(sample)) walk(id, here['additionalProperties'] as JsonSchema, file, [...prefix, key], undefined);
    }
  };
  for (const id of SOURCES) walk(id, registry.schema(id), id, [], examples);
  return out;
}

/** `defaults` is the national defaults data, so `{{colophon.…}}` names can be suggested. */
export function checkUnknownPlaceholders(uses: readonly PlaceholderUse[], defaults: Record<string, unknown>): Diagnostic[] {
  const out: Diagnostic[] = [];
  let candidates: string[] | undefined;
  for (const use of uses) {
    if (isKnownPlaceholder(use.path)) continue;
    candidates ??= knownPaths(defaults);
    const guess = suggest(use.path, candidates);
    out.push(
      diagnostic(
        use.at,
        UNKNOWN_RULE,
        `{{${use.path}}} names no profile field${guess ? ` (did you mean {{${guess}}}?)` : ''}; see the profile fields in the README`,
      ),
    );
  }
  return out;
}

export function valueAt(profile: Record<string, unknown>, path: string): unknown {
  let v: unknown = profile;
  for (const seg of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

function hasValue(profile: LoadedProfile, path: string): boolean {
  const v = valueAt(profile.profile, path);
  return typeof v === 'string' && v.trim() !== '';
}

/** Whether the field is a national one, written in defaults.yaml rather than in a profile. */
function isNational(path: string): boolean {
  return schemas().at('defaults.schema.json', path.split('.')) !== undefined;
}

export function checkMissingPlaceholders(uses: readonly PlaceholderUse[], profiles: readonly LoadedProfile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const use of uses) {
    if (!isKnownPlaceholder(use.path)) continue;
    const lacking = profiles.filter((p) => !hasValue(p, use.path));
    if (lacking.length === 0) continue;
    const field = use.path;
    const first = lacking[0]!;
    if (isNational(field)) {
      out.push(diagnostic(use.at, MISSING_RULE, `{{${field}}} has no value: add ${field} to the national defaults.yaml`));
      continue;
    }
    const message =
      lacking.length === 1
        ? `{{${field}}} has no value for ${first.profile.id}: add ${field} to ${relative(process.cwd(), first.file)}`
        : `{{${field}}} has no value for ${lacking.length} municipalities (${lacking
            .slice(0, 5)
            .map((p) => p.profile.id)
            .join(', ')}${lacking.length > 5 ? ', …' : ''}): add ${field} to their profiles`;
    out.push(diagnostic(use.at, MISSING_RULE, message));
  }
  return out;
}
