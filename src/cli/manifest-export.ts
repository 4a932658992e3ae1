/**
 * `folderpers manifest export <out> <folder>`: copies exactly the files `<out>/manifest.json`
 * lists (and the manifest itself) into a new folder, each checked against the manifest's
 * size and sha256 as it is copied: what CI publishes or keeps is what the build wrote, not
 * whatever else lies in out/ (the build's bookkeeping, a stray file, a tampered one). The
 * folder appears complete or not at all: it is filled under a temporary name and renamed.
 */
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { tempPathFor } from '../build/atomic-write.js';
import { sha256 } from '../build/hash.js';
import { MANIFEST_FILE, readManifest } from '../build/manifest.js';
import { readBack } from '../build/read-back.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

function fail(message: string, code: number): number {
  process.stderr.write(`folderpers manifest export: ${message}\n`);
  return code;
}

export async function runManifestExport(out: string, folder: string): Promise<number> {
  const manifestFile = join(out, MANIFEST_FILE);
  const read = await readManifest(manifestFile);
  if (read.status === 'missing') return fail(`${manifestFile} does not exist; run folderpers build first`, EXIT_USAGE);
  if (read.status === 'invalid') return fail(`${manifestFile} is not a folderpers manifest: ${read.reason}`, EXIT_CONTENT);
  const target = resolve(folder);
  if (resolve(out) === target) return fail('the export folder must be another folder than the build output', EXIT_USAGE);
  const existing = await readdir(target).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : err));
  if (existing instanceof Error) return fail(`${folder} cannot be used: ${existing.message}`, EXIT_USAGE);
  if (existing && existing.length > 0) return fail(`${folder} is not empty; export into a new or empty folder, so nothing else is published with the files`, EXIT_USAGE);

  const { manifest, text } = read;
  const listed = [...manifest.artifacts, ...(manifest.site ? [manifest.site] : [])];
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const problems: string[] = [];
  let bytes = 0;
  try {
    await mkdir(temp);
    for (const entry of listed) {
      const found = readBack(join(out, ...entry.path.split('/')), entry.bytes);
      if (found.status !== 'ok') {
        problems.push(`${entry.path}: ${found.status === 'missing' ? 'missing' : `not read (${found.reason})`}`);
        continue;
      }
      if (found.bytes.length !== entry.bytes || sha256(found.bytes) !== entry.sha256) {
        problems.push(`${entry.path}: its bytes are not the ones the manifest lists (${found.bytes.length} bytes, sha256 ${sha256(found.bytes)}); build again`);
        continue;
      }
      const file = join(temp, ...entry.path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, found.bytes, { flag: 'wx' });
      bytes += found.bytes.length;
    }
    if (problems.length > 0) {
      await rm(temp, { recursive: true, force: true });
      return fail(`nothing exported; ${problems.length} of ${listed.length} files do not match ${manifestFile}:\n  ${problems.join('\n  ')}`, EXIT_CONTENT);
    }
    await writeFile(join(temp, MANIFEST_FILE), text, { flag: 'wx' });
    if (existing) await rmdir(target);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    return fail(`could not write ${folder}: ${(err as Error).message}`, EXIT_CONTENT);
  }
  process.stdout.write(`${basename(target)}: ${listed.length} files and ${MANIFEST_FILE} exported (${bytes} bytes), each matching its sha256\n`);
  return EXIT_OK;
}
