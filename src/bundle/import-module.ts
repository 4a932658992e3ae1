/**
 * `import(specifier)` for code that may run bundled. V8 compiles a bundle from its code
 * cache without the host options a dynamic `import()` needs (Node 20 fails it with
 * ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so run-bundle.ts lends bundled code its own
 * `import()`, made in a real ES module; unbundled code imports directly. A bare specifier
 * resolves from the tool's folder either way.
 */
import { IMPORT_MODULE } from './bundles.js';

export function importModule<T>(specifier: string): Promise<T> {
  const lent = (globalThis as Record<symbol, ((specifier: string) => Promise<unknown>) | undefined>)[IMPORT_MODULE];
  return (lent ? lent(specifier) : import(specifier)) as Promise<T>;
}
