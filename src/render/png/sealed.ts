/**
 * The envelope of every file the strip store keeps: a four-letter magic, a SHA-256 of the
 * magic, the store key and the payload, then the payload. A file cut off or damaged on
 * disk fails the check and is refused without being decoded, and so does a whole, sealed
 * file copied under another key: the seal says which key it was written for. (Which files
 * the build trusts at all is decided by its own records, see src/build/bookkeeping.ts; the
 * seal is the second line.)
 */
import { createHash } from 'node:crypto';
import { assert } from '../../diagnostics/index.js';

const KEY = /^[0-9a-f]{64}$/;

function digest(magic: string, key: string, payload: Uint8Array): Buffer {
  return createHash('sha256').update(magic, 'latin1').update(key, 'latin1').update(payload).digest();
}

export function seal(magic: string, key: string, payload: Buffer): Buffer {
  assert(KEY.test(key), `not a store key: ${key}`);
  return Buffer.concat([Buffer.from(magic, 'latin1'), digest(magic, key, payload), payload]);
}

/** The payload, or undefined when the magic, the key or the checksum does not match. */
export function unseal(magic: string, key: string, bytes: Uint8Array): Buffer | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!KEY.test(key) || b.length < 36 || b.toString('latin1', 0, 4) !== magic) return undefined;
  const payload = b.subarray(36);
  return digest(magic, key, payload).equals(b.subarray(4, 36)) ? payload : undefined;
}
