/**
 * The typed values of a profile file: phone numbers, e-mail addresses and web addresses
 * (by field name, see src/profiles/field-kinds.ts) and the brand colours' contrast.
 */
import { pointer } from '../content/yaml.js';
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { linkKindOf } from '../profiles/field-kinds.js';
import type { ProfileFile } from '../profiles/load-profile.js';
import { checkBrandContrast } from './contrast.js';
import { checkEmail } from './email.js';
import { checkPhone } from './phone.js';
import { checkBrandInk } from './print-ink.js';
import { checkUrl } from './url.js';

export const UNQUOTED_PHONE_RULE = 'phone/unquoted';

/**
 * `phone: 0101234567` without quotes is the number 101234567 to YAML. folderpers keeps what
 * was written (the schema wants text), but an editor's schema check, a script or another YAML
 * tool reading the profile gets the number, its leading 0 or + lost.
 */
function unquotedPhone(path: string[], written: string, read: unknown, at: SourceRef): Diagnostic {
  const key = path[path.length - 1]!;
  return diagnostic(
    at,
    UNQUOTED_PHONE_RULE,
    `${written} without quotes is the number ${String(read)} to YAML (the leading ${written.startsWith('+') ? '+' : '0'} lost in editors and other tools); write ${key}: "${written}"`,
    'warning',
  );
}

/** Every string value with its path. */
export function* leaves(value: unknown, path: string[] = []): Generator<{ path: string[]; value: string }> {
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* leaves(v, [...path, String(i)]);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* leaves(v, [...path, k]);
}

export function checkProfileValues(file: ProfileFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: string[]) => file.positions.get(pointer(path)) ?? fileStart(file.file);
  for (const leaf of leaves(file.data)) {
    const kind = linkKindOf(leaf.path);
    const problem =
      kind === 'tel'
        ? checkPhone(leaf.value, at(leaf.path))
        : kind === 'mailto'
          ? checkEmail(leaf.value, at(leaf.path))
          : kind === 'https'
            ? checkUrl(leaf.value, at(leaf.path))
            : undefined;
    if (problem) out.push(problem);
    const unquoted = kind === 'tel' ? file.unquoted.get(pointer(leaf.path)) : undefined;
    if (unquoted) out.push(unquotedPhone(leaf.path, unquoted.written, unquoted.read, unquoted.at));
  }
  const brand = file.data['brand'];
  if (brand && typeof brand === 'object') {
    for (const role of ['primary', 'secondary'] as const) {
      const colour = (brand as Record<string, unknown>)[role];
      if (typeof colour !== 'string') continue;
      const problem = checkBrandContrast(role, colour, at(['brand', role]));
      if (problem) out.push(problem);
    }
    const cmyk = (brand as Record<string, unknown>)['cmyk'];
    if (cmyk && typeof cmyk === 'object') out.push(...checkBrandInk(cmyk as Record<string, unknown>, (role) => at(['brand', 'cmyk', role])));
  }
  return out;
}
