/**
 * Runs for the contact card and the footer band, with links typed exactly as the resolver
 * types them and the profile field they show (so they are set in the bundled face and
 * checked on every artifact, like a placeholder's value).
 */
import { displayUrl, emailLink, phoneLink, webLink } from '../../resolve/links.js';
import type { Run } from '../../resolve/runs.js';

export { displayUrl };

export function phoneRun(phone: string, field: string, bold = true): Run {
  return { text: phone, bold, italic: false, atomic: true, link: phoneLink(phone), field };
}

export function emailRun(email: string, field: string, bold = true): Run {
  return { text: email, bold, italic: false, atomic: true, link: emailLink(email), field };
}

export function webRun(url: string, field: string, bold = true): Run {
  return { text: displayUrl(url), bold, italic: false, atomic: true, link: webLink(url), field };
}

export function plain(text: string, bold = false, italic = false): Run {
  return { text, bold, italic };
}
