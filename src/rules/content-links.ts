/**
 * Links written in the content (`[text](tel:…)`, `mailto:`, `https:`) get the same checks
 * as profile values. Their protocol was already checked when the Markdown was read
 * (`link/protocol`).
 */
import { CONTROL_RULE, refusedCharacters } from '../content/control-characters.js';
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { checkEmail } from './email.js';
import { checkPhone } from './phone.js';
import { checkUrl } from './url.js';

/** `%` escapes decoded; a malformed escape is left as written (and then fails the check). */
function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function checkContentLinks(links: readonly { href: string; at: SourceRef }[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { href, at } of links) {
    // A link target is an address: an invisible character in it sends the reader elsewhere.
    const hidden = refusedCharacters(decoded(href), 'address')[0];
    if (hidden) {
      out.push(diagnostic(at, CONTROL_RULE, `the link target ${hidden.message.replace(/^this text /, '')}`));
      continue;
    }
    const lower = href.toLowerCase();
    const problem = lower.startsWith('tel:')
      ? checkPhone(decoded(href.slice(4)), at)
      : lower.startsWith('mailto:')
        ? checkEmail(decoded(href.slice(7)).split('?')[0] ?? '', at)
        : checkUrl(href, at);
    if (problem) out.push(problem);
  }
  return out;
}
