/**
 * The asset fields of a profile (logo, house font, section files) checked through the asset
 * gate in src/assets (containment inside the content folder, type by content, size limits,
 * SVG safety) and turned into absolute paths for the merged profile, with the bytes the
 * gate checked: every later stage uses those, never the file (see src/assets/checked.ts).
 */
import { join, resolve } from 'node:path';
import { readAsset, type AssetExpectation, type AssetResult } from '../assets/index.js';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import type { ValidationMemo } from '../validate/memo/memo.js';

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
  /** The bytes as checked, in an ArrayBuffer of their own (they are sent to build workers). */
  bytes: Uint8Array;
  /** Decoded text of Markdown section files. */
  text?: string;
  /** For fonts: the code points the font has a glyph for. */
  codePoints?: ReadonlySet<number>;
}

/**
 * Assets already checked in this validation, by kind and path. Profiles that share a file
 * (a national house font, say) get the one reading of it: the same bytes for every profile,
 * read and parsed once, even while the profiles load side by side.
 */
export type AssetPool = Map<string, Promise<CheckedAsset | undefined>>;

/** Asset paths are written relative to `content/municipalities/`. */
export async function checkAssets(
  contentRoot: string,
  fields: readonly AssetField[],
  pool: AssetPool = new Map(),
  memo?: ValidationMemo,
): Promise<{ assets: CheckedAsset[]; diagnostics: Diagnostic[] }> {
  const base = join(contentRoot, 'municipalities');
  const assets: CheckedAsset[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const key = `${field.expect}:${resolve(base, field.path)}`;
    const known = await pool.get(key);
    if (known) {
      assets.push({ ...known, pointer: field.pointer });
      continue;
    }
    // Not known, or refused for another profile: read it for this one, whose line the diagnostics name.
    const reading = readAsset(contentRoot, { path: field.path, at: field.at, expect: field.expect, base }, memo);
    const checked = reading.then((r) => (r.ok ? checkedAsset(field.pointer, r) : undefined));
    pool.set(key, checked);
    const result = await reading;
    if (result.ok) assets.push((await checked)!);
    else diagnostics.push(...result.diagnostics);
  }
  return { assets, diagnostics };
}

function checkedAsset(pointer: string, result: Extract<AssetResult, { ok: true }>): CheckedAsset {
  return {
    pointer,
    absPath: result.absPath,
    // A copy: the read buffer may be a slice of a larger pool, all of which a worker message would carry.
    bytes: new Uint8Array(result.bytes),
    ...(result.text !== undefined ? { text: result.text } : {}),
    ...(result.codePoints !== undefined ? { codePoints: result.codePoints } : {}),
  };
}
