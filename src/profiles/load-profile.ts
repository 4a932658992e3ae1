/**
 * Profiles: content/defaults.yaml (national values) and content/municipalities/<id>.yaml,
 * read with positions, checked against their schemas, assets checked through the asset
 * gate, and merged (defaults under the municipality) into a LoadedProfile.
 */
import { basename } from 'node:path';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import { diagnostic, fileStart } from '../diagnostics/index.js';
import { admitCheckedAsset } from '../assets/checked.js';
import { checkSourceCharacters } from '../content/control-characters.js';
import { idProblem } from '../content/ids.js';
import { parseBlocks } from '../content/load-blocks.js';
import type { LocatedText } from '../content/located.js';
import type { Block, Inline } from '../content/model.js';
import { readSource } from '../content/read-source.js';
import { SourceText } from '../content/source-text.js';
import { parseYaml, type YamlData } from '../content/yaml.js';
import { pointerSegments, schemas, validateAgainst } from '../schema/index.js';
import { checkAssets, type AssetField, type AssetPool } from './assets.js';
import { isNonTextField, linkKindOf } from './field-kinds.js';
import type { LoadedProfile, MergedProfile } from './model.js';
import { readDesignTokens } from './design-tokens.js';
import { memoised, type ValidationMemo } from '../validate/memo/memo.js';

