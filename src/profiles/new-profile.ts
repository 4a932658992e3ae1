/**
 * A new municipality profile, made from values instead of from a copy of another profile (a
 * copy keeps that municipality's logo, addresses and `example: true`). Each value is checked
 * with the rule validate uses for it, the profile text is generated from the schema's fields,
 * and the files appear complete or not at all: the logo folder first, the profile last, so a
 * profile never names a logo that is not there.
 */
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { readAsset } from '../assets/index.js';
import { tempPathFor, writeFileAtomic } from '../build/atomic-write.js';
import { refusedCharacters } from '../content/control-characters.js';
import { idProblem } from '../content/ids.js';
import { fileStart } from '../diagnostics/index.js';
import { contrastRatio, checkBrandContrast } from '../rules/contrast.js';
import { checkEmail } from '../rules/email.js';
import { checkPhone, phoneE164 } from '../rules/phone.js';
import { checkUrl } from '../rules/url.js';
import { fieldName, schemas, validateAgainst } from '../schema/index.js';
import { digestOf, readLogoDigest } from './logo-digests.js';

export type FieldKey = 'name' | 'organisation' | 'phone' | 'email' | 'website' | 'primary';

export interface NewField {
  key: FieldKey;
  /** Where the value goes in the profile. */
  path: readonly string[];
  /** What to ask on a terminal. */
  question: string;
  example: string;
}

/** The profile schema's required fields, in the order a profile lists them. */
export const NEW_FIELDS: readonly NewField[] = [
  { key: 'name', path: ['name'], question: 'Name as printed on every document', example: 'Gemeente Bergen op Zoom' },
  { key: 'primary', path: ['brand', 'primary'], question: 'Brand colour (#RRGGBB)', example: '#A3171E' },
  { key: 'organisation', path: ['contact', 'organisation'], question: 'Organisation residents contact', example: 'MEE West-Brabant' },
  { key: 'phone', path: ['contact', 'phone'], question: 'Phone number, as it should read', example: '0164 123 456' },
  { key: 'email', path: ['contact', 'email'], question: 'E-mail address', example: 'info@organisatie.nl' },
  { key: 'website', path: ['contact', 'website'], question: 'Website (https://…)', example: 'https://www.organisatie.nl' },
];

export type FieldCheck =
  | { ok: true; value: string; shown: string }
  | { ok: false; problem: string; suggestion?: string };

const AT = fileStart('<value>');
const SCHEMA = 'profile.schema.json';

/** The schema's maxLength at `path` of the profile schema, if any. */
function maxLength(path: readonly string[]): number | undefined {
  const registry = schemas();
  let node = registry.deref(registry.schema(SCHEMA), SCHEMA).node;
  for (const p of path) {
    const props = node['properties'] as Record<string, Record<string, unknown>> | undefined;
    if (!props?.[p]) return undefined;
    node = registry.deref(props[p], SCHEMA).node;
  }
  return typeof node['maxLength'] === 'number' ? node['maxLength'] : undefined;
}

