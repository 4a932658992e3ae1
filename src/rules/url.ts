/** `url/invalid`: web addresses in profiles and links are well-formed `https:` URLs. */
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { quote } from '../schema/index.js';
import { firstForeignCharacter } from './foreign-letters.js';

export const URL_RULE = 'url/invalid';

/** Why `value` is not a usable https address, or undefined when it is one. */
export function urlProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'contains a space';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a web address';
  }
  if (url.protocol !== 'https:') return `must start with https:// (not ${url.protocol}//)`;
  if (url.username || url.password) return 'must not contain a user name or password';
  // The host as written, before the URL parser maps it to punycode (and drops what IDNA ignores).
  const host = value.replace(/^https:\/\//i, '').split(/[/?#]/)[0]!.replace(/:\d*$/, '');
  const foreign = firstForeignCharacter(host);
  if (foreign) {
    return `has ${foreign} in its domain name; a domain printed on a leaflet must use the letters a–z, digits and hyphens only, or a reader who types it reaches another site`;
  }
  if (!/^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}$/.test(url.hostname)) return `has no valid domain name ('${url.hostname}')`;
  return undefined;
}

export function checkUrl(value: string, at: SourceRef): Diagnostic | undefined {
  const problem = urlProblem(value);
  if (!problem) return undefined;
  return diagnostic(at, URL_RULE, `${quote(value)} ${problem}; write it like https://www.blijfmeedoen.nl`);
}
