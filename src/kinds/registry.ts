/**
 * The registry of document kinds: the four bundled kinds, and any kind a program adds with
 * `registerKindModule` (an ES module whose default export is a KindDefinition). Build workers
 * are separate threads with registries of their own, so the build passes them the modules
 * added here (`kindModules()`) and they register the same kinds before their first job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importModule } from '../bundle/import-module.js';
import type { DocumentBase } from '../content/model.js';
import { assert } from '../diagnostics/index.js';
import { schemas, type JsonSchema } from '../schema/registry.js';
import type { AnyKind } from './kind.js';
import { parentLeaflet } from './parent-leaflet.js';
import { professionalGuide } from './professional-guide.js';
import { taskPerMoment } from './task-per-moment.js';
import { threeLayerModel } from './three-layer-model.js';

const kinds = new Map<string, AnyKind>();
/** Kinds registered at run time, by module URL. */
const added = new Map<string, AnyKind>();

/** What every definition must have: a kind from a JavaScript module has no type checker behind it. */
const REQUIRED = ['schema', 'template', 'formats', 'extract', 'texts', 'outline', 'replaceableSections', 'resolve', 'shows', 'layout'] as const;

function register(kind: AnyKind): void {
  assert(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(kind.name), `kind name "${kind.name}" is not a lowercase id`);
  const missing = REQUIRED.filter((m) => kind[m] === undefined);
  assert(missing.length === 0, `kind "${kind.name}" has no ${missing.join(', ')}`);
  assert(!kinds.has(kind.name), `kind "${kind.name}" is registered twice`);
  assert(kind.formats[0] === 'pdf', `kind "${kind.name}" must make a PDF first`);
  const pictures = kind.formats.some((f) => f === 'svg' || f === 'png' || f === 'web.png' || f === 'alt.txt');
  assert(pictures === (kind.picture !== undefined), `kind "${kind.name}" lists picture formats without a picture, or a picture without its formats`);
  assert(kind.formats.includes('html') === (typeof kind.html === 'function'), `kind "${kind.name}" lists html without an html builder, or has one without listing html`);
  assert(!kind.formats.includes('fragment.html') || kind.formats.includes('html'), `kind "${kind.name}" lists fragment.html without html`);
  kinds.set(kind.name, kind);
}

for (const kind of [parentLeaflet, professionalGuide, threeLayerModel, taskPerMoment]) register(kind);

/** The kind of that name, or undefined (an unknown `kind:` is a content error, not a crash). */
export function kindNamed(name: string): AnyKind | undefined {
  return kinds.get(name);
}

/** The kind of a loaded document; it was checked when the document loaded. */
export function kindOf(doc: { kind: string }): AnyKind {
  const kind = kinds.get(doc.kind);
  assert(kind, `no kind "${doc.kind}" is registered`);
  return kind;
}

/** Every registered kind's name, bundled ones first. */
export function kindNames(): string[] {
  return [...kinds.keys()];
}

/** Every inline sequence of a document, in reading order (see KindDefinition.texts). */
export function inlinesOf<I>(doc: DocumentBase<I>): I[] {
  return kindOf(doc).texts(doc).map((t) => t.content);
}

/**
 * Imports a kind module (a file: URL) and registers its default export, with its own schema
 * and template. Idempotent per URL, so a worker told about a module the main thread already
 * loaded in the same thread can call it again.
 */
export async function registerKindModule(url: string): Promise<AnyKind> {
  const known = added.get(url);
  if (known) return known;
  const kind = (await importModule<{ default?: AnyKind }>(url)).default;
  assert(kind && typeof kind.name === 'string', `${url} has no kind definition as its default export`);
  register(kind);
  if (kind.schemaFile) schemas().add(JSON.parse(readFileSync(kind.schemaFile, 'utf8')) as JsonSchema);
  if (kind.templates) checkTemplate(join(kind.templates, `${kind.template}.json`));
  added.set(url, kind);
  return kind;
}

/** A kind's own template must follow schemas/template.schema.json, like the tool's (tested there). */
function checkTemplate(file: string): void {
  const validate = schemas().validator('template.schema.json');
  assert(validate(JSON.parse(readFileSync(file, 'utf8'))), `${file} is not a valid template: ${JSON.stringify(validate.errors)}`);
}

/** The modules registered at run time, in order: what a build worker must import too. */
export function kindModules(): string[] {
  return [...added.keys()];
}

/** The files of the kinds registered at run time (module, schema, template), for the build's input hash. */
export function kindModuleFiles(): string[] {
  return [...added].flatMap(([url, k]) => [
    fileURLToPath(url),
    ...(k.schemaFile ? [k.schemaFile] : []),
    ...(k.templates ? [join(k.templates, `${k.template}.json`)] : []),
  ]);
}
