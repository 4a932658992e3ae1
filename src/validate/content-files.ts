/**
 * The documents and profiles of a content folder, one file per id. A file's id is its name
 * without the extension, and two files must never claim one id: `rotterdam.yml` beside
 * `rotterdam.yaml` would otherwise both load (and the last one read would decide
 * Rotterdam's phone number), and `Ouderfolder.md` beside `ouderfolder.md` is one file on
 * the case-insensitive file systems of Windows and macOS, so which text a build used
 * would depend on the machine. Every spelling of the extension counts (`.YAML`, `.Md`):
 * a file that looks like content is never silently left out.
 */
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';

export type ContentKind = 'document' | 'profile';

const EXTENSION: Record<ContentKind, { pattern: RegExp; canonical: string }> = {
  document: { pattern: /\.md$/i, canonical: '.md' },
  profile: { pattern: /\.ya?ml$/i, canonical: '.yaml' },
};

/** The id a content file stands for: its name without the extension (any spelling of it). */
export function idOfFile(file: string, kind: ContentKind): string {
  return basename(file).replace(EXTENSION[kind].pattern, '');
}

export interface ContentFiles {
  /** One file per id, sorted by name. */
  files: string[];
  /** Files that claim an id another file already has, with the file kept for that id. */
  duplicates: { file: string; kept: string; id: string }[];
}

/**
 * Lists `dir` and keeps one file per id. Names that differ only in case (and in the form
 * of accents, which macOS does not distinguish either) are one id. Which file is kept must
 * not depend on the order the file system lists them: the canonical spelling
 * (`<id>.yaml` or `<id>.md` in lower case, the one the README tells editors to create)
 * wins, so a pull request that adds `rotterdam.yml` is reported at the file it adds; among
 * other spellings, the first name in code-unit order. Entries that are not regular files
 * are listed too, so the loader reports a folder named `x.yaml` instead of skipping it.
 */
export async function listContentFiles(dir: string, kind: ContentKind): Promise<ContentFiles> {
  const { pattern, canonical } = EXTENSION[kind];
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => pattern.test(name));
  const groups = new Map<string, string[]>();
  for (const name of names) {
    const key = name.replace(pattern, '').normalize('NFC').toLowerCase();
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(name);
  }
  const isCanonical = (name: string) => name.endsWith(canonical) && name === name.toLowerCase();
  const order = (a: string, b: string) => Number(isCanonical(b)) - Number(isCanonical(a)) || (a < b ? -1 : a > b ? 1 : 0);
  const files: string[] = [];
  const duplicates: ContentFiles['duplicates'] = [];
  for (const group of groups.values()) {
    const [kept, ...others] = group.sort(order);
    files.push(kept!);
    for (const other of others) duplicates.push({ file: join(dir, other), kept: join(dir, kept!), id: idOfFile(kept!, kind) });
  }
  files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { files: files.map((name) => join(dir, name)), duplicates };
}

export function duplicateDiagnostic(kind: ContentKind, duplicate: ContentFiles['duplicates'][number]): Diagnostic {
  const what = kind === 'profile' ? 'municipality' : 'document';
  const own = basename(duplicate.file);
  const kept = basename(duplicate.kept);
  return diagnostic(
    fileStart(duplicate.file),
    `${kind}/duplicate-id`,
    `'${own}' is a second file for the ${what} '${duplicate.id}' beside '${kept}' (names that differ only in case or in .yml/.yaml are one id, and one file on Windows and macOS); keep one: move what you need into ${kept} and delete ${own}`,
  );
}
