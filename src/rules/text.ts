/** The text rules over every located piece of text: mixed scripts, doubled words, stray letters. */
import type { LocatedText } from '../content/located.js';
import type { Diagnostic } from '../diagnostics/index.js';
import { checkMixedScript } from './mixed-script.js';
import { checkRepeatedWords } from './repeated-word.js';
import { checkStrayLetters } from './stray-letter.js';

export function checkTexts(texts: readonly LocatedText[]): Diagnostic[] {
  return texts.flatMap((t) => [...checkMixedScript(t), ...checkRepeatedWords(t), ...checkStrayLetters(t)]);
}