/** One YAML file read and checked against its schema. */
export interface ProfileFile {
  file: string;
  data: Record<string, unknown>;
  positions: Map<string, SourceRef>;
  /** JSON pointer → place of the key naming the value. */
  keys: Map<string, SourceRef>;
  /** Text values a reader sees (names, hours …) with their places, for the text rules. */
  texts: LocatedText[];
  /** Every string value (addresses, paths and colours too) by JSON pointer, with its places. */
  strings: Map<string, LocatedText>;
  diagnostics: Diagnostic[];
  /** True when the schema found errors: dependent checks are then left out. */
  invalid: boolean;
  /** Values YAML reads as numbers or booleans, kept as written because the schema wants text. */
  unquoted: YamlData['unquoted'];
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a YAML file parses to, apart from reading it: a function of its path and text only. */
type ParsedYaml = Omit<ProfileFile, 'file'>;

function emptyFile(file: string): ProfileFile {
  return { file, data: {}, positions: new Map(), keys: new Map(), texts: [], strings: new Map(), diagnostics: [], invalid: true, unquoted: new Map() };
}

function parseYamlFile(source: SourceText, schemaId: string): ParsedYaml {
  const { file: _file, ...result } = emptyFile(source.file);
  const registry = schemas();
  const yaml = parseYaml(source, 0, source.text.length, {
    expectsString: (path) => registry.expectsString(schemaId, path),
  });
  result.diagnostics.push(...yaml.diagnostics);
  result.positions = yaml.values;
  result.keys = yaml.keys;
  result.strings = yaml.texts;
  result.unquoted = yaml.unquoted;
  if (yaml.broken) return result;
  const schemaDiagnostics = validateAgainst(schemaId, yaml.value ?? null, {
    values: yaml.values,
    keys: yaml.keys,
    fallback: fileStart(source.file),
    emptyBecause: yaml.commentValues,
  });
  result.diagnostics.push(...schemaDiagnostics);
  result.invalid = schemaDiagnostics.length > 0;
  if (isMapping(yaml.value)) result.data = yaml.value;
  for (const [ptr, located] of yaml.texts) {
    const path = pointerSegments(ptr);
    if (!isNonTextField(path) && !linkKindOf(path)) result.texts.push(located);
  }
  return result;
}

async function loadYamlFile(file: string, schemaId: string, contentRoot: string, memo?: ValidationMemo): Promise<ProfileFile> {
  const read = await readSource(file, contentRoot);
  if (!read.ok) return { ...emptyFile(file), diagnostics: read.diagnostics };
  const source = read.source;
  const parsed = memoised(memo, `yaml ${schemaId}`, file, source.text, () => parseYamlFile(source, schemaId), source);
  return { file, ...parsed, diagnostics: [...read.diagnostics, ...parsed.diagnostics] };
}

export function loadDefaults(file: string, contentRoot: string, memo?: ValidationMemo): Promise<ProfileFile> {
  return loadYamlFile(file, 'defaults.schema.json', contentRoot, memo);
}

export interface ProfileLoad {
  /** Absent only when the file could not be read as YAML at all. */
  loaded?: LoadedProfile;
  /** The municipality file itself (its data, positions, texts, diagnostics). */
  own: ProfileFile;
  /** Texts of the profile and of its section files, for the text rules. */
  texts: LocatedText[];
  /** The house font's faces as checked, when the profile names one (for the glyph check). */
  houseFont?: HouseFontFace[];
  diagnostics: Diagnostic[];
}

export interface HouseFontFace {
  /** `regular`, `bold`, `italic` or `boldItalic`. */
  style: string;
  file: string;
  /** Where the profile names the file. */
  at: SourceRef;
  codePoints: ReadonlySet<number>;
}

function stringAt(data: Record<string, unknown>, ...path: string[]): string | undefined {
  let v: unknown = data;
  for (const p of path) v = isMapping(v) ? v[p] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function assetFields(own: ProfileFile): AssetField[] {
  const fields: AssetField[] = [];
  const add = (pointer: string, expect: AssetField['expect'], ...path: string[]): void => {
    const value = stringAt(own.data, ...path);
    if (value !== undefined) fields.push({ pointer, path: value, expect, at: own.positions.get(pointer) ?? fileStart(own.file) });
  };
  add('/brand/logo', 'image', 'brand', 'logo');
  add('/brand/tokens', 'tokens', 'brand', 'tokens');
  for (const face of ['regular', 'bold', 'italic', 'boldItalic']) add(`/brand/font/${face}`, 'font', 'brand', 'font', face);
  const sections = own.data['sections'];
  if (isMapping(sections)) {
    for (const [doc, map] of Object.entries(sections)) {
      if (!isMapping(map)) continue;
      for (const section of Object.keys(map)) add(`/sections/${doc}/${section}`, 'markdown', 'sections', doc, section);
    }
  }
  return fields;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let here = target;
  path.slice(0, -1).forEach((p) => {
    const next = here[p];
    here[p] = isMapping(next) ? { ...next } : {};
    here = here[p] as Record<string, unknown>;
  });
  here[path[path.length - 1]!] = value;
}

/** `pool`: assets already checked in this validation, shared between the profiles that name them. */
export async function loadMunicipality(file: string, defaults: ProfileFile, contentRoot: string, pool?: AssetPool, memo?: ValidationMemo): Promise<ProfileLoad> {
  const id = basename(file).replace(/\.ya?ml$/i, '');
  const own = await loadYamlFile(file, 'profile.schema.json', contentRoot, memo);
  const load: ProfileLoad = { own, texts: [...own.texts], diagnostics: [...own.diagnostics] };
  const idWrong = idProblem(id);
  if (idWrong) {
    load.diagnostics.push(diagnostic(fileStart(file), 'profile/id', `the file name '${basename(file)}' is the municipality id '${id}', which ${idWrong}`));
  }
  if (own.positions.size === 0 && own.diagnostics.length > 0) return load;

  const checked = await checkAssets(contentRoot, assetFields(own), pool, memo);
  load.diagnostics.push(...checked.diagnostics);

  // Defaults first, the municipality over them: the schemas keep their fields apart.
  const merged: Record<string, unknown> = { ...defaults.data, ...own.data, id };
  const overrides: Record<string, Record<string, Block<Inline[]>[]>> = {};
  const assets: Record<string, Uint8Array> = {};
  let tokens: LoadedProfile['tokens'];
  for (const asset of checked.assets) {
    const path = pointerSegments(asset.pointer);
    setPath(merged, path, asset.absPath);
    if (asset.pointer === '/brand/tokens') {
      // Contrast is checked against the brand colour's defaults: only with a valid one.
      const primary = stringAt(own.data, 'brand', 'primary');
      if (asset.text !== undefined && primary && /^#[0-9A-Fa-f]{6}$/.test(primary)) {
        const read = readDesignTokens(asset.absPath, asset.text, primary);
        load.diagnostics.push(...read.diagnostics);
        tokens = read.values;
      }
    } else if (path[0] === 'brand') {
      assets[asset.absPath] = asset.bytes;
      // What this thread lays out or renders from now on is what was checked.
      admitCheckedAsset(asset.absPath, asset.bytes);
    }
    if (asset.codePoints) {
      (load.houseFont ??= []).push({
        style: path[2]!,
        file: asset.absPath,
        at: own.positions.get(asset.pointer) ?? fileStart(file),
        codePoints: asset.codePoints,
      });
    }
    if (asset.text !== undefined && path[0] === 'sections') {
      const source = new SourceText(asset.absPath, asset.text);
      const parsed = parseBlocks(source);
      load.diagnostics.push(...checkSourceCharacters(source), ...parsed.diagnostics);
      load.texts.push(...parsed.texts);
      (overrides[path[1]!] ??= {})[path[2]!] = parsed.blocks;
    }
  }
  const positions = new Map<string, SourceRef>([...defaults.positions, ...own.positions]);
  positions.delete('');
  load.loaded = {
    profile: merged as MergedProfile,
    positions,
    file,
    overrides,
    assets,
    ...(tokens ? { tokens } : {}),
  };
  return load;
}
