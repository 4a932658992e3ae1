/**
 * Which profile fields are phone numbers, e-mail addresses or web addresses. The rules check
 * them and the resolver turns a placeholder naming one into a `tel:`, `mailto:` or `https:`
 * link. Decided by the field's name, so a new `…phone` field is typed without code changes.
 */
import type { LinkKind } from '../resolve/runs.js';

export function linkKindOf(path: readonly string[]): LinkKind | undefined {
  const leaf = path[path.length - 1];
  if (leaf === 'phone') return 'tel';
  if (leaf === 'email') return 'mailto';
  if (leaf === 'website' || leaf === 'url' || leaf === 'form') return 'https';
  return undefined;
}

/** Fields that are not text to read: colours, asset paths and section files. */
export function isNonTextField(path: readonly string[]): boolean {
  return path[0] === 'brand' || path[0] === 'sections' || path[0] === 'example';
}
