/** Read a content file as strict UTF-8 into a SourceText, or say why it cannot be read. */
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic, fileStart } from '../diagnostics/index.js';
import { decodeUtf8, SourceText } from './source-text.js';

export type ReadResult = { ok: true; source: SourceText } | { ok: false; diagnostic: Diagnostic };

export async function readSource(file: string): Promise<ReadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'this file does not exist' : code === 'EISDIR' ? 'this is a folder, not a file' : 'this file cannot be read';
    return { ok: false, diagnostic: diagnostic(fileStart(file), 'file/unreadable', why) };
  }
  const decoded = decodeUtf8(file, bytes);
  if (!decoded.ok) return decoded;
  return { ok: true, source: new SourceText(file, decoded.text) };
}
