/**
 * Places inside the output folder the build is about to write to or delete from. A
 * municipality's folder that is a symbolic link (or not a folder at all) would make the
 * build write and delete files wherever it points, and a folder where the manifest goes
 * cannot be replaced: each is an error before anything is written, naming the path. The
 * build does not replace them itself: a link there may be someone's on purpose, and
 * deleting what the build does not own is not its call. (Its own bookkeeping is another
 * matter: see prepareStripStore in build.ts.)
 */
import { join } from 'node:path';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import { MANIFEST_FILE } from './manifest.js';
import { kindOf, lstatOrUndefined } from './read-back.js';

export function outputPathProblems(outDir: string, municipalities: readonly string[]): Diagnostic[] {
  const problems: Diagnostic[] = [];
  for (const municipality of [...municipalities].sort()) {
    const dir = join(outDir, municipality);
    const found = lstatOrUndefined(dir);
    if (found && !found.isDirectory()) {
      problems.push(
        diagnostic(
          fileStart(dir),
          'build/output-path',
          `${municipality} in the output folder is ${kindOf(found)}, not a folder: the build writes and deletes ${municipality}'s files only in a real folder there, never through a link. Nothing was written; replace it by a folder (or remove it) and build again`,
        ),
      );
    }
  }
  const manifest = join(outDir, MANIFEST_FILE);
  if (lstatOrUndefined(manifest)?.isDirectory()) {
    problems.push(
      diagnostic(fileStart(manifest), 'build/output-path', `${MANIFEST_FILE} in the output folder is a folder: the build cannot put the manifest in its place. Nothing was written; remove it and build again`),
    );
  }
  return problems;
}
