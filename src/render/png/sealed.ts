/**
 * The envelope of every file the strip store keeps: a four-letter magic, a SHA-256 of the
 * payload, the payload. A file cut off or damaged on disk fails the check and is refused
 * without being decoded.
 */
import { createHash } from 'node:crypto';

export function seal(magic: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(magic, 'latin1'), createHash('sha256').update(payload).digest(), payload]);
}

/** The payload, or undefined when the magic or the checksum does not match. */
export function unseal(magic: string, bytes: Uint8Array): Buffer | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 36 || b.toString('latin1', 0, 4) !== magic) return undefined;
  const payload = b.subarray(36);
  return createHash('sha256').update(payload).digest().equals(b.subarray(4, 36)) ? payload : undefined;
}
