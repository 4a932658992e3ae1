/**
 * mdast phrasing content → the model's `Inline[]`. Placeholders `{{path}}` are split out of
 * text with their exact place; anything the content contract forbids inline (raw HTML,
 * images, code, links other than https/mailto/tel) becomes a diagnostic and is left out.
 * Every piece of plain text is also collected, located, for the text rules.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import { diagnostic } from '../diagnostics/index.js';
import type { Inline } from './model.js';
import { locate, refAt, relocate, type LocatedText } from './located.js';
import type { SourceText } from './source-text.js';

export interface InlineContext {
  /** The text the mdast was parsed from: the file itself, or a YAML string value. */
  parsed: SourceText;
  /** When `parsed` is a YAML string value: where its characters stand in the file. */
  outer?: LocatedText;
  diagnostics: Diagnostic[];
  /** Collected plain text, for the text rules (mixed script, repeated words …). */
  texts: LocatedText[];
}

export const ALLOWED_LINK_PROTOCOLS = ['https:', 'mailto:', 'tel:'] as const;

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The place of an mdast node (its start), in the file. */
export function nodeAt(ctx: InlineContext, node: Nodes): SourceRef {
  return offsetAt(ctx, node.position?.start.offset ?? 0);
}

export function offsetAt(ctx: InlineContext, offset: number): SourceRef {
  if (!ctx.outer) return ctx.parsed.at(offset);
  return refAt(ctx.outer, offset);
}

function locateNode(ctx: InlineContext, value: string, node: Nodes): LocatedText {
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? ctx.parsed.text.length;
  const inner = locate(value, ctx.parsed, start, end);
  return ctx.outer ? relocate(inner, ctx.outer) : inner;
}

function slice(text: LocatedText, from: number, to: number): LocatedText {
  return { value: text.value.slice(from, to), source: text.source, offsets: text.offsets.slice(from, to) };
}

/** Split a text node into text and placeholder inlines. */
function textInlines(ctx: InlineContext, value: string, node: Nodes): Inline[] {
  const located = locateNode(ctx, value, node);
  const out: Inline[] = [];
  const pushText = (from: number, to: number): void => {
    if (from >= to) return;
    const piece = slice(located, from, to);
    ctx.texts.push(piece);
    const stray = /\{\{|\}\}/.exec(piece.value);
    if (stray) {
      ctx.diagnostics.push(
        diagnostic(refAt(piece, stray.index), 'placeholder/syntax', "a placeholder is written as {{path}}, e.g. {{contact.phone}}; this '{{' or '}}' has no partner"),
      );
    }
    out.push({ type: 'text', value: piece.value, at: refAt(piece, 0) });
  };
  let last = 0;
  for (const m of value.matchAll(PLACEHOLDER)) {
    pushText(last, m.index);
    out.push({ type: 'placeholder', path: (m[1] ?? '').trim(), at: refAt(located, m.index) });
    last = m.index + m[0].length;
  }
  pushText(last, value.length);
  return out;
}

function linkProblem(url: string): string | undefined {
  if (/\{\{|%7B%7B/i.test(url)) {
    return 'write a placeholder on its own, e.g. {{contact.website}}, not inside [text](…); it becomes a link by itself';
  }
  const protocol = /^([a-z][a-z0-9+.-]*:)/i.exec(url)?.[1]?.toLowerCase();
  if (protocol === undefined) return `the link '${url}' has no protocol; links must start with https:, mailto: or tel:`;
  if (!(ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(protocol)) {
    return `links may only use https:, mailto: or tel:, not '${protocol}'`;
  }
  return undefined;
}

export function toInlines(ctx: InlineContext, nodes: readonly PhrasingContent[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const at = nodeAt(ctx, node);
    switch (node.type) {
      case 'text':
        out.push(...textInlines(ctx, node.value, node));
        break;
      case 'emphasis':
        out.push({ type: 'emphasis', children: toInlines(ctx, node.children), at });
        break;
      case 'strong':
        out.push({ type: 'strong', children: toInlines(ctx, node.children), at });
        break;
      case 'break':
        out.push({ type: 'break', at });
        break;
      case 'link': {
        const problem = linkProblem(node.url);
        if (problem) {
          ctx.diagnostics.push(diagnostic(at, 'link/protocol', problem));
          out.push(...toInlines(ctx, node.children));
        } else {
          out.push({ type: 'link', href: node.url, children: toInlines(ctx, node.children), at });
        }
        break;
      }
      case 'html':
        ctx.diagnostics.push(diagnostic(at, 'markdown/html', 'raw HTML is not allowed; use Markdown (*emphasis*, **strong**, [text](https://…))'));
        break;
      case 'image':
      case 'imageReference':
        ctx.diagnostics.push(diagnostic(at, 'markdown/image', 'images are not allowed in the text; a logo belongs in the municipality profile'));
        break;
      case 'inlineCode':
        ctx.diagnostics.push(diagnostic(at, 'markdown/code', 'code is not allowed in the text; write it as plain text'));
        break;
      default:
        ctx.diagnostics.push(
          diagnostic(at, 'markdown/unsupported', `'${node.type}' is not part of the content format; use an inline link [text](https://…) or plain text`),
        );
    }
  }
  return out;
}

/** The plain text of inlines, placeholders written as `{{path}}` (for titles and lengths). */
export function plainText(inlines: readonly Inline[]): string {
  let s = '';
  for (const i of inlines) {
    if (i.type === 'text') s += i.value;
    else if (i.type === 'placeholder') s += `{{${i.path}}}`;
    else if (i.type === 'break') s += '\n';
    else s += plainText(i.children);
  }
  return s;
}

/** Plain text on one line: soft line breaks and runs of white space become one space. */
export function plainLine(inlines: readonly Inline[]): string {
  return plainText(inlines).replace(/\s+/g, ' ').trim();
}

/** Drop leading and trailing white space of an inline sequence (after a strong lead, say). */
export function trimInlines(inlines: Inline[]): Inline[] {
  const out = [...inlines];
  const first = out[0];
  if (first?.type === 'text') {
    const value = first.value.replace(/^\s+/, '');
    if (value === '') out.shift();
    else out[0] = { ...first, value };
  }
  const lastIndex = out.length - 1;
  const last = out[lastIndex];
  if (last?.type === 'text') {
    const value = last.value.replace(/\s+$/, '');
    if (value === '') out.pop();
    else out[lastIndex] = { ...last, value };
  }
  return out;
}
