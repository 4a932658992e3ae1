/**
 * Read a content file into a SourceText through the asset gate's text reader (bounded size,
 * regular files only, strict UTF-8, BOM dropped), or say why it cannot be read. A file that
 * reads carries the characters it may not contain (controls, bidi overrides …) as
 * diagnostics: loading goes on, so every other problem of the file is reported too.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { readTextFile } from '../assets/index.js';
import { checkSourceCharacters } from './control-characters.js';
import { SourceText } from './source-text.js';

export type ReadResult = { ok: true; source: SourceText; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** `contentRoot`: the file (and every folder on its way) must resolve inside it. */
export async function readSource(file: string, contentRoot: string): Promise<ReadResult> {
  const read = await readTextFile(file, { contentRoot });
  if (!read.ok) return read;
  const source = new SourceText(file, read.text);
  return { ok: true, source, diagnostics: checkSourceCharacters(source) };
}
