/** Words of a located text with their offsets, shared by the text rules. */
import type { LocatedText } from '../content/located.js';

export interface Word {
  text: string;
  /** Index of the first character in the located text's value. */
  index: number;
}

const WORD = /[\p{L}\p{M}]+/gu;

export function wordsOf(text: LocatedText): Word[] {
  return [...text.value.matchAll(WORD)].map((m) => ({ text: m[0], index: m.index }));
}
