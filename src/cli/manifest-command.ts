/**
 * `folderpers manifest merge a.json b.json …`: the manifest of a sharded CI build. Each
 * shard writes its own out/manifest.json; their union, printed on stdout, is the manifest
 * of the whole build; `folderpers site` adds the review site of all of them, after which it
 * is byte-identical to what one unsharded build would have written.
 */
import { readManifest, mergeManifests, serializeManifest, type Manifest } from '../build/manifest.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

export async function runManifestMerge(files: string[]): Promise<number> {
  const manifests: Manifest[] = [];
  for (const file of files) {
    const read = await readManifest(file);
    if (read.status === 'missing') {
      process.stderr.write(`folderpers manifest merge: ${file} does not exist\n`);
      return EXIT_USAGE;
    }
    if (read.status === 'invalid') {
      process.stderr.write(`folderpers manifest merge: ${file} is not a folderpers manifest: ${read.reason}\n`);
      return EXIT_CONTENT;
    }
    manifests.push(read.manifest);
  }
  const merged = mergeManifests(manifests);
  if (typeof merged === 'string') {
    process.stderr.write(`folderpers manifest merge: ${merged}\n`);
    return EXIT_CONTENT;
  }
  process.stdout.write(serializeManifest(merged));
  return EXIT_OK;
}
