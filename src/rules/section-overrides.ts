/**
 * `section/unknown`: a profile's `sections:` entry must name an existing document and one
 * of its section ids; otherwise the local text would silently never appear.
 */
import type { DocumentModel } from '../content/model.js';
import { kindOf } from '../kinds/registry.js';
import { pointer } from '../content/yaml.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { ProfileFile } from '../profiles/load-profile.js';
import { suggest } from '../schema/index.js';

export const SECTION_UNKNOWN_RULE = 'section/unknown';

/**
 * `documents` are the models that loaded; `documentIds` every document file found, so a
 * document that exists but failed to load (and has its own errors) is not called unknown.
 */
export function checkSectionOverrides(
  file: ProfileFile,
  documents: readonly DocumentModel[],
  documentIds: ReadonlySet<string>,
): Diagnostic[] {
  const sections = file.data['sections'];
  if (!sections || typeof sections !== 'object') return [];
  const out: Diagnostic[] = [];
  const byId = new Map(documents.map((d) => [d.id, d]));
  const keyAt = (path: string[]) => file.keys.get(pointer(path)) ?? fileStart(file.file);
  for (const [docId, map] of Object.entries(sections as Record<string, unknown>)) {
    const doc = byId.get(docId);
    if (!doc) {
      if (documentIds.has(docId)) continue;
      const guess = suggest(docId, [...documentIds]);
      out.push(diagnostic(keyAt(['sections', docId]), SECTION_UNKNOWN_RULE, `there is no document '${docId}'${guess ? ` (did you mean '${guess}'?)` : ''}`));
      continue;
    }
    if (!map || typeof map !== 'object') continue;
    const ids = kindOf(doc).replaceableSections(doc);
    for (const sectionId of Object.keys(map as object)) {
      if (ids.includes(sectionId)) continue;
      const guess = suggest(sectionId, ids);
      out.push(
        diagnostic(
          keyAt(['sections', docId, sectionId]),
          SECTION_UNKNOWN_RULE,
          ids.length === 0
            ? `sections of '${docId}' can not be replaced locally`
            : `'${docId}' has no section '${sectionId}'${guess ? ` (did you mean '${guess}'?)` : ''}; its sections are: ${ids.join(', ')}`,
        ),
      );
    }
  }
  return out;
}
