/**
 * Reads a whole file, but never more than a limit and never anything but a regular file:
 * a FIFO or device named like a logo must not block or stream forever, and a file that
 * grows while it is read is still cut at the limit.
 */
import { constants, promises as fs } from 'node:fs';

export type BoundedRead =
  | { kind: 'ok'; bytes: Buffer }
  | { kind: 'missing' }
  | { kind: 'not-a-file' }
  /** The last path component is a symbolic link (refused: the caller resolves links first). */
  | { kind: 'symlink' }
  | { kind: 'too-large'; size: number }
  | { kind: 'unreadable'; reason: string };

export async function readBounded(absPath: string, maxBytes: number): Promise<BoundedRead> {
  let handle: fs.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    // O_NOFOLLOW: the caller resolved symlinks already; one swapped in since is refused.
    handle = await fs.open(absPath, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'symlink' };
    if (code === 'EISDIR') return { kind: 'not-a-file' };
    return { kind: 'unreadable', reason: code ?? 'unknown error' };
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'not-a-file' };
    if (stat.size > maxBytes) return { kind: 'too-large', size: stat.size };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return { kind: 'too-large', size: length };
    return { kind: 'ok', bytes: buffer.subarray(0, length) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return { kind: 'not-a-file' };
    return { kind: 'unreadable', reason: code ?? 'unknown error' };
  } finally {
    await handle.close();
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}
