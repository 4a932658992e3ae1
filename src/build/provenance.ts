/**
 * What the build can prove it wrote into the output folder, kept in
 * out/.folderpers-cache.json. Two kinds of files are read back from out/: artifacts a
 * rebuild may keep instead of rendering them again, and the PNG renderer's strip store.
 * Either is trusted only with a record made by a build right after it wrote or verified
 * the file: its sha256, size and identity (see read-back.ts), and for an artifact the
 * input hash of the job that made it.
 *
 * - Without a key, a record counts only while the file's identity is exactly the recorded
 *   one. A file restored from a CI cache, copied, replaced or edited has another change
 *   time and inode, so a restored out/ is a cold build: correct, slower.
 * - With FOLDERPERS_CACHE_KEY, the records are sealed (HMAC-SHA256 over the records and
 *   the tool fingerprint), and only a sealed file's records count. A record whose file has
 *   another identity (a restored cache) is then proven by hashing the file again.
 *
 * Nothing here believes the manifest: its sha256s are what the last writer of out/ says.
 * Records of another tool version are dropped (its strips and its files may differ), and
 * the file is parsed strictly and record by record, so whatever it holds costs time at
 * most.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { ARTIFACT_FORMATS } from './formats.js';
import { sha256 } from './hash.js';
import { identityOf, lstatOrUndefined, readBack, type Identity } from './read-back.js';

export const RECORDS_FILE = '.folderpers-cache.json';

/** First line of the file, before the seal. */
const HEADER = 'folderpers-bookkeeping 2';

/** A national build's records take ~1.5 MB; anything much larger is not ours. */
const MAX_RECORDS_BYTES = 32 * 1024 * 1024;

export interface FileRecord {
  sha256: string;
  size: number;
  identity: Identity;
}

export interface ArtifactRecord extends FileRecord {
  /** Input hash of the job whose file this is (see inputs.ts). */
  inputs: string;
}

export interface StripRecord extends FileRecord {
  /** Generation (a count of rendering builds) of the last build that used the strip. */
  used: number;
}

/** What a worker reports about the strip store after a job. */
export interface StripReport {
  /** Strips it loaded, with the identity of the file it verified. */
  used: { name: string; identity: Identity }[];
  /** Strips it wrote, as they were right after the write. */
  written: { name: string; sha256: string; size: number; identity: Identity }[];
}

interface Body {
  tool: string;
  generation: number;
  artifacts: Record<string, ArtifactRecord>;
  strips: Record<string, StripRecord>;
  /** Validation's memo of parses (memo-file.ts). */
  memo?: FileRecord;
}

const HEX64 = /^[0-9a-f]{64}$/;
const IDENTITY = /^[0-9]+:[0-9]+:[0-9]+:[0-9]+:[0-9]+$/;
/** `<municipality>/<document>.<format>`, or the review site `index.html`. */
const ARTIFACT_PATH = new RegExp(`^(?:index\\.html|[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*\\.(${ARTIFACT_FORMATS.map((f) => f.replace('.', '\\.')).join('|')}))$`);

export class Provenance {
  /** Artifact records proven this build, by path: the only ones the next records file holds. */
  private readonly proven = new Map<string, ArtifactRecord>();
  private readonly stripReports: StripReport[] = [];

  private constructor(
    private readonly outDir: string,
    private readonly tool: string,
    private readonly key: Buffer | undefined,
    private readonly text: string | undefined,
    /** Counts the builds that rendered; a strip's `used` is one of these. */
    private generation: number,
    private readonly artifacts: Map<string, ArtifactRecord>,
    private readonly strips: Map<string, StripRecord>,
    private memo: FileRecord | undefined,
    /** Of the records file as it was read; undefined when there was none to read. */
    private readonly identity: Identity | undefined,
  ) {}

  /**
   * The records in out/, those a build with `tool` and `key` may use. `problem` says why
   * the file was not read at all when that is worth a warning (it is not a regular file).
   */
  static load(outDir: string, tool: string, key: Buffer | undefined, earlier?: Provenance): { provenance: Provenance; problem?: string } {
    const file = join(outDir, RECORDS_FILE);
    // Read before validation (for the memo) and the file still that one: the same records.
    if (earlier?.identity !== undefined && earlier.tool === tool && earlier.key === key && earlier.outDir === outDir) {
      const now = lstatOrUndefined(file);
      if (now?.isFile() && identityOf(now) === earlier.identity) return { provenance: earlier };
    }
    const read = readBack(file, MAX_RECORDS_BYTES);
    const text = read.status === 'ok' ? read.bytes.toString('utf8') : undefined;
    const body = text === undefined ? undefined : parseBody(text, tool, key);
    const provenance = new Provenance(
      outDir,
      tool,
      key,
      text,
      body?.generation ?? 0,
      new Map(Object.entries(body?.artifacts ?? {})),
      new Map(Object.entries(body?.strips ?? {})),
      body?.memo,
      read.status === 'ok' ? read.identity : undefined,
    );
    return read.status === 'refused' && read.special ? { provenance, problem: read.reason } : { provenance };
  }