/** One value checked as validate checks it, and what it will look like on the documents. */
export function checkField(field: NewField, raw: string): FieldCheck {
  const value = field.key === 'primary' ? normaliseColour(raw) : raw.trim().replace(/\s+/g, ' ');
  const name = fieldName(field.path);
  if (value === '') return { ok: false, problem: `${name} is needed, e.g. ${field.example}` };
  const refused = refusedCharacters(value, field.key === 'name' || field.key === 'organisation' ? 'text' : 'address');
  if (refused.length > 0) return { ok: false, problem: `${name}: ${refused[0]!.message}` };
  const limit = maxLength(field.path);
  if (limit !== undefined && value.length > limit) return { ok: false, problem: `${name} is ${value.length} characters long; at most ${limit} fit` };
  switch (field.key) {
    case 'name':
    case 'organisation':
      return { ok: true, value, shown: `${value.length} characters${limit !== undefined ? ` of at most ${limit}` : ''}` };
    case 'phone': {
      const problem = checkPhone(value, AT);
      if (problem) return { ok: false, problem: problem.message };
      return { ok: true, value, shown: `printed as ${value}, linked as tel:${phoneE164(value)}` };
    }
    case 'email': {
      const problem = checkEmail(value, AT);
      return problem ? { ok: false, problem: problem.message } : { ok: true, value, shown: `linked as mailto:${value}` };
    }
    case 'website': {
      const problem = checkUrl(value, AT);
      return problem ? { ok: false, problem: problem.message } : { ok: true, value, shown: 'linked, and the QR code' };
    }
    case 'primary': {
      if (!/^#[0-9A-F]{6}$/.test(value)) return { ok: false, problem: `${name} ${JSON.stringify(raw.trim())} is not a colour; write it as # and six hexadecimal digits, like #A3171E` };
      const problem = checkBrandContrast('primary', value, AT);
      if (problem) {
        const suggestion = /write primary: "(#[0-9A-F]{6})"/.exec(problem.message)?.[1];
        return { ok: false, problem: problem.message, ...(suggestion ? { suggestion } : {}) };
      }
      return { ok: true, value, shown: `${(Math.floor(contrastRatio(value, '#FFFFFF') * 100) / 100).toFixed(2)}:1 with white` };
    }
  }
}

/** `a3171e` and `#a3171e` are the colour #A3171E; anything else is left for the check to refuse. */
function normaliseColour(raw: string): string {
  const t = raw.trim();
  return /^#?[0-9a-fA-F]{6}$/.test(t) ? `#${t.replace('#', '').toUpperCase()}` : t;
}

/** Why `id` cannot be a new municipality in `contentRoot`, or undefined when it can. */
export async function newIdProblem(contentRoot: string, id: string): Promise<string | undefined> {
  const wrong = idProblem(id);
  if (wrong) {
    const like = suggestedId(id);
    return `the id '${id}' ${wrong}${like && like !== id && !idProblem(like) ? ` (e.g. '${like}')` : ''}`;
  }
  const dir = join(contentRoot, 'municipalities');
  const names = await readdir(dir).catch(() => [] as string[]);
  // One id, however it is spelled: `Huizen.yml` beside a new `huizen.yaml` would be the duplicate validate refuses.
  const taken = names.find((name) => /\.ya?ml$/i.test(name) && name.replace(/\.ya?ml$/i, '').normalize('NFC').toLowerCase() === id);
  if (taken) return `the municipality '${id}' already exists (${join(dir, taken)}); edit that file, or choose another id`;
  return undefined;
}

/** A municipality's name as an id: lower case, diacritics dropped, anything else a hyphen. */
export function suggestedId(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^gemeente\s+/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export interface NewProfileValues {
  values: Record<FieldKey, string>;
  example: boolean;
  /** The logo file to copy into the new folder. */
  logo?: string;
}

export interface CheckedLogo {
  bytes: Uint8Array;
  /** `svg` or `png`: the content decides, as in the asset gate. */
  type: 'svg' | 'png';
}

/**
 * The logo file through the asset gate (type by content, size, SVG safety), with its own
 * folder as the only folder it may come from, and refused when another profile already
 * prints the same bytes (profile/shared-logo).
 */
export async function checkLogo(contentRoot: string, file: string): Promise<{ ok: true; logo: CheckedLogo } | { ok: false; problem: string }> {
  const abs = resolve(file);
  const read = await readAsset(dirname(abs), { path: basename(abs), at: fileStart(abs), expect: 'image', base: dirname(abs) });
  if (!read.ok) return { ok: false, problem: read.diagnostics.map((d) => `${d.message} (${d.rule}${d.line > 1 ? ` at ${d.line}:${d.column}` : ''})`).join('; ') };
  const sha = digestOf(read.bytes);
  const dir = join(contentRoot, 'municipalities');
  const profiles = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.ya?ml$/i.test(n));
  for (const name of profiles) {
    const other = await readLogoDigest(resolve(contentRoot), join(resolve(contentRoot), 'municipalities', name));
    if (other?.sha256 === sha) {
      return { ok: false, problem: `${file} has exactly the bytes of the logo of '${name.replace(/\.ya?ml$/i, '')}' (${other.written}); use your own municipality's logo` };
    }
  }
  return { ok: true, logo: { bytes: read.bytes, type: read.type as 'svg' | 'png' } };
}

/** The profile's text: the schema's fields in its order, nothing from another profile. */
export function profileText(id: string, values: Record<FieldKey, string>, example: boolean, logo: string | undefined): string {
  // Colours and phone numbers always in double quotes: unquoted, YAML reads `#…` as a
  // comment and `0101234567` as a number.
  const quoted = (v: string) => JSON.stringify(v);
  const plain = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();
  const lines = [
    '# yaml-language-server: $schema=../../schemas/profile.schema.json',
    ...(example ? ['# EXAMPLE PROFILE: the details below are invented. Replace them before publishing.'] : []),
    `name: ${plain(values.name)}`,
    ...(example ? ['example: true'] : []),
    'brand:',
    `  primary: ${quoted(values.primary)}`,
    ...(logo ? [`  logo: ${plain(`${id}/${logo}`)}`] : []),
    'contact:',
    `  organisation: ${plain(values.organisation)}`,
    `  phone: ${quoted(values.phone)}`,
    `  email: ${plain(values.email)}`,
    `  website: ${plain(values.website)}`,
  ];
  return lines.join('\n') + '\n';
}

/** The profile as data, checked against the profile schema: a last guard before anything is written. */
export function schemaProblems(id: string, values: Record<FieldKey, string>, example: boolean, logo: string | undefined): string[] {
  const data: Record<string, unknown> = {
    name: values.name,
    ...(example ? { example: true } : {}),
    brand: { primary: values.primary, ...(logo ? { logo: `${id}/${logo}` } : {}) },
    contact: { organisation: values.organisation, phone: values.phone, email: values.email, website: values.website },
  };
  return validateAgainst(SCHEMA, data, { values: new Map(), keys: new Map(), fallback: AT }).map((d) => `${d.message} (${d.rule})`);
}

export interface Written {
  profile: string;
  logo?: string;
}

/**
 * Writes `<id>/logo.<type>` and `<id>.yaml`. The folder is made under a temporary name and
 * renamed into place, so it appears with its logo or not at all; the profile is written last
 * (atomically), and if that fails the new folder is removed again.
 */
export async function writeNewProfile(contentRoot: string, id: string, text: string, logo: CheckedLogo | undefined): Promise<Written> {
  const dir = join(contentRoot, 'municipalities');
  const folder = join(dir, id);
  const profile = join(dir, `${id}.yaml`);
  let created: string | undefined;
  let logoPath: string | undefined;
  if (logo) {
    logoPath = join(folder, `logo.${logo.type}`);
    const exists = await stat(folder).then(
      () => true,
      () => false,
    );
    if (exists) {
      await writeFileAtomicNew(logoPath, logo.bytes);
    } else {
      const temp = tempPathFor(folder);
      await mkdir(temp);
      try {
        await writeFileAtomic(join(temp, `logo.${logo.type}`), logo.bytes);
        await rename(temp, folder);
      } catch (err) {
        await rm(temp, { recursive: true, force: true });
        throw err;
      }
      created = folder;
    }
  } else {
    await mkdir(folder, { recursive: true });
  }
  try {
    await writeFileAtomicNew(profile, text);
  } catch (err) {
    if (created) await rm(created, { recursive: true, force: true });
    throw err;
  }
  return { profile, ...(logoPath ? { logo: logoPath } : {}) };
}

/** Like writeFileAtomic, but never over an existing file (someone else's logo or profile). */
async function writeFileAtomicNew(finalPath: string, data: Uint8Array | string): Promise<void> {
  const there = await stat(finalPath).then(
    () => true,
    () => false,
  );
  if (there) throw new ExistsError(finalPath);
  await writeFileAtomic(finalPath, data);
}

export class ExistsError extends Error {
  override name = 'ExistsError';
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}
