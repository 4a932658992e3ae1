/**
 * `text/mixed-script`: a Cyrillic or Greek letter inside a Latin word ("cliёntondersteuning").
 * Such look-alikes come from PDF extraction or a keyboard slip; they break search, screen
 * readers and hyphenation while looking right. A warning at the foreign letter.
 */
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { wordsOf } from './words.js';

export const MIXED_SCRIPT_RULE = 'text/mixed-script';

const LATIN = /\p{Script=Latin}/u;
const FOREIGN = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

export function checkMixedScript(text: LocatedText): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const word of wordsOf(text)) {
    if (!LATIN.test(word.text)) continue;
    const m = FOREIGN.exec(word.text);
    if (!m) continue;
    const script = /\p{Script=Cyrillic}/u.test(m[0]) ? 'Cyrillic' : 'Greek';
    out.push(
      diagnostic(
        refAt(text, word.index + m.index),
        MIXED_SCRIPT_RULE,
        `'${word.text}' mixes scripts: '${m[0]}' is a ${script} letter that looks Latin; retype it`,
        'warning',
      ),
    );
  }
  return out;
}
