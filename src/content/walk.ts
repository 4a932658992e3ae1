/** Walks over the inline content of a model: every placeholder, every link. */
import type { SourceRef } from '../diagnostics/index.js';
import type { Block, DocumentModel, Inline } from './model.js';

export function inlinesOfBlocks(blocks: readonly Block<Inline[]>[]): Inline[][] {
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

/** Every inline sequence of a document, in reading order. */
export function inlinesOf(doc: DocumentModel<Inline[]>): Inline[][] {
  const out: Inline[][] = [];
  switch (doc.kind) {
    case 'parent-leaflet':
    case 'professional-guide':
    case 'three-layer-model':
      out.push(...inlinesOfBlocks(doc.intro));
      for (const s of doc.sections) out.push(s.heading, ...inlinesOfBlocks(s.blocks));
      if (doc.kind === 'three-layer-model') out.push(...doc.layers.map((l) => l.summary));
      break;
    case 'task-per-moment':
      out.push(...doc.intro.paragraphs);
      for (const m of doc.moments) out.push(...m.description, ...m.tasks);
      out.push(...doc.references.items);
      break;
  }
  out.push(...doc.colophon);
  return out;
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

/** All `{{path}}` placeholders of a document with their places. */
export function listPlaceholders(doc: DocumentModel<Inline[]>): PlaceholderUse[] {
  return placeholdersIn(inlinesOf(doc));
}

export function linksIn(sequences: readonly Inline[][]): { href: string; at: SourceRef }[] {
  const out: { href: string; at: SourceRef }[] = [];
  for (const seq of sequences) for (const i of flatten(seq)) if (i.type === 'link') out.push({ href: i.href, at: i.at });
  return out;
}
