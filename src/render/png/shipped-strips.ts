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
import { readShipped, shippedIndex } from '../../build/shipped-files.js';
import type { ShippedStrips } from './strip-cache.js';

export function shippedStrips(dir: string): ShippedStrips {
  return {
    load: (key) => readShipped(dir, key, shippedIndex(dir, 'strips').get(key)),
  };
}
