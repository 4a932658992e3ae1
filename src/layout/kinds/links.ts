/** Runs for the contact details of a profile, typed as links like the resolver types them. */
import type { Link, Run } from '../../resolve/runs.js';

/** Dutch number as written → E.164 `tel:` target. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('00')) return `tel:+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `tel:+31${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** How a website reads in print: no scheme, no trailing slash. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export function phoneRun(phone: string, bold = true): Run {
  const link: Link = { kind: 'tel', href: telHref(phone), description: `Bel ${phone}` };
  return { text: phone, bold, italic: false, atomic: true, link };
}

export function emailRun(email: string, bold = true): Run {
  const link: Link = { kind: 'mailto', href: `mailto:${email}`, description: `E-mail ${email}` };
  return { text: email, bold, italic: false, atomic: true, link };
}

export function webRun(url: string, bold = true): Run {
  const link: Link = { kind: 'https', href: url, description: `Website ${displayUrl(url)}` };
  return { text: displayUrl(url), bold, italic: false, atomic: true, link };
}

export function plain(text: string, bold = false, italic = false): Run {
  return { text, bold, italic };
}
