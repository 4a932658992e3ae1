/**
 * The body "shape": a plain JSON view of an extracted model (inline content as plain text,
 * placeholders as `{{path}}`) that the kind's JSON Schema checks, with the source place of
 * every value under its JSON pointer, so a schema error points at the Markdown line.
 */
import type { SourceRef } from '../../diagnostics/index.js';
import type { Block, Inline, Section } from '../model.js';
import { plainText } from '../inlines.js';

export type Positions = Map<string, SourceRef>;

export function blockShape(block: Block<Inline[]>, ptr: string, positions: Positions): unknown {
  positions.set(ptr, block.at);
  switch (block.type) {
    case 'paragraph':
      return { type: 'paragraph', text: plainText(block.content) };
    case 'pullquote':
      return { type: 'pullquote', text: plainText(block.content) };
    case 'list':
      return { type: 'list', ordered: block.ordered, items: textList(block.items, block.at, `${ptr}/items`, positions) };
    case 'citation':
      return {
        type: 'citation',
        paragraphs: block.paragraphs.map((p) => plainText(p)),
        source: plainText(block.source),
      };
  }
}

/** Plain texts of inline sequences, each positioned at its first inline (or `fallback`). */
export function textList(items: readonly Inline[][], fallback: SourceRef, ptr: string, positions: Positions): string[] {
  return items.map((item, i) => {
    positions.set(`${ptr}/${i}`, item[0]?.at ?? fallback);
    return plainText(item);
  });
}

export function sectionShape(section: Section<Inline[]>, ptr: string, positions: Positions): unknown {
  positions.set(ptr, section.at);
  positions.set(`${ptr}/id`, section.at);
  positions.set(`${ptr}/title`, section.at);
  return {
    id: section.id,
    title: section.title,
    blocks: section.blocks.map((b, i) => blockShape(b, `${ptr}/blocks/${i}`, positions)),
  };
}
