/**
 * One document file → its model, the located texts for the text rules, and every problem
 * found on the way (front matter, Markdown structure, schema of front matter and body).
 */
import { basename } from 'node:path';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import { diagnostic, fileStart } from '../diagnostics/index.js';
import { schemas, suggest, validateAgainst } from '../schema/index.js';
import { kindNamed, kindNames } from '../kinds/registry.js';
import type { AnyKind } from '../kinds/kind.js';
import type { DocumentFields, DocumentModel, Inline } from './model.js';
import { splitFrontMatter } from './frontmatter.js';
import { documentIdProblem } from './ids.js';
import { nodeAt, toInlines, type InlineContext } from './inlines.js';
import { refAt, type LocatedText } from './located.js';
import { parseMarkdown, parseMarkdownString } from './markdown.js';
import { readSource } from './read-source.js';
import { SourceText } from './source-text.js';
import { parseYaml, type YamlData } from './yaml.js';
import { memoised, type ValidationMemo } from '../validate/memo/memo.js';

export interface LoadedDocument {
  id: string;
  file: string;
  /** Absent when the file could not be read or its kind is unknown. */
  model?: DocumentModel<Inline[]>;
  /** Every piece of plain text with its source places, for the text rules. */
  texts: LocatedText[];
  diagnostics: Diagnostic[];
}

const FRONTMATTER_SCHEMA = 'frontmatter.schema.json';

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prefixed(map: Map<string, SourceRef>, prefix: string): [string, SourceRef][] {
  return [...map].map(([k, v]) => [prefix + k, v]);
}

/** A colophon entry: one paragraph of inline Markdown inside a YAML string. */
function colophonInlines(ctx: InlineContext, located: LocatedText): Inline[] {
  const parsed = new SourceText(ctx.parsed.file, located.value);
  const root = parseMarkdownString(located.value);
  const inner: InlineContext = { ...ctx, parsed, outer: located };
  const [first, ...rest] = root.children;
  for (const extra of rest) {
    ctx.diagnostics.push(diagnostic(nodeAt(inner, extra), 'document/structure', 'a colophon entry is one paragraph; make a new list item for the next one'));
  }
  if (first?.type === 'paragraph') return toInlines(inner, first.children);
  if (first) ctx.diagnostics.push(diagnostic(nodeAt(inner, first), 'document/structure', 'a colophon entry is one paragraph of text'));
  return [];
}

function checkKind(fm: Record<string, unknown>, yaml: YamlData, at: SourceRef): AnyKind | Diagnostic {
  const kind = fm['kind'];
  const names = kindNames();
  const list = names.join(', ');
  if (kind === undefined || kind === null) {
    return diagnostic(at, 'document/kind-unknown', `the front matter needs a 'kind': one of ${list}`);
  }
  const known = typeof kind === 'string' ? kindNamed(kind) : undefined;
  if (known) return known;
  const guess = typeof kind === 'string' ? suggest(kind, names) : undefined;
  return diagnostic(
    yaml.values.get('/kind') ?? at,
    'document/kind-unknown',
    `unknown kind '${String(kind)}'${guess ? ` (did you mean '${guess}'?)` : ''}; use one of ${list}`,
  );
}

/** `memo`: validation's memo of parses, which keeps a document's parse by its text. */
export async function loadDocument(file: string, contentRoot: string, memo?: ValidationMemo): Promise<LoadedDocument> {
  const id = basename(file).replace(/\.md$/i, '');
  const result: LoadedDocument = { id, file, texts: [], diagnostics: [] };
  const idWrong = documentIdProblem(id);
  if (idWrong) {
    result.diagnostics.push(diagnostic(fileStart(file), 'document/id', `the file name '${basename(file)}' is the document id '${id}', which ${idWrong}`));
  }
  const read = await readSource(file, contentRoot);
  result.diagnostics.push(...read.diagnostics);
  if (!read.ok) return result;
  const source = read.source;
  const parsed = memoised(memo, 'document', file, source.text, () => parseDocument(source, id), source);
  return { ...result, ...parsed, diagnostics: [...result.diagnostics, ...parsed.diagnostics] };
}

type ParsedDocument = Omit<LoadedDocument, 'id' | 'file'>;

/** A document's text → its model, texts and problems: a function of its path and text only. */
function parseDocument(source: SourceText, id: string): ParsedDocument {
  const file = source.file;
  const result: ParsedDocument = { texts: [], diagnostics: [] };
  const split = splitFrontMatter(source);
  result.diagnostics.push(...split.diagnostics);
  if (!split.yaml) {
    if (split.diagnostics.length === 0) {
      result.diagnostics.push(
        diagnostic(fileStart(file), 'frontmatter/missing', "the file must start with front matter: a '---' line, 'kind: …' and 'title: …', and a closing '---' line"),
      );
    }
    return result;
  }
  const registry = schemas();
  const yaml = parseYaml(source, split.yaml.start, split.yaml.end, {
    expectsString: (path) => registry.expectsString(FRONTMATTER_SCHEMA, path),
  });
  result.diagnostics.push(...yaml.diagnostics);
  if (yaml.broken) return result;
  const fmAt = source.at(split.yaml.start + 1);
  const fm = yaml.value === undefined ? {} : yaml.value;
  if (!isMapping(fm)) {
    result.diagnostics.push(
      diagnostic(yaml.values.get('') ?? fmAt, 'frontmatter/not-mapping', "the front matter must be 'field: value' lines, e.g. 'kind: parent-leaflet'"),
    );
    return result;
  }
  const kind = checkKind(fm, yaml, fmAt);
  if ('severity' in kind) {
    result.diagnostics.push(kind);
    return result;
  }

  const ctx: InlineContext = { parsed: source, diagnostics: result.diagnostics, texts: result.texts };
  for (const field of ['title', 'subtitle', 'description']) {
    const located = yaml.texts.get(`/${field}`);
    if (!located) continue;
    result.texts.push(located);
    // These are plain strings (PDF metadata, alt text): nothing would fill a placeholder in.
    const brace = located.value.indexOf('{{');
    if (brace !== -1) {
      result.diagnostics.push(
        diagnostic(refAt(located, brace), 'placeholder/unsupported', `placeholders are not filled in '${field}'; write the text itself`),
      );
    }
  }
  const colophon: Inline[][] = [];
  if (Array.isArray(fm['colophon'])) {
    fm['colophon'].forEach((_, i) => {
      const located = yaml.texts.get(`/colophon/${i}`);
      if (located) colophon.push(colophonInlines(ctx, located));
    });
  }
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const subtitle = text(fm['subtitle']);
  const description = text(fm['description']);
  const fields: DocumentFields = {
    id,
    file,
    title: text(fm['title']) ?? '',
    ...(subtitle !== undefined ? { subtitle } : {}),
    ...(description !== undefined ? { description } : {}),
    colophon,
  };

  const root = parseMarkdown(source, split.bodyStart);
  const body = kind.extract(ctx, root, fields);
  result.model = body.model;

  const bodyAt = source.at(split.bodyStart);
  result.diagnostics.push(
    ...validateAgainst(
      kind.schema,
      { frontmatter: fm, body: body.shape },
      {
        values: new Map([['/frontmatter', fmAt], ['/body', bodyAt], ...prefixed(yaml.values, '/frontmatter'), ...body.positions]),
        keys: new Map(prefixed(yaml.keys, '/frontmatter')),
        fallback: fileStart(file),
      },
    ),
  );
  return result;
}
