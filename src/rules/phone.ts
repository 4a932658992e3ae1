/**
 * `phone/invalid`: phone numbers are valid Dutch numbers (libphonenumber-js, full metadata,
 * region NL), the municipal 14 0xx numbers included. They are shown as written and linked
 * as E.164, e.g. "010 282 11 11" → `tel:+31102821111`.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { quote } from '../schema/index.js';

export const PHONE_RULE = 'phone/invalid';

/** The 14 + area code numbers that route to the municipality of that area. */
const MUNICIPAL_14 = /^14\s?0\d{2,3}$/;

/** E.164 form of a Dutch phone number, or undefined when it is not a valid number. */
export function phoneE164(written: string): string | undefined {
  const trimmed = written.trim();
  if (!/^[+(0-9][0-9 ()\-.]*$/.test(trimmed)) return undefined;
  const parsed = parsePhoneNumberFromString(trimmed, 'NL');
  if (parsed?.isValid() && parsed.countryCallingCode === '31') return parsed.number;
  if (MUNICIPAL_14.test(trimmed)) return `+31${trimmed.replace(/\D/g, '')}`;
  return undefined;
}

export function checkPhone(written: string, at: SourceRef): Diagnostic | undefined {
  if (phoneE164(written) !== undefined) return undefined;
  return diagnostic(at, PHONE_RULE, `${quote(written)} is not a valid Dutch phone number; write it like 010 282 11 11 or 14 071`);
}
