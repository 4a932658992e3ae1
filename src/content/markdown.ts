/**
 * CommonMark parsing with positions that are true to the file. The front matter is blanked
 * out (every character but line breaks becomes a space) instead of cut off, so mdast's
 * lines, columns and offsets need no shifting at all.
 */
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourceText } from './source-text.js';

const parser = unified().use(remarkParse);

export function parseMarkdown(source: SourceText, bodyStart = 0): Root {
  const text = source.text;
  const blanked = bodyStart === 0 ? text : text.slice(0, bodyStart).replace(/[^\r\n]/g, ' ') + text.slice(bodyStart);
  return parser.parse(blanked);
}

/** Parse a standalone string (a YAML value) as Markdown. */
export function parseMarkdownString(value: string): Root {
  return parser.parse(value);
}