  /**
   * Whether the records say the file at `path` was made for `inputs`, without looking at
   * the file: a job for which this is false renders whatever its files are, so the build
   * can send it before it checks the others' files.
   */
  recordedFor(path: string, inputs: string): boolean {
    return this.artifacts.get(path)?.inputs === inputs;
  }

  /**
   * The record of the artifact at `path` if it proves that the file there is one this
   * tool made (for a job with `inputs`, when given), now; undefined if anything does not
   * match.
   */
  artifact(path: string, inputs?: string): ArtifactRecord | undefined {
    const known = this.artifacts.get(path);
    if (!known || (inputs !== undefined && known.inputs !== inputs)) return undefined;
    const file = this.fileOf(path);
    const now = lstatOrUndefined(file);
    if (now?.isFile() && identityOf(now) === known.identity) return this.prove(path, known);
    // Moved or restored since: with a key the sealed sha256 still says what the file must hold.
    if (!this.key || !now?.isFile() || now.size !== BigInt(known.size)) return undefined;
    const read = readBack(file, known.size);
    if (read.status !== 'ok' || sha256(read.bytes) !== known.sha256) return undefined;
    return this.prove(path, { ...known, identity: read.identity });
  }

  /**
   * Whether the file at `path` already holds exactly these bytes (so the new one need not
   * replace it): by its record when that is proven, else by reading it. Either way it
   * counts as proven for `inputs` from now on.
   */
  holds(path: string, file: { sha256: string; bytes: number }, inputs: string): boolean {
    const known = this.proven.get(path) ?? this.artifacts.get(path);
    const target = this.fileOf(path);
    const now = lstatOrUndefined(target);
    if (!now?.isFile() || now.size !== BigInt(file.bytes)) return false;
    // The file is exactly the one recorded: its sha256 is known without reading it.
    if (known && identityOf(now) === known.identity) {
      if (known.sha256 !== file.sha256) return false;
      this.prove(path, { ...known, inputs });
      return true;
    }
    const read = readBack(target, file.bytes);
    if (read.status !== 'ok' || read.bytes.length !== file.bytes || sha256(read.bytes) !== file.sha256) return false;
    this.prove(path, { sha256: file.sha256, size: file.bytes, identity: read.identity, inputs });
    return true;
  }

  /** Records a file this build has just put in place. */
  written(path: string, file: { sha256: string; bytes: number }, inputs: string): void {
    const now = lstatOrUndefined(this.fileOf(path));
    if (now?.isFile()) this.prove(path, { sha256: file.sha256, size: file.bytes, identity: identityOf(now), inputs });
  }

  /** The strip records workers may trust, and whether each file's identity must still match. */
  stripsForWorkers(): { records: Record<string, FileRecord>; checkIdentity: boolean } {
    const records: Record<string, FileRecord> = {};
    for (const [name, r] of this.strips) records[name] = { sha256: r.sha256, size: r.size, identity: r.identity };
    return { records, checkIdentity: !this.key };
  }

  /** The record of validation's memo file, as the records hold it. */
  memoRecord(): FileRecord | undefined {
    return this.memo;
  }

  /** Records the memo file this build has just written. */
  noteMemo(record: FileRecord): void {
    this.memo = record;
  }

  noteStrips(report: StripReport): void {
    this.stripReports.push(report);
  }

  /** Names of strips workers wrote during this build (to delete if the build fails). */
  writtenStrips(): string[] {
    return [...new Set(this.stripReports.flatMap((r) => r.written.map((w) => w.name)))];
  }

