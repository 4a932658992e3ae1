/**
 * Read a content file into a SourceText through the asset gate's text reader (bounded size,
 * regular files only, strict UTF-8, BOM dropped), or say why it cannot be read.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { readTextFile } from '../assets/index.js';
import { SourceText } from './source-text.js';

export type ReadResult = { ok: true; source: SourceText } | { ok: false; diagnostics: Diagnostic[] };

/** `contentRoot`: the file (and every folder on its way) must resolve inside it. */
export async function readSource(file: string, contentRoot: string): Promise<ReadResult> {
  const read = await readTextFile(file, { contentRoot });
  if (!read.ok) return read;
  return { ok: true, source: new SourceText(file, read.text) };
}
