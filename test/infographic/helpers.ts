/** Shared checks on infographic frames. */
import type { Frames, StructNode, TextItem } from '../../src/layout/frames.js';

export function texts(frames: Frames): TextItem[] {
  return frames.pages[0]!.items.filter((i): i is TextItem => i.type === 'text');
}

export function nodes(root: StructNode): StructNode[] {
  return [root, ...root.children.flatMap(nodes)];
}

/** Lower-case words, punctuation stripped: what "every word is on it" compares. */
export function words(text: string): string[] {
  return text
    .toLocaleLowerCase('nl-NL')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Whitespace-normalised, case-folded text, for substring checks across line breaks. */
export function flat(text: string): string {
  return text.toLocaleLowerCase('nl-NL').replace(/\s+/g, ' ');
}
