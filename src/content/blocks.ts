/**
 * mdast blocks → the model's blocks and sections. The content contract allows paragraphs,
 * flat lists, pull quotes, citations and `##` headings; everything else is a diagnostic at
 * its line, so an author learns about it instead of seeing it vanish from the PDF.
 */
import type { Blockquote, Heading, List, Paragraph, RootContent } from 'mdast';
import { diagnostic } from '../diagnostics/index.js';
import type { Block, Inline, Section } from './model.js';
import { nodeAt, plainLine, toInlines, trimInlines, type InlineContext } from './inlines.js';

export const SECTION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const EXPLICIT_ID = /\s*\{#([^{}]*)\}\s*$/;

/** "Wat doen cliëntondersteuners niet?" → "wat-doen-clientondersteuners-niet". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function listBlock(ctx: InlineContext, list: List): Block<Inline[]> {
  const items: Inline[][] = [];
  for (const item of list.children) {
    const [first, ...rest] = item.children;
    for (const extra of rest) {
      if (extra.type === 'list') {
        ctx.diagnostics.push(diagnostic(nodeAt(ctx, extra), 'markdown/nested-list', 'lists inside lists are not allowed; make it one flat list'));
      } else {
        ctx.diagnostics.push(diagnostic(nodeAt(ctx, extra), 'markdown/list-item', 'a list item is one paragraph; start a new item with "- "'));
      }
    }
    if (first === undefined) items.push([]);
    else if (first.type === 'paragraph') items.push(toInlines(ctx, first.children));
    else if (first.type === 'list') {
      ctx.diagnostics.push(diagnostic(nodeAt(ctx, first), 'markdown/nested-list', 'lists inside lists are not allowed; make it one flat list'));
      items.push([]);
    } else {
      ctx.diagnostics.push(diagnostic(nodeAt(ctx, first), 'markdown/list-item', 'a list item holds one paragraph of text'));
      items.push([]);
    }
  }
  return { type: 'list', ordered: list.ordered === true, items, at: nodeAt(ctx, list) };
}

function startsWithDash(p: Paragraph): boolean {
  const first = p.children[0];
  return first?.type === 'text' && first.value.trimStart().startsWith('—');
}

function quoteBlock(ctx: InlineContext, quote: Blockquote): Block<Inline[]> | undefined {
  const paragraphs: Paragraph[] = [];
  for (const child of quote.children) {
    if (child.type === 'paragraph') paragraphs.push(child);
    else {
      ctx.diagnostics.push(diagnostic(nodeAt(ctx, child), 'markdown/quote', 'a quote holds only paragraphs of text'));
    }
  }
  const at = nodeAt(ctx, quote);
  const last = paragraphs[paragraphs.length - 1];
  if (last === undefined) return undefined;
  if (startsWithDash(last)) {
    if (paragraphs.length === 1) {
      ctx.diagnostics.push(diagnostic(at, 'markdown/quote', 'a citation needs the quoted text before its "— source" line'));
      return undefined;
    }
    const source = toInlines(ctx, last.children);
    const first = source[0];
    if (first?.type === 'text') source[0] = { ...first, value: first.value.replace(/^\s*—\s*/, '') };
    return {
      type: 'citation',
      paragraphs: paragraphs.slice(0, -1).map((p) => toInlines(ctx, p.children)),
      source: trimInlines(source),
      at,
    };
  }
  if (paragraphs.length > 1) {
    ctx.diagnostics.push(
      diagnostic(nodeAt(ctx, paragraphs[1]!), 'markdown/quote', 'a pull quote is one paragraph; to quote a source, end with a paragraph that starts with "— "'),
    );
  }
  return { type: 'pullquote', content: toInlines(ctx, paragraphs[0]!.children), at };
}

