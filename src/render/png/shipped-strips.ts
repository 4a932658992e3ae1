/**
 * The strips of the bundled documents, measured when the tool was built
 * (src/build/compile-shipped.ts) and kept beside the compiled code in `dist/strips/`: one
 * file per strip, named by its key, and `index.json` with each file's sha256. A first
 * build then measures only the strips that hold a municipality's own text.
 *
 * Part of the tool like the compiled validators: a file is used only when its bytes have
 * the sha256 the index gives, and then still decoded strictly (weights-file.ts,
 * zlib-segments.ts). Keys name the strip's markup, so strips of a document since edited
 * are simply never asked for. Anything missing or wrong costs a measurement, never a byte.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShippedStrips } from './strip-cache.js';

export const SHIPPED_INDEX = 'index.json';

const KEY = /^[0-9a-f]{64}$/;

export interface ShippedIndex {
  format: 1;
  /** Key → sha256 of the file `dir/<key>`. */
  strips: Record<string, string>;
}

function readIndex(dir: string): Map<string, string> {
  try {
    const index = JSON.parse(readFileSync(join(dir, SHIPPED_INDEX), 'utf8')) as Partial<ShippedIndex>;
    if (index.format !== 1 || typeof index.strips !== 'object' || index.strips === null) return new Map();
    return new Map(Object.entries(index.strips).filter(([key, hash]) => KEY.test(key) && typeof hash === 'string'));
  } catch {
    return new Map();
  }
}

export function shippedStrips(dir: string): ShippedStrips {
  let index: Map<string, string> | undefined;
  return {
    load(key) {
      index ??= readIndex(dir);
      const hash = index.get(key);
      if (!hash) return undefined;
      try {
        const bytes = readFileSync(join(dir, key));
        return createHash('sha256').update(bytes).digest('hex') === hash ? bytes : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
