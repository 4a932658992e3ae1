/**
 * Is a recorded artifact still intact? Hashing every file on every build would cost more
 * than the rest of an unchanged rebuild (hundreds of MB for a national build), so, like
 * git's index, the build keeps a local record of each file's stat data as of when its
 * sha256 was last checked, in out/.folderpers-cache.json. A file whose size, mtime, ctime
 * and inode still match is taken as verified; any other file is hashed again. ctime cannot
 * be set back by a user, so an edited file is always noticed. The record is machine-local
 * (a fresh checkout or a restored CI cache simply hashes once); the manifest stays free of
 * it.
 */
import { statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './hash.js';
import type { ManifestArtifact } from './manifest.js';

export const STAT_CACHE_FILE = '.folderpers-cache.json';

interface StatRecord {
  sha256: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export class StatCache {
  private readonly next = new Map<string, StatRecord>();

  private constructor(
    private readonly outDir: string,
    private readonly previous: Map<string, StatRecord>,
    private readonly text: string | undefined,
  ) {}

  static async load(outDir: string): Promise<StatCache> {
    const text = await readFile(join(outDir, STAT_CACHE_FILE), 'utf8').catch(() => undefined);
    let records = new Map<string, StatRecord>();
    try {
      if (text !== undefined) records = new Map(Object.entries(JSON.parse(text) as Record<string, StatRecord>));
    } catch {
      // A damaged record only costs hashing every file once.
    }
    return new StatCache(outDir, records, text);
  }

  /** The file of `entry` exists with its recorded size and sha256. */
  async isIntact(entry: ManifestArtifact): Promise<boolean> {
    const file = join(this.outDir, ...entry.path.split('/'));
    // Synchronous: thousands of files on an unchanged rebuild, each a trivial call that the
    // thread pool's round trip would cost several times over.
    let info: Stats | undefined;
    try {
      info = statSync(file);
    } catch {
      info = undefined;
    }
    if (!info?.isFile() || info.size !== entry.bytes) return false;
    const record: StatRecord = { sha256: entry.sha256, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
    const known = this.previous.get(entry.path);
    const verified = (known !== undefined && sameRecord(known, record)) || sha256(await readFile(file)) === entry.sha256;
    if (verified) this.next.set(entry.path, record);
    return verified;
  }

  /** Remembers a file just written with this content. */
  async record(entry: ManifestArtifact): Promise<void> {
    const info = await stat(join(this.outDir, ...entry.path.split('/')));
    this.next.set(entry.path, { sha256: entry.sha256, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino });
  }

  /** Writes the records of `paths` (the manifest's artifacts), unless nothing changed. */
  async save(paths: readonly string[]): Promise<void> {
    const out: Record<string, StatRecord> = {};
    for (const path of [...paths].sort()) {
      const record = this.next.get(path) ?? this.previous.get(path);
      if (record) out[path] = record;
    }
    const text = `${JSON.stringify(out)}\n`;
    if (text !== this.text) await writeFileAtomic(join(this.outDir, STAT_CACHE_FILE), text);
  }
}

function sameRecord(a: StatRecord, b: StatRecord): boolean {
  return a.sha256 === b.sha256 && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
