/** Validate data against one of the schemas in schemas/ and report at source places. */
import type { Diagnostic } from '../diagnostics/index.js';
import { toDiagnostics, type SourceMap } from './errors.js';
import { schemas } from './registry.js';

export function validateAgainst(schemaId: string, data: unknown, map: SourceMap): Diagnostic[] {
  const registry = schemas();
  const validate = registry.validator(schemaId);
  if (validate(data)) return [];
  return toDiagnostics(validate.errors ?? [], map, { registry, schemaId });
}
