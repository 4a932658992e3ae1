/**
 * The PNG renderer's measured strips, kept in the output folder between builds
 * (`out/.folderpers-strips/`, one file per strip, named by the hash of the strip's
 * markup). A rebuild of one municipality then finds the national strips measured; CI
 * keeps them with the rest of `out/` in its cache. Like the stat cache it is local
 * bookkeeping, not output: the manifest does not list it and its loss only costs time.
 *
 * A worker reads only the strips the main thread hands it records of (see provenance.ts):
 * the file must be a regular file of the recorded size and sha256 and, without a key, of
 * the recorded identity. Whatever else lies in the folder is never read. The worker
 * reports which strips it used and wrote, with their identities, so that the main thread
 * records exactly those.
 */
import { join } from 'node:path';
import type { StripStore } from '../render/png/index.js';
import { writeFileAtomic } from './atomic-write.js';
import { sha256 } from './hash.js';
import type { FileRecord, StripReport } from './provenance.js';
import { identityOf, lstatOrUndefined, readRecorded } from './read-back.js';

export const STRIP_STORE_DIR = '.folderpers-strips';

/** What the store may hold; the least recently used strips go first beyond it. */
export const STRIP_STORE_BUDGET = 256 * 1024 * 1024;

const KEY = /^[0-9a-f]{64}$/;

export interface TrustedStrips {
  records: Readonly<Record<string, FileRecord>>;
  /** Without a key, a record proves its file only while the identity is unchanged. */
  checkIdentity: boolean;
}

export interface ReportingStripStore extends StripStore {
  /** What was used and written since the last call. */
  drain(): StripReport;
}

export function fileStripStore(dir: string, trusted: TrustedStrips): ReportingStripStore {
  const path = (key: string) => {
    if (!KEY.test(key)) throw new Error(`not a strip key: ${key}`);
    return join(dir, key);
  };
  let report: StripReport = { used: [], written: [] };
  return {
    // Synchronous inside: a page loads ~100 small files, and a worker has nothing else to
    // do meanwhile; the thread pool's round trips cost more than the reads.
    async load(key) {
      const record = Object.hasOwn(trusted.records, key) ? trusted.records[key] : undefined;
      if (!record) return undefined;
      const read = readRecorded(path(key), record, trusted.checkIdentity);
      if (!read) return undefined;
      report.used.push({ name: key, identity: read.identity });
      return read.bytes;
    },
    async save(key, bytes) {
      const file = path(key);
      await writeFileAtomic(file, bytes);
      // The identity right after the rename (a rename changes the change time).
      const now = lstatOrUndefined(file);
      if (now?.isFile()) report.written.push({ name: key, sha256: sha256(bytes), size: bytes.byteLength, identity: identityOf(now) });
    },
    drain() {
      const drained = report;
      report = { used: [], written: [] };
      return drained;
    },
  };
}
