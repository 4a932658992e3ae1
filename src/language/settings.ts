/**
 * The project's language settings, both optional files in the content folder:
 *
 * - `language.yaml` (schema: schemas/language.schema.json): per language rule `off`,
 *   `warning` or `error`. Errors in it are reported at their line like any profile's.
 * - `words.txt`: the project word list, one word per line, `#` starts a comment. Words that
 *   are right but not in the Dutch dictionary: names, terms such as "Jeugdwet".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSource } from '../content/read-source.js';
import { parseYaml } from '../content/yaml.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import { schemas, validateAgainst } from '../schema/index.js';

export type Severity = 'error' | 'warning';
export type Level = Severity | 'off';

export const SETTINGS_FILE = 'language.yaml';
export const WORD_LIST_FILE = 'words.txt';
export const WORD_LIST_RULE = 'language/word-list';

/** Every language rule and how it reports when the settings say nothing. */
export const DEFAULT_LEVELS = {
  'language/spelling': 'warning',
  'language/long-sentence': 'warning',
  'language/passive': 'warning',
  'language/officialese': 'warning',
  // Dutch compounds make many words long ("cliëntondersteuning" has six syllables): one
  // warning per long word would bury the others. The report gives their share.
  'language/long-word': 'off',
} as const satisfies Record<string, Level>;

export type LanguageRule = keyof typeof DEFAULT_LEVELS;
export type Levels = Record<LanguageRule, Level>;

export interface LanguageSettings {
  levels: Levels;
  words: ReadonlySet<string>;
  diagnostics: Diagnostic[];
}

const SCHEMA = 'language.schema.json';

async function loadLevels(root: string, diagnostics: Diagnostic[]): Promise<Levels> {
  const levels: Levels = { ...DEFAULT_LEVELS };
  const file = join(root, SETTINGS_FILE);
  if (!existsSync(file)) return levels;
  const read = await readSource(file, root);
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return levels;
  }
  const registry = schemas();
  const yaml = parseYaml(read.source, 0, read.source.text.length, { expectsString: (path) => registry.expectsString(SCHEMA, path) });
  diagnostics.push(...yaml.diagnostics);
  if (yaml.broken) return levels;
  const problems = validateAgainst(SCHEMA, yaml.value ?? {}, { values: yaml.values, keys: yaml.keys, fallback: fileStart(file) });
  diagnostics.push(...problems);
  // A file with errors is not half-applied: the defaults stay until it is fixed.
  if (problems.length > 0) return levels;
  const rules = (yaml.value as { rules?: Partial<Levels> } | undefined)?.rules ?? {};
  return { ...levels, ...rules };
}

/** One word: letters, with apostrophes, hyphens and dots inside ("auto's", "e-mail", "o.a."). */
const ENTRY = /^[\p{L}\p{M}]+(?:['’.\-][\p{L}\p{M}]+)*\.?$/u;

async function loadWords(root: string, diagnostics: Diagnostic[]): Promise<Set<string>> {
  const words = new Set<string>();
  const file = join(root, WORD_LIST_FILE);
  if (!existsSync(file)) return words;
  const read = await readSource(file, root);
  if (!read.ok) {
    diagnostics.push(...read.diagnostics);
    return words;
  }
  const text = read.source.text;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    const content = line.replace(/#.*$/, '');
    const entry = content.trim();
    if (entry === '') continue;
    const at = read.source.at(start + content.indexOf(entry));
    if (!ENTRY.test(entry)) {
      const why = /\s/.test(entry) ? 'holds more than one word' : 'is not a word';
      diagnostics.push(diagnostic(at, WORD_LIST_RULE, `'${entry}' ${why}; write one word per line (a comment starts with #)`));
      continue;
    }
    words.add(entry);
  }
  return words;
}

export async function loadLanguageSettings(root: string): Promise<LanguageSettings> {
  const diagnostics: Diagnostic[] = [];
  const levels = await loadLevels(root, diagnostics);
  const words = await loadWords(root, diagnostics);
  return { levels, words, diagnostics };
}
