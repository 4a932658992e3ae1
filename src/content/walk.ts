/**
 * Walks over inline content: every placeholder, every link. Which content a document has
 * is its kind's to say (`texts` in src/kinds/).
 */
import type { SourceRef } from '../diagnostics/index.js';
import type { Block, Inline } from './model.js';

/** The inline content of blocks, in reading order (before or after resolving). */
export function inlinesOfBlocks<I>(blocks: readonly Block<I>[]): I[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'paragraph':
      case 'pullquote':
        return [b.content];
      case 'list':
        return b.items;
      case 'citation':
        return [...b.paragraphs, b.source];
    }
  });
}

function* flatten(inlines: readonly Inline[]): Generator<Inline> {
  for (const i of inlines) {
    yield i;
    if (i.type === 'emphasis' || i.type === 'strong' || i.type === 'link') yield* flatten(i.children);
  }
}

export interface PlaceholderUse {
  path: string;
  at: SourceRef;
}

export function placeholdersIn(sequences: readonly Inline[][]): PlaceholderUse[] {
  const out: PlaceholderUse[] = [];
  for (const seq of sequences) for (const i of flatten(seq)) if (i.type === 'placeholder') out.push({ path: i.path, at: i.at });
  return out;
}

export function linksIn(sequences: readonly Inline[][]): { href: string; at: SourceRef }[] {
  const out: { href: string; at: SourceRef }[] = [];
  for (const seq of sequences) for (const i of flatten(seq)) if (i.type === 'link') out.push({ href: i.href, at: i.at });
  return out;
}
