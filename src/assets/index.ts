/**
 * The one gate for untrusted asset files (logos, house fonts, local section texts): every
 * stage after validation uses only the bytes this returns, never the path, so what was
 * checked is exactly what is rendered.
 */
import path from 'node:path';
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { quote } from '../schema/quote.js';
import { resolveInside } from './containment.js';
import { inspectFont } from './font.js';
import { MAX_FONT_BYTES, MAX_IMAGE_BYTES, MAX_MARKDOWN_BYTES, MAX_TOKENS_BYTES } from './limits.js';
import { markdownComplexity } from './markdown-limits.js';
import { pixelLimitProblem, pngDecodeProblem, readPngHeader } from './png.js';
import { formatBytes, readBounded } from './read-bounded.js';
import { describe, sniff } from './sniff.js';
import { checkSvg } from './svg.js';
import { decodeUtf8 } from './text.js';
import { memoised, type ValidationMemo } from '../validate/memo/memo.js';

export { checkSvg } from './svg.js';
export { decodeUtf8, readTextFile, firstInvalidUtf8 } from './text.js';
export { resolveInside } from './containment.js';
export * from './limits.js';
export * from './markdown-limits.js';

export type AssetExpectation = 'image' | 'font' | 'markdown' | 'tokens';
export type AssetType = 'svg' | 'png' | 'ttf' | 'otf' | 'md' | 'json';

export interface AssetRef {
  /** The path as the author wrote it. */
  path: string;
  /** Where it was written (the YAML value), for diagnostics about the reference itself. */
  at: SourceRef;
  expect: AssetExpectation;
  /** Folder the path is relative to; defaults to the content root. */
  base?: string;
}

export type AssetResult =
  | {
      ok: true;
      /** Lexical absolute path inside the content root (for messages and models). */
      absPath: string;
      /** The checked content. Renderers must use these bytes (sharp: a Buffer, never a path). */
      bytes: Buffer;
      type: AssetType;
      /** Decoded text without BOM, for 'svg', 'md' and 'json'. */
      text?: string;
      /** For fonts: the code points the font has a glyph for. */
      codePoints?: ReadonlySet<number>;
    }
  | { ok: false; diagnostics: Diagnostic[] };

const ALLOWED: Record<AssetExpectation, { extensions: AssetType[]; maxBytes: number; what: string }> = {
  image: { extensions: ['svg', 'png'], maxBytes: MAX_IMAGE_BYTES, what: 'an SVG or PNG image' },
  font: { extensions: ['ttf', 'otf'], maxBytes: MAX_FONT_BYTES, what: 'a TTF or OTF font' },
  markdown: { extensions: ['md'], maxBytes: MAX_MARKDOWN_BYTES, what: 'a Markdown (.md) file' },
  tokens: { extensions: ['json'], maxBytes: MAX_TOKENS_BYTES, what: 'an NL Design System token file (.json)' },
};

/** `memo`: validation's memo of parses, which keeps an SVG logo's check by its text. */
export async function readAsset(contentRoot: string, ref: AssetRef, memo?: ValidationMemo): Promise<AssetResult> {
  const allowed = ALLOWED[ref.expect];
  const shown = quote(ref.path);
  const fail = (rule: string, message: string): AssetResult => ({ ok: false, diagnostics: [diagnostic(ref.at, rule, message)] });

  // Containment first: for "/etc/passwd" the answer that matters is "outside", not "not an image".
  const contained = await resolveInside(contentRoot, ref.base ?? contentRoot, ref.path, ref.at);
  if (!contained.ok) return contained;
  const { absPath } = contained;

  const extension = path.extname(ref.path).slice(1).toLowerCase() as AssetType;
  if (!allowed.extensions.includes(extension)) {
    return fail('asset/type', `${shown} must be ${allowed.what} (${allowed.extensions.map((e) => `.${e}`).join(' or ')})`);
  }

  const read = await readBounded(contained.realPath, allowed.maxBytes);
  switch (read.kind) {
    case 'missing':
      return fail('asset/missing', `${shown} does not exist`);
    case 'not-a-file':
    case 'symlink': // only if a link was swapped in after resolveInside: refuse, do not follow
      return fail('asset/not-a-file', `${shown} is a folder or a special file, not ${allowed.what}`);
    case 'unreadable':
      return fail('asset/unreadable', `${shown} can not be read (${read.reason})`);
    case 'too-large':
      return fail('asset/too-large', `${shown} is ${formatBytes(read.size)}; ${allowed.what} may be at most ${formatBytes(allowed.maxBytes)}`);
    case 'ok':
      break;
  }
  const bytes = read.bytes;
  if (bytes.length === 0) return fail('asset/empty', `${shown} is empty`);

  const sniffed = sniff(bytes);
  const isFont = sniffed === 'ttf' || sniffed === 'otf';
  const matches =
    extension === 'svg' ? sniffed === 'svg' : extension === 'png' ? sniffed === 'png' : extension === 'md' || extension === 'json' ? !isFont && sniffed !== 'png' : isFont;
  if (!matches) {
    const rename = allowed.extensions.find((e) => e === sniffed);
    return fail(
      'asset/type',
      rename
        ? `${shown} is named .${extension} but contains ${describe(sniffed)}; rename the file to .${rename} and change this path to match`
        : `${shown} is named .${extension} but contains ${describe(sniffed)}; it must be ${allowed.what}`,
    );
  }

  switch (extension) {
    case 'md': {
      const decoded = decodeUtf8(bytes, absPath);
      if (!decoded.ok) return decoded;
      const costly = markdownComplexity(decoded.text, absPath);
      if (costly.length > 0) return { ok: false, diagnostics: costly };
      return { ok: true, absPath, bytes, type: 'md', text: decoded.text };
    }
    case 'json': {
      // Its tokens are read and checked with the profile (src/profiles/design-tokens.ts).
      const decoded = decodeUtf8(bytes, absPath);
      if (!decoded.ok) return decoded;
      return { ok: true, absPath, bytes, type: 'json', text: decoded.text };
    }
    case 'svg': {
      const decoded = decodeUtf8(bytes, absPath);
      if (!decoded.ok) return decoded;
      const problems = memoised(memo, 'svg', absPath, decoded.text, () => checkSvg(decoded.text, absPath));
      if (problems.length > 0) return { ok: false, diagnostics: problems };
      return { ok: true, absPath, bytes, type: 'svg', text: decoded.text };
    }
    case 'png': {
      const header = readPngHeader(bytes);
      if (!header.ok) return fail('asset/invalid', `${shown} is not a valid PNG: ${header.reason}`);
      const tooLarge = pixelLimitProblem(header.width, header.height);
      if (tooLarge) return fail('asset/too-large', `${shown} is ${tooLarge}`);
      const broken = await pngDecodeProblem(bytes);
      if (broken) return fail('asset/invalid', `${shown} is not a valid PNG image: ${broken}`);
      return { ok: true, absPath, bytes, type: 'png' };
    }
    case 'ttf':
    case 'otf': {
      const font = await inspectFont(bytes);
      if (!font.ok) return fail('font/invalid', `${shown} is not a usable font: ${font.reason}`);
      return { ok: true, absPath, bytes, type: sniffed === 'otf' ? 'otf' : 'ttf', codePoints: font.codePoints };
    }
  }
}
