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

/**
 * Tagged nodes in the order their first content is drawn, and in the structure tree's
 * order: the PDF renderer builds the tree's kids in drawing order, so the two must agree.
 */
export function drawingAndReadingOrder(frames: Frames): { drawn: number[]; read: number[] } {
  const drawn: number[] = [];
  for (const item of frames.pages[0]!.items) {
    if (item.node !== undefined && !drawn.includes(item.node)) drawn.push(item.node);
  }
  const read = nodes(frames.structure)
    .map((n) => n.id)
    .filter((id) => drawn.includes(id));
  return { drawn, read };
}
