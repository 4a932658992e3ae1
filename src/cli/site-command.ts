/**
 * `folderpers site <folder>`: the review site (`<folder>/index.html`) made again from the
 * folder's manifest.json, typically the merged manifest of a sharded build beside the
 * shards' files. The site depends on the manifest alone, so this writes what one build of
 * every shard would have written, and records it in the manifest.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../build/atomic-write.js';
import { sha256 } from '../build/hash.js';
import { MANIFEST_FILE, SITE_FILE, readManifest, serializeManifest, type Manifest } from '../build/manifest.js';
import { lockOutput } from '../build/output-lock.js';
import { readBack } from '../build/read-back.js';
import { reviewSiteFor } from '../build/site-files.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

export async function runSite(folder: string): Promise<number> {
  const file = join(folder, MANIFEST_FILE);
  const read = await readManifest(file);
  if (read.status === 'missing') {
    process.stderr.write(`folderpers site: ${file} does not exist; run folderpers build (or manifest merge) first\n`);
    return EXIT_USAGE;
  }
  if (read.status === 'invalid') {
    process.stderr.write(`folderpers site: ${file} is not a folderpers manifest: ${read.reason}\n`);
    return EXIT_CONTENT;
  }
  const lock = await lockOutput(folder);
  if (lock.status === 'refused') {
    process.stderr.write(`folderpers site: ${lock.message}\n`);
    return EXIT_USAGE;
  }
  try {
    const { site: _old, ...manifest } = read.manifest;
    const html = Buffer.from(reviewSiteFor(manifest));
    const next = { ...manifest, site: { path: SITE_FILE, bytes: html.length, sha256: sha256(html) } } satisfies Manifest;
    const text = serializeManifest(next);
    // The manifest never lists a site that is not there: without the old entry first, then the page, then with the new one.
    if (read.manifest.site && read.text !== text) await writeFileAtomic(file, serializeManifest(manifest));
    const there = readBack(join(folder, SITE_FILE), html.length);
    if (there.status !== 'ok' || !there.bytes.equals(html)) await writeFileAtomic(join(folder, SITE_FILE), html);
    if (read.text !== text) await writeFileAtomic(file, text);
    process.stdout.write(`${join(folder, SITE_FILE)}: ${manifest.municipalities.length} municipalities, ${manifest.artifacts.length} files\n`);
    return EXIT_OK;
  } finally {
    await lock.release();
  }
}
