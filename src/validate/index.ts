/**
 * `validateContent`: every document and profile of a content folder loaded and checked at
 * once — front matter, Markdown structure, schemas, assets and the content rules — with
 * all problems sorted, and for `validate` the layout of every selected leaflet (layout.ts).
 * Usage mistakes (no such folder, an unknown municipality or document) are not
 * content problems: they throw a UsageError, which the CLI turns into exit code 2.
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { checkValueCharacters } from '../content/control-characters.js';
import { loadDocument, type LoadedDocument } from '../content/load-document.js';
import type { LocatedText } from '../content/located.js';
import type { DocumentModel } from '../content/model.js';
import { inlinesOfBlocks, linksIn, placeholdersIn } from '../content/walk.js';
import { inlinesOf } from '../kinds/registry.js';
import { compareDiagnostics, diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { AssetPool } from '../profiles/assets.js';
import { loadDefaults, loadMunicipality, type ProfileLoad } from '../profiles/load-profile.js';
import type { LoadedProfile } from '../profiles/model.js';
import { checkContentLinks } from '../rules/content-links.js';
import { checkMissingPlaceholders, checkUnknownPlaceholders } from '../rules/placeholders.js';
import { checkProfileValues } from '../rules/profile-values.js';
import { checkSectionOverrides } from '../rules/section-overrides.js';
import { checkStringCharacters } from '../rules/control-characters.js';
import { checkGlyphs } from '../rules/glyph-coverage.js';
import { checkIdentity } from '../rules/identity.js';
import { checkTexts } from '../rules/text.js';
import { suggest } from '../schema/index.js';
import { checkLanguage, type ReadabilityReport } from '../language/index.js';
import type { LayoutCheck } from './layout.js';
import { duplicateDiagnostic, idOfFile, listContentFiles, type ContentFiles } from './content-files.js';
import type { ValidationMemo } from './memo/memo.js';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ValidateOptions {
  contentRoot: string;
  /** Only these municipality ids (all when absent or empty). */
  municipalities?: string[];
  /** Only these document ids, for the layout (all when absent or empty); every document is still checked. */
  documents?: string[];
  /**
   * Also lay out every selected municipality × document as `build` would (validate; see
   * layout.ts), with this as the date the layouts print. `build` lays out in its workers.
   */
  layout?: { creationDate: Date };
  /** Also build the readability report (validate --readability). */
  readability?: boolean;
  /**
   * False: run only the language rules that language.yaml makes errors (what `build`
   * does: warnings are for `validate`, and a national build should not pay for them).
   */
  languageWarnings?: boolean;
  /** Parses remembered from earlier builds (memo/memo.ts); new ones are added to it. */
  memo?: ValidationMemo;
}

