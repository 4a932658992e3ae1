/**
 * Front matter: found with gray-matter, restricted to YAML. gray-matter would happily
 * `eval` a `---js` block; we give it engines that never execute anything and report any
 * language other than YAML. The YAML text itself is parsed by ./yaml.ts for positions.
 */
import matter from 'gray-matter';
import type { Diagnostic } from '../diagnostics/index.js';
import { diagnostic, fileStart } from '../diagnostics/index.js';
import type { SourceText } from './source-text.js';

export interface FrontMatterSplit {
  /** Offsets of the YAML text inside the source (between the delimiter lines). */
  yaml?: { start: number; end: number };
  /** Offset where the Markdown body begins (0 when there is no front matter). */
  bodyStart: number;
  diagnostics: Diagnostic[];
}

/** Engines that parse nothing: we only want gray-matter to find the block and its language. */
const inert = (): Record<string, never> => ({});
const INERT_ENGINES = {
  yaml: inert,
  yml: inert,
  json: inert,
  js: inert,
  javascript: inert,
  coffee: inert,
  coffeescript: inert,
  cson: inert,
  toml: inert,
};

const YAML_LANGUAGES = new Set(['yaml', 'yml']);

export function splitFrontMatter(source: SourceText): FrontMatterSplit {
  const text = source.text;
  if (!/^---[^\S\r\n]*[A-Za-z]*[^\S\r\n]*\r?\n/.test(text) && text.trimEnd() !== '---') {
    return { bodyStart: 0, diagnostics: [] };
  }
  const language = matter.language(text.slice(3)) as { raw: string; name: string };
  if (language.name && !YAML_LANGUAGES.has(language.name.toLowerCase())) {
    return {
      bodyStart: 0,
      diagnostics: [
        diagnostic(
          fileStart(source.file),
          'frontmatter/engine',
          `front matter must be YAML (a plain '---' line); '---${language.name}' is not accepted`,
        ),
      ],
    };
  }
  // gray-matter's own block detection, with engines that cannot run code.
  let found: { matter?: string };
  try {
    found = matter(text, { engines: INERT_ENGINES, language: 'yaml' }) as { matter?: string };
  } catch {
    found = {};
  }
  const yamlStart = 3 + language.raw.length;
  const closing = text.indexOf('\n---', yamlStart - 1);
  if (found.matter === undefined || closing === -1) {
    return {
      bodyStart: text.length,
      diagnostics: [
        diagnostic(fileStart(source.file), 'frontmatter/unclosed', "the front matter is not closed; add a line '---' after it"),
      ],
    };
  }
  // With CRLF line endings the '\r' before the closing line belongs to the line break.
  const yamlEnd = text[closing - 1] === '\r' ? closing - 1 : closing;
  const lineEnd = text.indexOf('\n', closing + 1);
  const bodyStart = lineEnd === -1 ? text.length : lineEnd + 1;
  const rest = text.slice(closing + 4, lineEnd === -1 ? text.length : lineEnd).trim();
  const diagnostics: Diagnostic[] = [];
  if (rest !== '') {
    diagnostics.push(
      diagnostic(source.at(closing + 1), 'frontmatter/unclosed', "the line closing the front matter must be just '---'"),
    );
  }
  return { yaml: { start: yamlStart, end: yamlEnd }, bodyStart, diagnostics };
}
