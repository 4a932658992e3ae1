/**
 * Refusals for `--out` before anything runs: a folder the build cannot or must not write
 * into is a usage error (exit 2), never something found out halfway through a build.
 *
 * Writability is checked by a real write, not `access(W_OK)`: root passes every access
 * check, yet cannot write under /sys or on a read-only mount. The probe creates the missing
 * folders one level at a time, writes and deletes a small file in the output folder, and
 * then removes the folders it created, so a build that stops later (validation errors)
 * still leaves nothing behind. Pseudo file systems (/proc, /sys, /dev) are refused up front:
 * writing there is never meant, and Node's recursive mkdir can spin for ever under /proc.
 */
import { mkdir, open, realpath, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { tempPathFor } from './atomic-write.js';

const PSEUDO_FILE_SYSTEMS = ['/proc', '/sys', '/dev'];

/** Why `outDir` cannot be the output folder, or undefined when it can. */
export async function outputFolderProblem(outDir: string, contentRoot: string): Promise<string | undefined> {
  const out = await realpathOfNearest(resolve(outDir));
  const pseudo = PSEUDO_FILE_SYSTEMS.find((p) => out === p || out.startsWith(`${p}/`));
  if (pseudo !== undefined) {
    return `the output folder ${outDir} is not writable (${pseudo} is a system pseudo file system; choose a regular folder)`;
  }
  const content = await realpathOfNearest(resolve(contentRoot));
  const rel = relative(content, out);
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))) {
    return `the output folder ${outDir} is inside the content folder ${contentRoot}; choose a folder outside it, e.g. --out out`;
  }
  const info = await stat(out).catch(() => undefined);
  if (info && !info.isDirectory()) return `the output folder ${outDir} is a file, not a folder`;
  return await probeWrite(outDir, out);
}

/** Creates what is missing of `out`, writes and deletes a file in it, removes what it created. */
async function probeWrite(outDir: string, out: string): Promise<string | undefined> {
  const existing = await nearestExisting(out);
  const created: string[] = [];
  try {
    const existingInfo = await stat(existing);
    if (!existingInfo.isDirectory()) {
      return `the output folder ${outDir} cannot be created: ${existing} is a file, not a folder`;
    }
    const missing = relative(existing, out).split(sep).filter((part) => part !== '');
    let current = existing;
    for (const part of missing) {
      current = join(current, part);
      try {
        await mkdir(current);
        created.push(current);
      } catch (err) {
        // A second build started at the same moment made it first: it is a folder all the
        // same (the output lock then decides which build writes), and it is not ours to remove.
        const made = (err as NodeJS.ErrnoException).code === 'EEXIST' && (await stat(current).catch(() => undefined))?.isDirectory();
        if (!made) throw err;
      }
    }
    const probe = tempPathFor(join(out, 'write-probe'));
    const handle = await open(probe, 'wx');
    try {
      await handle.writeFile('folderpers write probe\n');
    } finally {
      await handle.close();
      await unlink(probe).catch(() => undefined);
    }
    return undefined;
  } catch (err) {
    return `the output folder ${outDir} is not writable (${describeError(err)})`;
  } finally {
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
  }
}

function describeError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    EDQUOT: 'disk quota exceeded',
    ENOTDIR: 'a part of the path is not a folder',
    ENOENT: 'a part of the path does not exist',
    EEXIST: 'a part of the path already exists and is not a folder',
  };
  const where = typeof e.path === 'string' ? ` at ${e.path}` : '';
  return `${(e.code && reasons[e.code]) ?? e.code ?? String(e.message ?? err).split('\n')[0]}${where}`;
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