export interface ValidateResult {
  documents: DocumentModel[];
  profiles: LoadedProfile[];
  diagnostics: Diagnostic[];
  /** Present when asked for with `readability`. */
  readability?: ReadabilityReport;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** Beyond this many, a usage message counts the valid ids instead of naming them all. */
const LISTED_IDS = 20;

/**
 * An id on the command line that names no file: the nearest id, and the valid ones (a
 * national content folder has 342 municipalities: the first few of them, and how many).
 */
export function unknownIdMessage(what: 'municipality' | 'document', id: string, known: readonly string[], dir: string): string {
  const guess = suggest(id, known);
  const sorted = [...known].sort();
  const listed = sorted.length === 0 ? 'none' : sorted.slice(0, LISTED_IDS).join(', ') + (sorted.length > LISTED_IDS ? ` and ${sorted.length - LISTED_IDS} more` : '');
  const plural = what === 'municipality' ? 'municipalities' : 'documents';
  return `unknown ${what} '${id}'${guess ? ` (did you mean '${guess}'?)` : ''}; the ${plural} in ${dir}: ${listed}`;
}

/** The selected profiles, and the duplicates of the selected ids (another id's are not this run's business). */
function selectMunicipalities(listed: ContentFiles, wanted: readonly string[] | undefined, dir: string): ContentFiles {
  if (!wanted || wanted.length === 0) return listed;
  const byId = new Map(listed.files.map((f) => [idOfFile(f, 'profile'), f]));
  for (const id of wanted) {
    if (!byId.has(id)) throw new UsageError(unknownIdMessage('municipality', id, [...byId.keys()], dir));
  }
  const files = [...new Set(wanted)].map((id) => byId.get(id)!);
  return { files, duplicates: listed.duplicates.filter((d) => files.includes(d.kept)) };
}

function checkDocumentIds(listed: ContentFiles, wanted: readonly string[] | undefined, dir: string): void {
  const known = listed.files.map((f) => idOfFile(f, 'document'));
  for (const id of wanted ?? []) {
    if (!known.includes(id)) throw new UsageError(unknownIdMessage('document', id, known, dir));
  }
}

function sortedUnique(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return [...list].sort(compareDiagnostics).filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function validateContent(options: ValidateOptions): Promise<ValidateResult> {
  if (!(await isDirectory(options.contentRoot))) throw new UsageError(`content folder '${options.contentRoot}' not found`);
  // Loaded only here: `build` lays out in its own workers and need not load the layout twice.
  const layout = options.layout ? new (await import('./layout.js')).LayoutCheck() : undefined;
  try {
    return await validateWith(options, layout);
  } finally {
    await layout?.close();
  }
}

async function validateWith(options: ValidateOptions, layout: LayoutCheck | undefined): Promise<ValidateResult> {
  // Absolute paths throughout, so that files sort the same whichever loader named them.
  const root = resolve(options.contentRoot);
  const diagnostics: Diagnostic[] = [];
  const texts: LocatedText[] = [];

  const documentsDir = join(root, 'documents');
  const municipalitiesDir = join(root, 'municipalities');
  for (const dir of [documentsDir, municipalitiesDir]) {
    if (!(await isDirectory(dir))) {
      diagnostics.push(diagnostic(fileStart(dir), 'content/folder', `the content folder needs a '${dir.split(/[\\/]/).pop()}' folder here`));
    }
  }
  const documentFiles = await listContentFiles(documentsDir, 'document');
  // Relative to the working directory, as diagnostics name files.
  const shown = (dir: string) => relative(process.cwd(), join(root, dir)) || dir;
  checkDocumentIds(documentFiles, options.documents, shown('documents'));
  const allMunicipalityFiles = await listContentFiles(municipalitiesDir, 'profile');
  const municipalityFiles = selectMunicipalities(allMunicipalityFiles, options.municipalities, shown('municipalities'));
  diagnostics.push(
    ...documentFiles.duplicates.map((d) => duplicateDiagnostic('document', d)),
    ...municipalityFiles.duplicates.map((d) => duplicateDiagnostic('profile', d)),
  );

  const memo = options.memo;
  const documents: LoadedDocument[] = await Promise.all(documentFiles.files.map((f) => loadDocument(f, root, memo)));
  const defaults = await loadDefaults(join(root, 'defaults.yaml'), root, memo);
  const pool: AssetPool = new Map();
  const loads: ProfileLoad[] = await Promise.all(municipalityFiles.files.map((f) => loadMunicipality(f, defaults, root, pool, memo)));
  const models = documents.flatMap((d) => (d.model ? [d.model] : []));
  const profiles = loads.flatMap((l) => (l.loaded ? [l.loaded] : []));
  // Laid out on the workers while this thread runs the rules; which results count is decided at the end.
  if (layout && options.layout) {
    layout.start({ documents: models, profiles, selected: options.documents ?? [], creationDate: options.layout.creationDate });
  }

  diagnostics.push(...defaults.diagnostics, ...checkProfileValues(defaults));
  texts.push(...defaults.texts);
  for (const doc of documents) {
    diagnostics.push(...doc.diagnostics);
    texts.push(...doc.texts);
  }
  for (const load of loads) {
    diagnostics.push(...load.diagnostics, ...checkProfileValues(load.own));
    texts.push(...load.texts);
  }
  diagnostics.push(...checkTexts(texts), ...texts.flatMap((t) => checkValueCharacters(t, 'text')));
  for (const file of [defaults, ...loads.map((l) => l.own)]) diagnostics.push(...checkStringCharacters(file));
  diagnostics.push(...checkGlyphs({ documentTexts: documents.flatMap((d) => d.texts), defaults, loads }));
  const language = await checkLanguage({
    root,
    documents,
    defaults,
    profiles: loads.map((load) => ({ id: idOfFile(load.own.file, 'profile'), load })),
    report: options.readability === true,
    warnings: options.languageWarnings !== false,
  });
  diagnostics.push(...language.diagnostics);

  const documentIds = new Set(documents.map((d) => d.id));
  // A profile with schema errors has its own errors to fix first; checking placeholders
  // against it would only repeat them.
  const complete = loads.flatMap((l) => (l.loaded && !l.own.invalid && !defaults.invalid ? [l.loaded] : []));

  for (const model of models) {
    const sequences = inlinesOf(model);
    const uses = placeholdersIn(sequences);
    diagnostics.push(
      ...checkUnknownPlaceholders(uses, defaults.data),
      ...checkMissingPlaceholders(uses, complete),
      ...checkContentLinks(linksIn(sequences)),
    );
  }
  for (const profile of profiles) {
    for (const sections of Object.values(profile.overrides ?? {})) {
      for (const blocks of Object.values(sections)) {
        const sequences = inlinesOfBlocks(blocks);
        const uses = placeholdersIn(sequences);
        diagnostics.push(
          ...checkUnknownPlaceholders(uses, defaults.data),
          ...checkMissingPlaceholders(uses, complete.includes(profile) ? [profile] : []),
          ...checkContentLinks(linksIn(sequences)),
        );
      }
    }
  }
  for (const load of loads) diagnostics.push(...checkSectionOverrides(load.own, models, documentIds));
  diagnostics.push(...(await checkIdentity({ root, allProfiles: allMunicipalityFiles.files, loads })));

  if (layout) diagnostics.push(...(await layout.finish({ root, diagnostics })));

  const result: ValidateResult = { documents: models, profiles, diagnostics: sortedUnique(diagnostics) };
  if (language.report) result.readability = language.report;
  return result;
}
