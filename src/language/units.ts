/**
 * Text units for the sentence rules and the readability report: one paragraph, list item,
 * heading or quotation each, as one located text. The loaders hand the text rules each
 * run of plain text separately (split at emphasis, links and placeholders); a sentence
 * runs across them ("De **cliëntondersteuner** helpt"), so the runs of one block are joined
 * here, in order, keeping each character's source place. A placeholder stands in the
 * sentence as one word (`STAND_IN`) at the place of its `{{`.
 */
import type { LocatedText } from '../content/located.js';
import { refAt } from '../content/located.js';
import type { Block, DocumentModel, Inline } from '../content/model.js';
import type { SourceText } from '../content/source-text.js';
import type { SourceRef } from '../diagnostics/index.js';
import type { TextRole } from '../kinds/kind.js';
import { kindOf } from '../kinds/registry.js';

/**
 * What a unit is to the reader, which decides what is checked:
 * - `prose`: running text; counted in the report, every sentence rule applies.
 * - `cited`: a quotation with its source (the Wmo article); counted, since it is read, but
 *   not reported on: a quotation must stay word for word.
 * - `quote`: a pull quote, a copy of a sentence in the running text; neither counted nor
 *   reported twice (the running text is).
 * - `label`: titles, headings, names, hours; only officialese and passive are looked for.
 * - `reference`: the reading list; titles of publications are left as they are.
 */
export type UnitRole = TextRole;

export interface TextUnit {
  text: LocatedText;
  role: UnitRole;
  /** [start, end) ranges of the value that stand for placeholders. */
  placeholders: [number, number][];
}

export interface UnitGroup {
  /** Section id, or `intro` / `colophon`. */
  id: string;
  title: string;
  units: TextUnit[];
}

/** The word a placeholder counts as in a sentence: one word, not looked up. */
export const STAND_IN = 'Iets';

/** The located runs of one file, found by the place of their first character. */
export class RunIndex {
  readonly #runs = new Map<string, LocatedText[]>();
  readonly source: SourceText | undefined;

  constructor(texts: readonly LocatedText[]) {
    for (const text of texts) {
      if (text.value.length === 0) continue;
      const at = refAt(text, 0);
      const key = `${at.file}\0${at.line}\0${at.column}`;
      const list = this.#runs.get(key);
      if (list) list.push(text);
      else this.#runs.set(key, [text]);
    }
    this.source = texts[0]?.source;
  }

  /** The located form of a text inline: its run (or the part of it a trim left). */
  find(value: string, at: SourceRef): LocatedText | undefined {
    const list = this.#runs.get(`${at.file}\0${at.line}\0${at.column}`) ?? [];
    for (const run of list) {
      const i = run.value.indexOf(value);
      if (i !== -1) return { value, source: run.source, offsets: run.offsets.slice(i, i + value.length) };
    }
    return undefined;
  }
}

/** Source offset of a line and column (both 1-based), for places that carry no offsets. */
function offsetOf(source: SourceText, at: SourceRef): number {
  let line = 1;
  let i = 0;
  while (line < at.line && i < source.text.length) {
    const next = source.text.indexOf('\n', i);
    if (next === -1) break;
    i = next + 1;
    line++;
  }
  return i + at.column - 1;
}

class UnitBuilder {
  value = '';
  offsets: number[] = [];
  placeholders: [number, number][] = [];

  constructor(
    readonly runs: RunIndex,
    readonly source: SourceText,
  ) {}

  add(inlines: readonly Inline[]): this {
    for (const inline of inlines) {
      switch (inline.type) {
        case 'text': {
          const run = this.runs.find(inline.value, inline.at);
          if (run) {
            this.value += run.value;
            this.offsets.push(...run.offsets);
          } else this.#filler(inline.value, inline.at);
          break;
        }
        case 'placeholder': {
          const start = this.value.length;
          this.#filler(STAND_IN, inline.at);
          this.placeholders.push([start, this.value.length]);
          break;
        }
        case 'break':
          this.#filler('\n', inline.at);
          break;
        default:
          this.add(inline.children);
      }
    }
    return this;
  }

  /** Text without a run of its own, placed at one source place. */
  #filler(value: string, at: SourceRef): void {
    const offset = offsetOf(this.source, at);
    this.value += value;
    for (let i = 0; i < value.length; i++) this.offsets.push(offset);
  }

  unit(role: UnitRole): TextUnit {
    return { text: { value: this.value, source: this.source, offsets: this.offsets }, role, placeholders: this.placeholders };
  }
}

function blockUnits(make: () => UnitBuilder, block: Block<Inline[]>): TextUnit[] {
  switch (block.type) {
    case 'paragraph':
      return [make().add(block.content).unit('prose')];
    case 'list':
      return block.items.map((item) => make().add(item).unit('prose'));
    case 'pullquote':
      return [make().add(block.content).unit('quote')];
    case 'citation':
      return [...block.paragraphs.map((p) => make().add(p).unit('cited')), make().add(block.source).unit('label')];
  }
}

export interface DocumentSource {
  model: DocumentModel;
  /** The document's located runs, front matter first (as the loader collected them). */
  texts: readonly LocatedText[];
}

function nonEmpty(unit: TextUnit): boolean {
  return unit.text.value.trim() !== '';
}

/** A document's units, grouped by section in reading order. */
export function documentUnits({ model, texts }: DocumentSource): UnitGroup[] {
  const runs = new RunIndex(texts);
  const source = runs.source;
  if (!source) return [];
  const make = (): UnitBuilder => new UnitBuilder(runs, source);
  const front: TextUnit[] = [];
  // Title, subtitle and description are the loader's first runs, in that order.
  const fields: [string | undefined, UnitRole][] = [
    [model.title, 'label'],
    [model.subtitle, 'label'],
    [model.description, 'prose'],
  ];
  let next = 0;
  for (const [value, role] of fields) {
    if (value === undefined || value === '') continue;
    const i = texts.findIndex((t, k) => k >= next && t.value === value);
    if (i === -1) continue;
    next = i + 1;
    front.push({ text: texts[i]!, role, placeholders: [] });
  }
  const groups: UnitGroup[] = [];
  const colophon: UnitGroup = { id: 'colophon', title: 'colophon', units: model.colophon.map((c) => make().add(c).unit('prose')) };
  kindOf(model)
    .outline(model)
    .forEach((section, i) => {
      const units = section.parts.map((p) => make().add(p.content).unit(p.role));
      groups.push({ id: section.id, title: section.title, units: i === 0 ? [...front, ...units] : units });
    });
  groups.push(colophon);
  return groups.map((g) => ({ ...g, units: g.units.filter(nonEmpty) })).filter((g) => g.units.length > 0);
}

/** A municipality's section file: its blocks, as one group. */
export function sectionFileUnits(blocks: readonly Block<Inline[]>[], texts: readonly LocatedText[]): TextUnit[] {
  const runs = new RunIndex(texts);
  const source = runs.source;
  if (!source) return [];
  return blocks.flatMap((b) => blockUnits(() => new UnitBuilder(runs, source), b)).filter(nonEmpty);
}