  /**
   * The strip records after a build that rendered: the ones proven before that still
   * match their file, the ones used or written now (as the worker that did it reported
   * them, if the file is still that one), the least recently used dropped beyond
   * `budget` bytes; then every strip file without a record is deleted, since no build
   * would read it. Returns how many files were deleted.
   */
  pruneStrips(dir: string, budget: number): number {
    // A new generation only when strips were used: a build that touched none changes no record.
    const touched = this.stripReports.some((r) => r.used.length > 0 || r.written.length > 0);
    const generation = touched ? this.generation + 1 : this.generation;
    const candidates = new Map<string, StripRecord[]>();
    const add = (name: string, r: StripRecord) => candidates.set(name, [...(candidates.get(name) ?? []), r]);
    for (const report of this.stripReports) {
      for (const u of report.used) {
        const known = this.strips.get(u.name);
        if (known) add(u.name, { ...known, identity: u.identity, used: generation });
      }
      for (const w of report.written) add(w.name, { sha256: w.sha256, size: w.size, identity: w.identity, used: generation });
    }
    const kept = new Map<string, StripRecord>();
    for (const [name, known] of this.strips) if (!candidates.has(name)) candidates.set(name, [known]);
    for (const [name, records] of candidates) {
      const now = lstatOrUndefined(join(dir, name));
      if (!now?.isFile()) continue;
      const identity = identityOf(now);
      // With a key a sealed record survives a restore: its file is hashed when it is loaded.
      const match = records.find((r) => r.identity === identity) ?? (this.key ? records.find((r) => BigInt(r.size) === now.size) : undefined);
      if (match) kept.set(name, match);
    }
    let total = [...kept.values()].reduce((sum, r) => sum + r.size, 0);
    for (const [name, r] of [...kept].sort(([a, x], [b, y]) => x.used - y.used || (a < b ? -1 : 1))) {
      if (total <= budget) break;
      kept.delete(name);
      total -= r.size;
    }
    this.strips.clear();
    for (const [name, r] of kept) this.strips.set(name, r);
    this.generation = generation;
    let removed = 0;
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      return 0;
    }
    for (const name of names) {
      if (!HEX64.test(name) || kept.has(name)) continue;
      try {
        unlinkSync(join(dir, name));
        removed += 1;
      } catch {
        // A folder of that name, or gone already: nothing a build reads either way.
      }
    }
    return removed;
  }

  /**
   * Writes the records of `paths` (the next manifest's artifacts, each proven this build)
   * and of the strips, unless nothing changed.
   */
  async save(paths: readonly string[]): Promise<void> {
    const artifacts: Record<string, ArtifactRecord> = {};
    for (const path of [...paths].sort()) {
      const r = this.proven.get(path);
      if (r) artifacts[path] = { sha256: r.sha256, size: r.size, identity: r.identity, inputs: r.inputs };
    }
    const strips: Record<string, StripRecord> = {};
    for (const name of [...this.strips.keys()].sort()) {
      const r = this.strips.get(name)!;
      strips[name] = { sha256: r.sha256, size: r.size, identity: r.identity, used: r.used };
    }
    const body: Body = { tool: this.tool, generation: this.generation, artifacts, strips, ...(this.memo ? { memo: this.memo } : {}) };
    const json = JSON.stringify(body);
    const text = `${HEADER} ${this.key ? mac(this.key, json) : 'unsealed'}\n${json}\n`;
    if (text !== this.text) await writeFileAtomic(join(this.outDir, RECORDS_FILE), text);
  }

  private prove(path: string, record: ArtifactRecord): ArtifactRecord {
    this.proven.set(path, record);
    return record;
  }

  private fileOf(path: string): string {
    return join(this.outDir, ...path.split('/'));
  }
}

function mac(key: Buffer, json: string): string {
  return createHmac('sha256', key).update(`${HEADER}\n`).update(json).digest('hex');
}

/** The records a build with `tool` and `key` may use, or undefined when none. */
function parseBody(text: string, tool: string, key: Buffer | undefined): Body | undefined {
  const newline = text.indexOf('\n');
  const prefix = `${HEADER} `;
  if (newline < 0 || !text.startsWith(prefix)) return undefined;
  const seal = text.slice(prefix.length, newline);
  const json = text.slice(newline + 1).replace(/\n$/, '');
  if (key) {
    const expected = Buffer.from(mac(key, json), 'hex');
    const given = Buffer.from(HEX64.test(seal) ? seal : '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isRecord(data) || data.tool !== tool || !isCount(data.generation)) return undefined;
  // Checked in place, not copied: a national build has ~6000 records, and an unchanged
  // rebuild reads them all.
  const artifacts: Record<string, ArtifactRecord> = {};
  for (const [path, r] of Object.entries(isRecord(data.artifacts) ? data.artifacts : {})) {
    if (ARTIFACT_PATH.test(path) && isArtifactRecord(r)) artifacts[path] = r;
  }
  const strips: Record<string, StripRecord> = {};
  for (const [name, r] of Object.entries(isRecord(data.strips) ? data.strips : {})) {
    if (HEX64.test(name) && isStripRecord(r)) strips[name] = r;
  }
  return { tool, generation: data.generation, artifacts, strips, ...(isFileRecord(data.memo) ? { memo: { sha256: data.memo.sha256, size: data.memo.size, identity: data.memo.identity } } : {}) };
}

function isFileRecord(r: unknown): r is Record<string, unknown> & FileRecord {
  return isRecord(r) && typeof r.sha256 === 'string' && HEX64.test(r.sha256) && isCount(r.size) && typeof r.identity === 'string' && IDENTITY.test(r.identity);
}

function isArtifactRecord(r: unknown): r is ArtifactRecord {
  return isFileRecord(r) && typeof r.inputs === 'string' && HEX64.test(r.inputs);
}

function isStripRecord(r: unknown): r is StripRecord {
  return isFileRecord(r) && isCount(r.used);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
