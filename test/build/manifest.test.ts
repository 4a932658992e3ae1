import { describe, expect, it } from 'vitest';
import {
  emptyManifest,
  mergeManifests,
  parseManifest,
  serializeManifest,
  type Manifest,
  type ManifestArtifact,
} from '../../src/build/manifest.js';
import { planJobs } from '../../src/build/plan.js';
import { sha256 } from '../../src/build/hash.js';
import { selects, shardOf } from '../../src/build/selection.js';

function artifact(municipality: string, format: 'pdf' | 'png' = 'pdf'): ManifestArtifact {
  return { municipality, document: 'ouderfolder', format, path: `${municipality}/ouderfolder.${format}`, bytes: 1, sha256: sha256(municipality) };
}

function manifest(...artifacts: ManifestArtifact[]): Manifest {
  return {
    ...emptyManifest('folderpers 0.1.0'),
    artifacts,
    jobs: artifacts.map((a) => ({ municipality: a.municipality, document: a.document, inputs: `in-${a.municipality}`, warnings: [] })),
  };
}

describe('manifest', () => {
  it('serialises the same whatever order entries were added in', () => {
    const a = serializeManifest(manifest(artifact('b'), artifact('a', 'png'), artifact('a')));
    const b = serializeManifest(manifest(artifact('a'), artifact('b'), artifact('a', 'png')));
    expect(a).toBe(b);
    expect(parseManifest(a)).toEqual(JSON.parse(a));
  });

  it('refuses entries whose path could leave the output folder', () => {
    const bad = manifest(artifact('a'));
    bad.artifacts[0]!.path = '../etc/passwd';
    expect(parseManifest(JSON.stringify(bad))).toMatch(/invalid artifact entry/);
    expect(parseManifest('{')).toBe('not valid JSON');
  });

  it('merges shard manifests into the manifest of the whole build', () => {
    const whole = manifest(artifact('a'), artifact('b'), artifact('c'));
    const merged = mergeManifests([manifest(artifact('b')), manifest(artifact('c'), artifact('a'))]);
    expect(typeof merged).toBe('object');
    expect(serializeManifest(merged as Manifest)).toBe(serializeManifest(whole));
  });

  it('refuses to merge manifests that disagree about an artifact', () => {
    const other = artifact('a');
    other.sha256 = 'different';
    expect(mergeManifests([manifest(artifact('a')), manifest(other)])).toBe('conflicting entries for a/ouderfolder.pdf');
  });
});

describe('shards', () => {
  const ids = Array.from({ length: 342 }, (_, i) => `gemeente-${i}`);

  it('every municipality is in exactly one shard, and the shards are of similar size', () => {
    for (const count of [1, 2, 3, 4, 7]) {
      const sizes = new Array(count).fill(0);
      for (const id of ids) {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) =>
          selects({ municipalities: [], documents: [], shard: { index, count } }, id, 'ouderfolder'),
        );
        expect(owners).toHaveLength(1);
        sizes[owners[0]! - 1] += 1;
      }
      for (const size of sizes) expect(Math.abs(size - ids.length / count)).toBeLessThan((ids.length / count) * 0.3);
    }
  });

  it('a municipality keeps its shard when others are added or removed', () => {
    expect(shardOf('gemeente-17', 4)).toBe(shardOf('gemeente-17', 4));
    const jobs = planJobs(ids.slice(0, 10), [{ id: 'ouderfolder', kind: 'parent-leaflet' }], {
      municipalities: [],
      documents: [],
      shard: { index: 2, count: 3 },
    });
    expect(jobs.every((j) => shardOf(j.municipality, 3) === 2)).toBe(true);
  });
});
