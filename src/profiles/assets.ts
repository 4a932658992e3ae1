/**
 * The asset fields of a profile (logo, house font, section files) checked through the asset
 * gate in src/assets (containment inside the content folder, type by content, size limits,
 * SVG safety) and turned into absolute paths for the merged profile.
 */
import { join } from 'node:path';
import { readAsset, type AssetExpectation } from '../assets/index.js';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';

export interface AssetField {
  /** JSON pointer of the field, e.g. `/brand/logo`. */
  pointer: string;
  path: string;
  expect: AssetExpectation;
  at: SourceRef;
}

export interface CheckedAsset {
  pointer: string;
  absPath: string;
  /** Decoded text of Markdown section files. */
  text?: string;
}

/** Asset paths are written relative to `content/municipalities/`. */
export async function checkAssets(
  contentRoot: string,
  fields: readonly AssetField[],
): Promise<{ assets: CheckedAsset[]; diagnostics: Diagnostic[] }> {
  const base = join(contentRoot, 'municipalities');
  const assets: CheckedAsset[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const result = await readAsset(contentRoot, { path: field.path, at: field.at, expect: field.expect, base });
    if (!result.ok) diagnostics.push(...result.diagnostics);
    else assets.push({ pointer: field.pointer, absPath: result.absPath, ...(result.text !== undefined ? { text: result.text } : {}) });
  }
  return { assets, diagnostics };
}
