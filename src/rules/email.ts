/** `email/invalid`: e-mail addresses in profiles and `mailto:` links are well-formed. */
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { quote } from '../schema/index.js';
import { firstForeignCharacter } from './foreign-letters.js';

export const EMAIL_RULE = 'email/invalid';

/**
 * Deliberately stricter than RFC 5322: a leaflet address is typed by hand, so quoted local
 * parts, IP literals and spaces are mistakes, not features. The domain needs a dot.
 */
const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function checkEmail(value: string, at: SourceRef): Diagnostic | undefined {
  if (isEmail(value)) return undefined;
  const foreign = firstForeignCharacter(value);
  const why = foreign ? ` (it contains ${foreign}: a leaflet's e-mail address uses the letters a–z, digits and . _ - + only)` : '';
  return diagnostic(at, EMAIL_RULE, `${quote(value)} is not a valid e-mail address${why}; write it like toegang@blijfmeedoen.nl`);
}
