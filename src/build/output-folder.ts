/**
 * Refusals for `--out` before anything runs: a folder the build cannot or must not write
 * into is a usage error (exit 2), never something found out halfway through a build.
 */
import { constants } from 'node:fs';
import { access, realpath, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

/** Why `outDir` cannot be the output folder, or undefined when it can. */
export async function outputFolderProblem(outDir: string, contentRoot: string): Promise<string | undefined> {
  const out = await realpathOfNearest(resolve(outDir));
  const content = await realpathOfNearest(resolve(contentRoot));
  const rel = relative(content, out);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    return `the output folder ${outDir} is inside the content folder ${contentRoot}; choose a folder outside it, e.g. --out out`;
  }
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) return `the output folder ${outDir} is a file, not a folder`;
  const existing = info ? out : await nearestExisting(out);
  try {
    await access(existing, constants.W_OK | constants.X_OK);
  } catch {
    return `the output folder ${outDir} is not writable (no permission to write in ${existing})`;
  }
  return undefined;
}

/** realpath of `path`, or of its nearest existing ancestor with the rest appended, so symlinks cannot hide where a new folder would land. */
async function realpathOfNearest(path: string): Promise<string> {
  const existing = await nearestExisting(path);
  return join(await realpath(existing), relative(existing, path));
}

async function nearestExisting(path: string): Promise<string> {
  let current = path;
  for (;;) {
    if (await stat(current).then(() => true, () => false)) return current;
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

