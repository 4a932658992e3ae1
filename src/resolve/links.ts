/**
 * Typed links from profile values and content hrefs: phone numbers as E.164 `tel:`, e-mail
 * as `mailto:`, web addresses as `https:`; each with what a screen reader announces.
 */
import { assert } from '../diagnostics/index.js';
import { phoneE164 } from '../rules/phone.js';
import type { Link, LinkKind } from './runs.js';

/** How a web address reads in print: no scheme, no trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https:\/\//i, '').replace(/\/$/, '');
}

export function phoneLink(written: string): Link {
  const e164 = phoneE164(written);
  assert(e164 !== undefined, `phone number '${written}' was not validated`);
  return { kind: 'tel', href: `tel:${e164}`, description: `Bel ${written.trim()}` };
}

export function emailLink(address: string): Link {
  return { kind: 'mailto', href: `mailto:${address}`, description: `E-mail ${address}` };
}

export function webLink(url: string): Link {
  return { kind: 'https', href: url, description: `Website ${displayUrl(url)}` };
}

export function linkFor(kind: LinkKind, value: string): Link {
  return kind === 'tel' ? phoneLink(value) : kind === 'mailto' ? emailLink(value) : webLink(value);
}

/** A link written in the content, typed by its protocol (already checked by validation). */
export function contentLink(href: string): Link {
  const lower = href.toLowerCase();
  if (lower.startsWith('tel:')) return phoneLink(href.slice(4).replace(/%20/g, ' '));
  if (lower.startsWith('mailto:')) return { ...emailLink(href.slice(7)), href };
  return webLink(href);
}