/** Convert the blocks of an intro or a section (headings are handled by `splitSections`). */
export function toBlocks(ctx: InlineContext, nodes: readonly RootContent[]): Block<Inline[]>[] {
  const out: Block<Inline[]>[] = [];
  for (const node of nodes) {
    const at = nodeAt(ctx, node);
    switch (node.type) {
      case 'paragraph':
        out.push({ type: 'paragraph', content: toInlines(ctx, node.children), at });
        break;
      case 'list':
        out.push(listBlock(ctx, node));
        break;
      case 'blockquote': {
        const block = quoteBlock(ctx, node);
        if (block) out.push(block);
        break;
      }
      case 'heading':
        ctx.diagnostics.push(
          diagnostic(at, 'markdown/heading-depth', `only '##' headings are allowed; this one has ${node.depth} '#'`),
        );
        break;
      case 'html':
        ctx.diagnostics.push(diagnostic(at, 'markdown/html', 'raw HTML is not allowed; use Markdown'));
        break;
      case 'code':
        ctx.diagnostics.push(diagnostic(at, 'markdown/code', 'code blocks are not allowed; an indented line is read as code, so remove the indentation'));
        break;
      default:
        ctx.diagnostics.push(
          diagnostic(at, 'markdown/unsupported', `'${node.type}' is not part of the content format (paragraphs, '-' lists, '>' quotes and '##' headings)`),
        );
    }
  }
  return out;
}

interface HeadingParts {
  id: string;
  title: string;
  heading: Inline[];
}

function headingParts(ctx: InlineContext, heading: Heading): HeadingParts {
  const inlines = toInlines(ctx, heading.children);
  const lastIndex = inlines.length - 1;
  const last = inlines[lastIndex];
  let explicit: string | undefined;
  if (last?.type === 'text') {
    const m = EXPLICIT_ID.exec(last.value);
    if (m) {
      explicit = (m[1] ?? '').trim();
      const value = last.value.slice(0, m.index);
      if (value === '') inlines.pop();
      else inlines[lastIndex] = { ...last, value };
    }
  }
  const title = plainLine(inlines);
  const at = nodeAt(ctx, heading);
  if (explicit !== undefined && !SECTION_ID.test(explicit)) {
    ctx.diagnostics.push(
      diagnostic(at, 'section/id', `the section id '${explicit}' may only use a-z, 0-9 and single hyphens, e.g. {#meer-weten}`),
    );
  }
  const id = explicit ?? slug(title);
  if (id === '') ctx.diagnostics.push(diagnostic(at, 'section/id', 'this heading has no text to make a section id from'));
  return { id, title, heading: trimInlines(inlines) };
}

export interface RawSection {
  node: Heading;
  nodes: RootContent[];
}

/** Blocks before the first `##` and the `##` sections with their nodes. */
export function splitSections(nodes: readonly RootContent[]): { intro: RootContent[]; sections: RawSection[] } {
  const intro: RootContent[] = [];
  const sections: RawSection[] = [];
  for (const node of nodes) {
    if (node.type === 'heading' && node.depth === 2) sections.push({ node, nodes: [] });
    else (sections[sections.length - 1]?.nodes ?? intro).push(node);
  }
  return { intro, sections };
}

export function toSection(ctx: InlineContext, raw: RawSection): Section<Inline[]> {
  const parts = headingParts(ctx, raw.node);
  return { ...parts, blocks: toBlocks(ctx, raw.nodes), at: nodeAt(ctx, raw.node) };
}

/** Report a section id that occurs twice in one document (ids are link targets and keys). */
export function checkUniqueIds(ctx: InlineContext, sections: readonly Section<Inline[]>[]): void {
  const seen = new Set<string>();
  for (const s of sections) {
    if (s.id === '') continue;
    if (seen.has(s.id)) {
      ctx.diagnostics.push(diagnostic(s.at, 'section/duplicate-id', `two sections have the id '${s.id}'; give one of them its own {#id}`));
    }
    seen.add(s.id);
  }
}
