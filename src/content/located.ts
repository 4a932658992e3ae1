/**
 * A string value together with where each of its characters stands in the source. Parsers
 * hand us values that differ from the source (Markdown drops escapes and the indentation of
 * continuation lines, YAML drops quotes and folds lines), yet rules must point at the exact
 * column of a doubled word or a placeholder. We align the value to its source slice.
 */
import type { SourceRef } from '../diagnostics/index.js';
import type { SourceText } from './source-text.js';

export interface LocatedText {
  value: string;
  source: SourceText;
  /** Source offset of each character of `value` (same length as `value`). */
  offsets: number[];
}

/**
 * Greedy alignment: each value character is matched with the next equal source character
 * within [start, end). Characters that a parser removed (a backslash, quotes, indentation,
 * `\r`) are skipped over. An entity such as `&amp;` maps to its first character.
 */
export function locate(value: string, source: SourceText, start: number, end: number): LocatedText {
  const offsets: number[] = new Array<number>(value.length);
  const text = source.text;
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    let k = j;
    while (k < end && text[k] !== c) k++;
    if (k < end) {
      offsets[i] = k;
      j = k + 1;
    } else {
      // Not found verbatim (an entity or a folded line): stay at the current place.
      offsets[i] = Math.min(j, Math.max(start, end - 1));
    }
  }
  return { value, source, offsets };
}

/** The place of character `index` of a located text (the end of the text for index = length). */
export function refAt(text: LocatedText, index: number): SourceRef {
  if (text.offsets.length === 0) return text.source.at(0);
  if (index < text.offsets.length) return text.source.at(text.offsets[index]!);
  return text.source.at(text.offsets[text.offsets.length - 1]! + 1);
}

/** Compose: `inner` was located in a string whose own characters are located by `outer`. */
export function relocate(inner: LocatedText, outer: LocatedText): LocatedText {
  return {
    value: inner.value,
    source: outer.source,
    offsets: inner.offsets.map((o) => outer.offsets[o] ?? outer.offsets[outer.offsets.length - 1] ?? 0),
  };
}
