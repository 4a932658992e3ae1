/** Runs for the contact card, with links typed exactly as the resolver types them. */
import { displayUrl, emailLink, phoneLink, webLink } from '../../resolve/links.js';
import type { Run } from '../../resolve/runs.js';

export { displayUrl };

export function phoneRun(phone: string, bold = true): Run {
  return { text: phone, bold, italic: false, atomic: true, link: phoneLink(phone) };
}

export function emailRun(email: string, bold = true): Run {
  return { text: email, bold, italic: false, atomic: true, link: emailLink(email) };
}

export function webRun(url: string, bold = true): Run {
  return { text: displayUrl(url), bold, italic: false, atomic: true, link: webLink(url) };
}

export function plain(text: string, bold = false, italic = false): Run {
  return { text, bold, italic };
}
