/**
 * Reading back what lies in the output folder. Anything there may have been put there by
 * someone else (a CI cache is restored from whatever a pull request build left), so it is
 * looked at with lstat before it is opened, opened without following a symbolic link and
 * without blocking (a FIFO would otherwise hang the build), read only when it is a regular
 * file within a size bound, and named by its identity: device, inode, size and the
 * modification and change times in nanoseconds. The change time is set by the kernel
 * alone, so a file copied, restored, replaced or edited after its identity was taken has
 * another one.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type BigIntStats } from 'node:fs';
import { sha256 } from './hash.js';

export type Identity = string;

export function identityOf(s: BigIntStats): Identity {
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** lstat, or undefined when nothing is there (or it cannot be looked at). */
export function lstatOrUndefined(path: string): BigIntStats | undefined {
  try {
    return lstatSync(path, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/** What a non-regular entry is, for messages: "a symbolic link", "a FIFO" … */
export function kindOf(s: BigIntStats): string {
  if (s.isFile()) return 'a file';
  if (s.isDirectory()) return 'a folder';
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFIFO()) return 'a FIFO';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'a special file';
}

export type ReadBack =
  | { status: 'ok'; bytes: Buffer; identity: Identity }
  | { status: 'missing' }
  /** Not read: not a regular file (`special`), too large, changed while read, or an I/O error. */
  | { status: 'refused'; reason: string; special?: true };

// Absent on Windows, where there are no FIFOs to block on and opening a link is not following it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** The bytes of the regular file at `path`, at most `maxBytes` of them, with its identity. */
export function readBack(path: string, maxBytes: number): ReadBack {
  const before = lstatOrUndefined(path);
  if (!before) return { status: 'missing' };
  if (!before.isFile()) return { status: 'refused', reason: `it is ${kindOf(before)}, not a regular file`, special: true };
  if (before.size > BigInt(maxBytes)) return { status: 'refused', reason: `it is larger than ${maxBytes} bytes` };
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    return { status: 'refused', reason: (err as Error).message };
  }
  try {
    const opened = fstatSync(fd, { bigint: true });
    // What was opened must be what lstat saw: not swapped for something else in between.
    if (!opened.isFile() || opened.dev !== before.dev || opened.ino !== before.ino || opened.size > BigInt(maxBytes)) {
      return { status: 'refused', reason: 'it changed while it was opened' };
    }
    const size = Number(opened.size);
    const bytes = Buffer.alloc(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, bytes, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const after = fstatSync(fd, { bigint: true });
    if (read !== size || identityOf(after) !== identityOf(opened)) return { status: 'refused', reason: 'it changed while it was read' };
    return { status: 'ok', bytes, identity: identityOf(after) };
  } catch (err) {
    return { status: 'refused', reason: (err as Error).message };
  } finally {
    closeSync(fd);
  }
}

/**
 * The bytes at `path` when they are the file a record names: its size and sha256 and, when
 * `checkIdentity` (the records are not sealed), its identity; undefined otherwise.
 */
export function readRecorded(
  path: string,
  record: { sha256: string; size: number; identity: Identity },
  checkIdentity: boolean,
): { bytes: Buffer; identity: Identity } | undefined {
  const read = readBack(path, record.size);
  if (read.status !== 'ok' || read.bytes.length !== record.size) return undefined;
  if (checkIdentity && read.identity !== record.identity) return undefined;
  if (sha256(read.bytes) !== record.sha256) return undefined;
  return { bytes: read.bytes, identity: read.identity };
}
