/**
 * YAML with positions. We walk the `yaml` package's syntax tree ourselves instead of calling
 * `toJS()`, so that every value gets a JSON pointer and a source place (for schema errors),
 * string fields keep their source text (`phone: 0102821111` stays "0102821111", not a
 * number), and alias expansion is bounded (a "billion laughs" file ends in a diagnostic).
 */
import { Alias, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { Diagnostic, SourceRef } from '../diagnostics/index.js';
import { diagnostic } from '../diagnostics/index.js';
import { locate, type LocatedText } from './located.js';
import type { SourceText } from './source-text.js';

/** How many values alias expansion may produce before we call the file hostile. */
const MAX_EXPANDED_NODES = 10_000;
const MAX_DEPTH = 64;

export interface YamlData {
  /** The plain JS value; `undefined` for an empty document. */
  value: unknown;
  /** JSON pointer (`/contact/phone`) → place of the value. */
  values: Map<string, SourceRef>;
  /** JSON pointer → place of the key that names it. */
  keys: Map<string, SourceRef>;
  /** JSON pointer → string value with the source place of each character. */
  texts: Map<string, LocatedText>;
  diagnostics: Diagnostic[];
  /** True when the file could not be read as YAML at all; its value is then unreliable. */
  broken: boolean;
  /**
   * Empty values that are empty only because YAML read what follows the key as a comment
   * (`primary: #A3171E`): JSON pointer → the diagnostic that says so, to report instead of
   * "is empty".
   */
  commentValues: Map<string, Diagnostic>;
  /**
   * Scalars YAML reads as something other than text (`phone: 0101234567` is the number
   * 101234567) that were kept as written because the schema wants text: JSON pointer → what
   * was written, and the place.
   */
  unquoted: Map<string, { written: string; read: unknown; at: SourceRef }>;
}

export interface YamlOptions {
  /** Whether the schema wants a string at this path; such scalars keep their source text. */
  expectsString?: (path: readonly string[]) => boolean;
}

export function pointer(path: readonly string[]): string {
  return path.map((p) => '/' + p.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function plainMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'this key appears twice in the same block; keep only one';
  return `this is not valid YAML: ${first}`;
}

/** Parse `source.text[start, end)` as one YAML document. */
export function parseYaml(source: SourceText, start: number, end: number, options: YamlOptions = {}): YamlData {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.text.slice(start, end), {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  });
  const data: YamlData = {
    value: undefined,
    values: new Map(),
    keys: new Map(),
    texts: new Map(),
    diagnostics: [],
    broken: false,
    commentValues: new Map(),
    unquoted: new Map(),
  };
  for (const err of doc.errors) {
    const rule = err.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax';
    if (rule === 'yaml/syntax') data.broken = true;
    data.diagnostics.push(diagnostic(source.at(start + err.pos[0]), rule, plainMessage(err.code, err.message)));
  }
  const walker = new Walker(doc, source, start, options, data);
  data.value = doc.contents === null ? undefined : walker.walk(doc.contents as YamlNode, [], 0);
  return data;
}

class Walker {
  #budget = MAX_EXPANDED_NODES;
  #exhausted = false;

  constructor(
    private readonly doc: Document,
    private readonly source: SourceText,
    private readonly start: number,
    private readonly options: YamlOptions,
    private readonly data: YamlData,
  ) {}

  walk(node: YamlNode, path: string[], depth: number): unknown {
    if (this.#exhausted) return undefined;
    if (--this.#budget < 0 || depth > MAX_DEPTH) {
      this.#exhausted = true;
      this.data.broken = true;
      const at = this.source.at(this.start + (node.range?.[0] ?? 0));
      this.data.diagnostics.push(
        diagnostic(at, 'yaml/aliases', 'this file expands into too many values (aliases or nesting); write the values out plainly'),
      );
      return undefined;
    }
    const here = pointer(path);
    if (node.range && !this.data.values.has(here)) this.data.values.set(here, this.source.at(this.start + node.range[0]));

    if (isAlias(node)) {
      const target = (node as Alias).resolve(this.doc);
      return target ? this.walk(target as YamlNode, path, depth + 1) : null;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        if (!isScalar(keyNode)) {
          const at = this.source.at(this.start + (keyNode?.range?.[0] ?? node.range?.[0] ?? 0));
          this.data.diagnostics.push(diagnostic(at, 'yaml/key', 'a key must be a plain word, not a list or block'));
          continue;
        }
        const key = String(keyNode.value);
        const childPath = [...path, key];
        if (keyNode.range) this.data.keys.set(pointer(childPath), this.source.at(this.start + keyNode.range[0]));
        const valueNode = pair.value as YamlNode | null;
        const empty = valueNode === null || (isScalar(valueNode) && valueNode.value === null && !valueNode.source);
        if (empty) {
          // `key:` with nothing after it: the place of the key stands for the empty value.
          if (keyNode.range) {
            this.data.values.set(pointer(childPath), this.source.at(this.start + keyNode.range[0]));
            this.noteCommentValue(childPath, keyNode.range[1]);
          }
          out[key] = null;
        } else {
          out[key] = this.walk(valueNode!, childPath, depth + 1);
        }
      }
      return { ...out };
    }
    if (isSeq(node)) {
      return node.items.map((item, i) =>
        item === null ? null : this.walk(item as YamlNode, [...path, String(i)], depth + 1),
      );
    }
    if (isScalar(node)) {
      let value = node.value;
      if (typeof value !== 'string' && value !== null && node.source !== undefined && this.options.expectsString?.(path)) {
        this.data.unquoted.set(here, { written: node.source, read: value, at: this.source.at(this.start + (node.range?.[0] ?? 0)) });
        value = node.source;
      }
      if (typeof value === 'string' && node.range) {
        this.data.texts.set(here, locate(value, this.source, this.start + node.range[0], this.start + node.range[1]));
      }
      return value;
    }
    return null;
  }

  /**
   * `key: #A3171E`: a `#` after a space starts a comment, so YAML reads no value at all.
   * What the author meant is the comment's first word or words (up to a further ` #`).
   */
  private noteCommentValue(path: string[], keyEnd: number): void {
    const from = this.start + keyEnd;
    const lineEnd = this.source.text.indexOf('\n', from);
    const rest = this.source.text.slice(from, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
    const m = /^[ \t]*:[ \t]+(#.*)$/.exec(rest);
    if (!m) return;
    const meant = m[1]!.split(/[ \t]#/)[0]!.trim();
    if (meant === '#') return;
    const key = path[path.length - 1]!;
    const at = this.source.at(from + m[0].length - m[1]!.length);
    this.data.commentValues.set(
      pointer(path),
      diagnostic(
        at,
        'yaml/unquoted-hash',
        `${path.join('.')} has no value: YAML reads '${meant}' as a comment (a # after a space starts one); put the value in quotes: ${key}: "${meant}"`,
      ),
    );
  }
}
