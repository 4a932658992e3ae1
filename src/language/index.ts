/**
 * The language checks over everything `validate` loaded: spelling of every text a reader
 * sees, the B1 sentence rules (long sentences, passive, officialese, long words) over the
 * documents, the defaults' colophon texts, the profiles' text fields and the local section
 * files, and, when asked, the readability report per document and section.
 *
 * Each rule's severity comes from content/language.yaml (default: warning; long words
 * off). A rule that is off costs nothing: without spelling the dictionary is not loaded,
 * without sentence rules and report no sentence is parsed.
 */
import type { LoadedDocument } from '../content/load-document.js';
import { refAt, type LocatedText } from '../content/located.js';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { ProfileFile, ProfileLoad } from '../profiles/load-profile.js';
import { dutchDictionary } from './dictionary.js';
import { OFFICIALESE_RULE, OfficialeseMatcher, officialeseList } from './officialese.js';
import { PASSIVE_RULE } from './passive.js';
import type { Figures, UnitAnalysis } from './readability.js';
import { loadLanguageSettings, type LanguageRule, type Levels, type Severity } from './settings.js';
import { checkSpelling, SpellChecker, spellingWords, type KnownWords } from './spelling.js';
import { FLESCH_DOUMA, LONG_SENTENCE_WORDS, LONG_WORD_SYLLABLES } from './thresholds.js';
import { documentUnits, sectionFileUnits, type TextUnit, type UnitGroup } from './units.js';

export const LONG_SENTENCE_RULE = 'language/long-sentence';
export const LONG_WORD_RULE = 'language/long-word';

export interface LanguageProfile {
  id: string;
  load: ProfileLoad;
}

export interface LanguageInput {
  root: string;
  documents: readonly LoadedDocument[];
  defaults: ProfileFile;
  profiles: readonly LanguageProfile[];
  /** Build the readability report (validate --readability). */
  report: boolean;
  /** False: only the rules that the settings make errors (see ValidateOptions). */
  warnings: boolean;
}

export interface SectionReport extends Figures {
  id: string;
  title: string;
}

export interface DocumentReport extends Figures {
  id: string;
  file: string;
  title: string;
  sections: SectionReport[];
}

export interface LocalSectionReport extends Figures {
  municipality: string;
  document: string;
  section: string;
  file: string;
}

export interface ReadabilityReport {
  /** How the figures are made, so that the JSON explains itself. */
  method: { formula: string; longSentenceWords: number; longWordSyllables: number };
  documents: DocumentReport[];
  localSections: LocalSectionReport[];
}

export interface LanguageResult {
  diagnostics: Diagnostic[];
  report?: ReadabilityReport;
}

/** Names a profile gives: the capitalised words of its name, organisation and address. */
const NAME_FIELDS: readonly (readonly string[])[] = [['name'], ['contact', 'organisation'], ['contact', 'address'], ['national', 'organisation']];

function nameValues(file: ProfileFile): Set<string> {
  const values = new Set<string>();
  for (const path of NAME_FIELDS) {
    let v: unknown = file.data;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    if (typeof v === 'string') values.add(v);
  }
  return values;
}

function namesOf(file: ProfileFile): Set<string> {
  const names = new Set<string>();
  for (const value of nameValues(file)) for (const w of spellingWords(value)) if (/^\p{Lu}/u.test(w.text)) names.add(w.text);
  return names;
}

function union(...sets: ReadonlySet<string>[]): KnownWords {
  return { has: (w) => sets.some((s) => s.has(w)) };
}

function quotedWords(value: string, from: number, to: number): string {
  return value.slice(from, to).replace(/\s+/g, ' ');
}

/** The sentence rules' findings in one analysed unit, by what the unit is. */
function unitDiagnostics(a: UnitAnalysis, levels: Levels): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { unit } = a;
  const value = unit.text.value;
  const level = (rule: LanguageRule): Severity | undefined => {
    const l = levels[rule];
    return l === 'off' ? undefined : l;
  };
  // Quotations and the reading list are not ours to reword; pull quotes repeat the text.
  if (unit.role === 'cited' || unit.role === 'quote' || unit.role === 'reference') return out;
  const passive = level('language/passive');
  if (passive) {
    for (const hit of a.passives) {
      const [first, second] = hit.auxiliary.index < hit.participle.index ? [hit.auxiliary, hit.participle] : [hit.participle, hit.auxiliary];
      const shown = second.index - first.end <= 1 ? quotedWords(value, first.index, second.end) : `${first.text} … ${second.text}`;
      out.push(
        diagnostic(
          refAt(unit.text, hit.auxiliary.index),
          PASSIVE_RULE,
          `'${shown}' is a passive construction; B1 text says who does what: make the one who acts the subject if you can`,
          passive,
        ),
      );
    }
  }
  const officialese = level('language/officialese');
  if (officialese) {
    for (const hit of a.officialese) {
      const first = hit.words[0]!;
      const last = hit.words[hit.words.length - 1]!;
      out.push(
        diagnostic(
          refAt(unit.text, first.index),
          OFFICIALESE_RULE,
          `'${quotedWords(value, first.index, last.end)}' is official language that many readers stumble over; write '${hit.entry.instead}'`,
          officialese,
        ),
      );
    }
  }
  if (unit.role !== 'prose') return out;
  const long = level('language/long-sentence');
  if (long) {
    for (const s of a.sentences) {
      if (s.words.length <= LONG_SENTENCE_WORDS) continue;
      const start = s.words
        .slice(0, 4)
        .map((w) => (unit.placeholders.some(([from, to]) => w.index < to && w.end > from) ? '{{…}}' : w.text))
        .join(' ');
      out.push(
        diagnostic(
          refAt(unit.text, s.words[0]!.index),
          LONG_SENTENCE_RULE,
          `this sentence has ${s.words.length} words ('${start} …'); B1 text keeps sentences to ${LONG_SENTENCE_WORDS} words or fewer: split it`,
          long,
        ),
      );
    }
  }
  const longWord = level('language/long-word');
  if (longWord) {
    for (const { word, syllables } of a.longWords) {
      out.push(
        diagnostic(
          refAt(unit.text, word.index),
          LONG_WORD_RULE,
          `'${word.text}' has ${syllables} syllables; B1 text prefers words of at most ${LONG_WORD_SYLLABLES - 1}: use a shorter word if there is one`,
          longWord,
        ),
      );
    }
  }
  return out;
}

