/**
 * A municipality's section file (`sections:` in the profile): Markdown blocks that replace
 * the blocks of one national section. Same rules as a section body; no heading, since the
 * national heading stays.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic } from '../diagnostics/index.js';
import { toBlocks } from './blocks.js';
import { nodeAt, type InlineContext } from './inlines.js';
import type { LocatedText } from './located.js';
import { parseMarkdown } from './markdown.js';
import type { Block, Inline } from './model.js';
import type { SourceText } from './source-text.js';

export interface LoadedBlocks {
  blocks: Block<Inline[]>[];
  texts: LocatedText[];
  diagnostics: Diagnostic[];
}

export function parseBlocks(source: SourceText): LoadedBlocks {
  const result: LoadedBlocks = { blocks: [], texts: [], diagnostics: [] };
  const ctx: InlineContext = { parsed: source, diagnostics: result.diagnostics, texts: result.texts };
  const root = parseMarkdown(source);
  const body = root.children.filter((node) => {
    if (node.type !== 'heading') return true;
    result.diagnostics.push(
      diagnostic(nodeAt(ctx, node), 'markdown/heading-depth', "a section file holds only the section's text; the national heading stays, so remove this heading"),
    );
    return false;
  });
  result.blocks = toBlocks(ctx, body);
  if (result.blocks.length === 0 && result.diagnostics.length === 0) {
    result.diagnostics.push(diagnostic(source.at(0), 'document/structure', 'this section file has no text'));
  }
  return result;
}
