/**
 * An asset path written by an author must name a file inside the content folder, also after
 * every symbolic link on the way is followed: the content folder is the only thing a build
 * may read besides the tool's own files.
 */
import path from 'node:path';
import { promises as fs, realpathSync } from 'node:fs';
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { quote } from '../schema/quote.js';

export type Contained =
  | { ok: true; absPath: string; realPath: string }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * `written` is resolved against `base` (e.g. content/municipalities/), and must stay within
 * `contentRoot`, lexically and after realpath. `absPath` is the lexical path (for messages
 * and models); `realPath` is the one to open.
 */
export async function resolveInside(contentRoot: string, base: string, written: string, at: SourceRef): Promise<Contained> {
  const fail = (rule: string, message: string): Contained => ({ ok: false, diagnostics: [diagnostic(at, rule, message)] });
  const shown = quote(written);

  if (written.trim() === '') return fail('asset/missing', 'the file name is empty');
  if (written.includes('\0') || written.includes('\\')) {
    return fail('asset/invalid-path', `${shown} is not a valid path: use / between folders and no special characters`);
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^[a-z]:[\\/]/i.test(written)) {
    return fail('asset/remote', `${shown} is a web address; assets must be files inside the content folder`);
  }
  if (path.posix.isAbsolute(written) || path.win32.isAbsolute(written)) {
    return fail('asset/outside-content', `${shown} is an absolute path; write it relative to ${where(contentRoot, base)}, inside the content folder`);
  }

  const root = path.resolve(contentRoot);
  const absPath = path.resolve(base, written);
  if (escapes(root, absPath)) {
    return fail('asset/outside-content', `${shown} points outside the content folder; assets must lie inside it`);
  }

  let realRoot: string;
  let realPath: string;
  try {
    // Synchronous on purpose: a build resolves a few paths per profile, 342 profiles, and
    // the asynchronous call's round trip through the thread pool cost ten times the work.
    realRoot = realpathSync.native(root);
    realPath = realpathSync.native(absPath);
  } catch {
    const dangling = await fs.lstat(absPath).then((s) => s.isSymbolicLink(), () => false);
    return fail(
      'asset/missing',
      dangling
        ? `${shown} is a symbolic link to a file that does not exist`
        : `${shown} does not exist (looked for ${path.relative(process.cwd(), absPath) || absPath})`,
    );
  }
  if (escapes(realRoot, realPath)) {
    return fail('asset/outside-content', `${shown} is (or passes through) a symbolic link that points outside the content folder`);
  }
  return { ok: true, absPath, realPath };
}

/** Whether `target` lies outside `root` (both absolute, compared as given). */
export function escapes(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

function where(contentRoot: string, base: string): string {
  const rel = path.relative(path.resolve(contentRoot), path.resolve(base));
  return rel === '' ? 'the content folder' : `${rel.split(path.sep).join('/')}/`;
}
