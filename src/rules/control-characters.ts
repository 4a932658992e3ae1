/**
 * `text/control-character` on the values of a profile or defaults file that the text rules
 * do not read: addresses (checked as addresses, where even a zero-width space is refused)
 * and the asset paths and colours beside them. The classification and the check of the raw
 * files and of texts a reader sees live in src/content/control-characters.ts.
 */
import { checkValueCharacters } from '../content/control-characters.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { isNonTextField, linkKindOf } from '../profiles/field-kinds.js';
import type { ProfileFile } from '../profiles/load-profile.js';
import { pointerSegments } from '../schema/index.js';

export function checkStringCharacters(file: ProfileFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [ptr, located] of file.strings) {
    const path = pointerSegments(ptr);
    if (linkKindOf(path)) out.push(...checkValueCharacters(located, 'address'));
    else if (isNonTextField(path)) out.push(...checkValueCharacters(located, 'text'));
  }
  return out;
}
