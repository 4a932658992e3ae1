/**
 * Untrusted text (Markdown, YAML, SVG) must be UTF-8. A leading BOM is dropped: editors do
 * not count it, so columns on line 1 stay as the author sees them. Line endings are kept, so
 * positions computed on the returned text match the file (see positions.ts for CRLF).
 */
import { promises as fs } from 'node:fs';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import { escapes } from './containment.js';
import { MAX_MARKDOWN_BYTES, MAX_YAML_BYTES } from './limits.js';
import { markdownComplexity } from './markdown-limits.js';
import { lineIndex } from './positions.js';
import { formatBytes, readBounded } from './read-bounded.js';

const BOM = [0xef, 0xbb, 0xbf];

export type TextResult = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

export function decodeUtf8(bytes: Uint8Array, file: string): TextResult {
  const hasBom = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2];
  const body = hasBom ? bytes.subarray(3) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad === -1) return { ok: true, text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') };
  const before = new TextDecoder('utf-8').decode(body.subarray(0, bad));
  const { line, column } = lineIndex(before).at(before.length);
  return {
    ok: false,
    diagnostics: [
      diagnostic(
        { file, line, column },
        'file/encoding',
        `this file is not UTF-8 text (byte 0x${(body[bad] ?? 0).toString(16).padStart(2, '0')} here); save it as UTF-8 in your editor`,
      ),
    ],
  };
}

export interface TextFileOptions {
  /** Defaults by extension: .yaml/.yml as YAML, anything else as Markdown. */
  maxBytes?: number;
  /**
   * The content folder. When given, a folder on the way that is a symbolic link must lead to
   * a place inside it. (A file that is itself a symbolic link is always refused.)
   */
  contentRoot?: string;
}

/**
 * Reads a Markdown or YAML file for a loader: inside the content folder, bounded, not empty,
 * UTF-8, and for Markdown (`.md`) not too costly to parse.
 */
export async function readTextFile(file: string, options: TextFileOptions = {}): Promise<TextResult> {
  const isYaml = /\.ya?ml$/i.test(file);
  const maxBytes = options.maxBytes ?? (isYaml ? MAX_YAML_BYTES : MAX_MARKDOWN_BYTES);
  const at = fileStart(file);
  let target = file;
  const isLink = await fs.lstat(file).then((st) => st.isSymbolicLink(), () => false);
  if (isLink) {
    return fail(diagnostic(at, 'file/symlink', 'this file is a symbolic link; content files must be real files inside the content folder'));
  }
  if (options.contentRoot !== undefined) {
    const real = await realInside(options.contentRoot, file);
    if (real === 'missing') return fail(diagnostic(at, 'file/missing', 'this file does not exist or can not be found'));
    if (real === 'outside') {
      return fail(
        diagnostic(at, 'file/outside-content', 'this file lies in a folder that is a symbolic link to a place outside the content folder'),
      );
    }
    target = real;
  }
  const read = await readBounded(target, maxBytes);
  switch (read.kind) {
    case 'missing':
      return fail(diagnostic(at, 'file/missing', 'this file does not exist or can not be found'));
    case 'not-a-file':
      return fail(diagnostic(at, 'file/not-a-file', 'this is a folder or a special file, not a text file'));
    case 'symlink':
      return fail(diagnostic(at, 'file/symlink', 'this file is a symbolic link; content files must be real files inside the content folder'));
    case 'unreadable':
      return fail(diagnostic(at, 'file/unreadable', `this file can not be read (${read.reason})`));
    case 'too-large':
      return fail(
        diagnostic(
          at,
          'file/too-large',
          `this file is ${formatBytes(read.size)}; it may be at most ${formatBytes(maxBytes)}`,
        ),
      );
    case 'ok': {
      if (read.bytes.length === 0) return fail(diagnostic(at, 'file/empty', 'this file is empty'));
      const decoded = decodeUtf8(read.bytes, file);
      if (!decoded.ok || !/\.md$/i.test(file)) return decoded;
      const costly = markdownComplexity(decoded.text, file);
      return costly.length > 0 ? { ok: false, diagnostics: costly } : decoded;
    }
  }
}

/** The real path of `file` when it lies inside the real content folder. */
async function realInside(contentRoot: string, file: string): Promise<string | 'missing' | 'outside'> {
  try {
    const root = await fs.realpath(contentRoot);
    const real = await fs.realpath(file);
    return escapes(root, real) ? 'outside' : real;
  } catch {
    return 'missing';
  }
}

function fail(d: Diagnostic): TextResult {
  return { ok: false, diagnostics: [d] };
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence
 * (overlongs, surrogates and code points above U+10FFFF included), or -1.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min, cp] = [1, 0x80, c & 0x1f];
    else if (c >= 0xe0 && c <= 0xef) [need, min, cp] = [2, 0x800, c & 0x0f];
    else if (c >= 0xf0 && c <= 0xf4) [need, min, cp] = [3, 0x10000, c & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
