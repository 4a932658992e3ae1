/**
 * Whether the profiles a validation did not load must be read to find a logo the same as
 * one it did load (src/rules/identity.ts). Reading them means parsing every other profile
 * and hashing its logo: for `build --municipality X` in the national content, 341 YAML
 * files parsed on a cold start, the longest part of that build's validation. A look at
 * the content folder's files can rule it out:
 *
 * Another profile's logo is a file inside the content folder (the asset gate's
 * containment). If it is not the loaded logo's own file, it is a twin only when some other
 * file has the same bytes. If it is the same file, the other profile's path leads to it:
 * without symbolic links in the content folder that path lies where the file lies, in the
 * loaded profile's own folder, and a path into that folder is not a twin but
 * `profile/foreign-asset`, reported with the other profile itself.
 *
 * So the others need no reading when every loaded logo lies in its own profile's folder,
 * the content folder holds no symbolic link, and no other file there has a loaded logo's
 * bytes. Anything this look cannot settle (a link, a file or folder it cannot read,
 * something that is neither file nor folder, a folder too large to walk) says to read
 * them, which finds exactly what it always did.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { readBounded } from '../assets/read-bounded.js';

export interface LoadedLogo {
  /** The logo as the validation loaded it: its path and its bytes. */
  file: string;
  bytes: Uint8Array;
  /** The folder under municipalities/ that is its profile's own, as an id key. */
  ownFolder: string;
}

/** Entries walked at most: a content folder is a few per municipality; a larger one is read the long way. */
const MAX_ENTRIES = 50_000;

export async function othersMayShareLogo(contentRoot: string, logos: readonly LoadedLogo[], idKey: (id: string) => string): Promise<boolean> {
  if (logos.length === 0) return false;
  let root: string;
  const own = new Set<string>();
  try {
    root = realpathSync.native(contentRoot);
    for (const logo of logos) {
      const real = realpathSync.native(logo.file);
      const [top, folder, ...rest] = relative(root, real).split(sep);
      if (top !== 'municipalities' || folder === undefined || rest.length === 0 || idKey(folder) !== logo.ownFolder) return true;
      own.add(real);
    }
  } catch {
    return true;
  }
  const sizes = new Set(logos.map((l) => l.bytes.byteLength));
  const folders = [root];
  let entries = 0;
  for (let dir = folders.pop(); dir !== undefined; dir = folders.pop()) {
    let names;
    try {
      names = readdirSync(dir, { withFileTypes: true });
    } catch {
      return true;
    }
    entries += names.length;
    if (entries > MAX_ENTRIES) return true;
    for (const entry of names) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) folders.push(path);
      else if (!entry.isFile()) return true;
      else if (!own.has(path) && (await sameBytesAsOne(path, sizes, logos))) return true;
    }
  }
  return false;
}

/** Whether the file at `path` has the bytes of one of the logos (true also when it cannot be read to tell). */
async function sameBytesAsOne(path: string, sizes: ReadonlySet<number>, logos: readonly LoadedLogo[]): Promise<boolean> {
  let size: number;
  try {
    size = lstatSync(path).size;
  } catch {
    return true;
  }
  if (!sizes.has(size)) return false;
  // Bounded and never blocking: the entry may have been swapped for a FIFO since the walk.
  const read = await readBounded(path, size);
  return read.kind !== 'ok' || logos.some((l) => Buffer.compare(read.bytes, l.bytes) === 0);
}
