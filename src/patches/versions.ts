/**
 * The versions of the libraries whose private parts src/patches/ reaches into. A patch of
 * another version's internals may do nothing, or worse, draw something else; so the build
 * refuses to run with any other version (a `dependency/version` error) and the tests fail.
 * package.json pins exactly these. To move to a new version: read the patched code of the
 * new release (each patch names what it relies on), adjust, change the version here and in
 * package.json, and compare a build of the bench set before and after.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const WRITTEN_FOR = {
  pdfkit: '0.20.2',
  fontkit: '2.0.4',
  restructure: '3.0.2',
} as const;

/** The installed version of a package (its package.json; `exports` maps forbid resolving that directly). */
export function installedVersion(name: string): string | undefined {
  const require = createRequire(import.meta.url);
  for (const dir of require.resolve.paths(name) ?? []) {
    const file = join(dir, name, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return undefined;
}

/** One sentence per patched library whose installed version is not the one the patches were written for. */
export function patchedVersionProblems(installed: (name: string) => string | undefined = installedVersion): string[] {
  return Object.entries(WRITTEN_FOR).flatMap(([name, wanted]) => {
    const found = installed(name) ?? 'none';
    return found === wanted
      ? []
      : [`folderpers patches internals of ${name} ${wanted}, but ${name} ${found} is installed; its output could be wrong. Run npm ci (package.json pins ${name} ${wanted}).`];
  });
}