/** The colophon texts of defaults.yaml read as running text; its other texts but names are labels. */
function defaultsUnits(defaults: ProfileFile): TextUnit[] {
  const colophon = defaults.data['colophon'];
  const paragraphs = new Set(colophon && typeof colophon === 'object' ? Object.values(colophon as Record<string, unknown>).filter((v) => typeof v === 'string') : []);
  const names = nameValues(defaults);
  return defaults.texts.filter((t) => !names.has(t.value)).map((text) => ({ text, role: paragraphs.has(text.value) ? 'prose' : 'label', placeholders: [] }));
}

function errorsOnly(levels: Levels): Levels {
  const out = { ...levels };
  for (const rule of Object.keys(out) as LanguageRule[]) if (out[rule] !== 'error') out[rule] = 'off';
  return out;
}

function sentenceRulesOn(levels: Levels): boolean {
  return (['language/long-sentence', 'language/passive', 'language/officialese', 'language/long-word'] as const).some((r) => levels[r] !== 'off');
}

export async function checkLanguage(input: LanguageInput): Promise<LanguageResult> {
  const settings = await loadLanguageSettings(input.root);
  const levels = input.warnings ? settings.levels : errorsOnly(settings.levels);
  const diagnostics: Diagnostic[] = [...settings.diagnostics];

  const spelling = levels['language/spelling'];
  if (spelling !== 'off') {
    const checker = new SpellChecker(await dutchDictionary(), settings.words);
    const national = namesOf(input.defaults);
    const check = (texts: readonly LocatedText[], known: KnownWords): void => {
      for (const text of texts) diagnostics.push(...checkSpelling(text, checker, spelling, known));
    };
    check(input.defaults.texts, national);
    for (const doc of input.documents) check(doc.texts, national);
    for (const { load } of input.profiles) check(load.texts, union(national, namesOf(load.own)));
  }

  if (!sentenceRulesOn(levels) && !input.report) return { diagnostics };
  // Loaded only now: the Dutch parser and the hyphenation patterns cost ~50 ms to load,
  // which a build (only rules made errors, usually none) should not pay.
  const { analyseUnit, figuresOf } = await import('./readability.js');
  const matcher = new OfficialeseMatcher(officialeseList());
  const syllables = input.report || levels['language/long-word'] !== 'off' ? (await import('../layout/text/hyphenate.js')).syllableCount : undefined;
  const analyse = (units: readonly TextUnit[]): UnitAnalysis[] => units.map((u) => analyseUnit(u, matcher, syllables));
  const at = (unit: TextUnit, index: number) => refAt(unit.text, index);
  const emit = (analyses: readonly UnitAnalysis[]): void => {
    for (const a of analyses) diagnostics.push(...unitDiagnostics(a, levels));
  };

  const documents: DocumentReport[] = [];
  for (const doc of input.documents) {
    if (!doc.model) continue;
    const groups: { group: UnitGroup; analyses: UnitAnalysis[] }[] = documentUnits({ model: doc.model, texts: doc.texts }).map((group) => ({ group, analyses: analyse(group.units) }));
    for (const g of groups) emit(g.analyses);
    documents.push({
      id: doc.id,
      file: doc.file,
      title: doc.model.title,
      ...figuresOf(groups.flatMap((g) => g.analyses), at),
      sections: groups.map(({ group, analyses }) => ({ id: group.id, title: group.title, ...figuresOf(analyses, at) })),
    });
  }
  emit(analyse(defaultsUnits(input.defaults)));

  const localSections: LocalSectionReport[] = [];
  for (const { id, load } of input.profiles) {
    // Names are the municipality's own (its organisation may well be called "… Participatie");
    // its other text fields, such as the opening hours, are read like labels.
    const names = nameValues(load.own);
    emit(analyse(load.own.texts.filter((t) => !names.has(t.value)).map((text) => ({ text, role: 'label', placeholders: [] }))));
    for (const [document, sections] of Object.entries(load.loaded?.overrides ?? {})) {
      for (const [section, blocks] of Object.entries(sections)) {
        const file = blocks[0]?.at.file;
        if (file === undefined) continue;
        const analyses = analyse(sectionFileUnits(blocks, load.texts.filter((t) => t.source.file === file)));
        emit(analyses);
        localSections.push({ municipality: id, document, section, file, ...figuresOf(analyses, at) });
      }
    }
  }
  if (!input.report) return { diagnostics };
  const method = { formula: FLESCH_DOUMA, longSentenceWords: LONG_SENTENCE_WORDS, longWordSyllables: LONG_WORD_SYLLABLES };
  return { diagnostics, report: { method, documents, localSections } };
}
