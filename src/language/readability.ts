/**
 * The B1 figures of a run of text units, and the findings behind them. Per sentence: its
 * words (retext's Dutch parser), long words by syllables (the layout's Dutch hyphenation,
 * src/layout/text/hyphenate.ts), passive constructions and officialese.
 *
 * The summary score is Douma's (1960) adaptation of Flesch's Reading Ease to Dutch:
 *
 *     206.835 − 0.93 × (words / sentences) − 77 × (syllables / words)
 *
 * Higher is easier: roughly 60–70 reads as "normal" text, above 70 as easy, below 30 as very
 * hard. Caveats: it only counts sentence and word length, not whether words are familiar
 * (a short legal word scores as easy); Dutch compounds make words long without making them
 * hard ("kinderopvang"); on a section of a few sentences it swings widely; and Douma fitted
 * it to little data. Read it as a comparison between versions of the same text, not as a
 * verdict. Placeholders count as one word without syllables; numbers count as words in a
 * sentence but not in the syllable figures.
 */
import type { OfficialeseHit, OfficialeseMatcher } from './officialese.js';
import { findPassives, type PassiveHit } from './passive.js';
import { parseSentences, type ParsedSentence, type Token } from './sentences.js';
import { LONG_SENTENCE_WORDS, LONG_WORD_SYLLABLES } from './thresholds.js';
import type { TextUnit } from './units.js';


export interface SentenceFinding {
  unit: TextUnit;
  sentence: ParsedSentence;
}

export interface UnitAnalysis {
  unit: TextUnit;
  sentences: ParsedSentence[];
  passives: PassiveHit[];
  officialese: OfficialeseHit[];
  /** Words of four syllables or more, with their count. */
  longWords: { word: Token; syllables: number }[];
  /** Words with letters (not placeholders, not numbers) and their syllables, for the score. */
  letterWords: number;
  syllables: number;
}

/** Syllables of one word (src/layout/text/hyphenate.ts: syllableCount). */
export type SyllableCounter = (word: string) => number;

function syllablesOf(word: string, count: SyllableCounter): number {
  return (word.match(/[\p{L}\p{M}]+/gu) ?? []).reduce((n, part) => n + count(part), 0);
}

/**
 * `syllables`: count them (for the report and the long-word rule) with the layout's
 * hyphenation. Plain `validate` passes none: loading the patterns and hyphenating every
 * word would be most of the time this takes.
 */
export function analyseUnit(unit: TextUnit, officialese: OfficialeseMatcher, syllables?: SyllableCounter): UnitAnalysis {
  const value = unit.text.value;
  const sentences = parseSentences(value);
  const between = (a: Token, b: Token): string => value.slice(a.end, b.index);
  const inPlaceholder = (t: Token): boolean => unit.placeholders.some(([s, e]) => t.index < e && t.end > s);
  const analysis: UnitAnalysis = { unit, sentences, passives: [], officialese: [], longWords: [], letterWords: 0, syllables: 0 };
  for (const sentence of sentences) {
    const words = sentence.words.filter((w) => !inPlaceholder(w));
    analysis.passives.push(...findPassives(sentence.words, between).filter((h) => !inPlaceholder(h.auxiliary) && !inPlaceholder(h.participle)));
    analysis.officialese.push(...officialese.find(words, between));
    if (!syllables) continue;
    for (const word of words) {
      if (!/\p{L}/u.test(word.text) || /\p{N}/u.test(word.text)) continue;
      const n = syllablesOf(word.text, syllables);
      analysis.letterWords++;
      analysis.syllables += n;
      if (n >= LONG_WORD_SYLLABLES) analysis.longWords.push({ word, syllables: n });
    }
  }
  return analysis;
}

/** Counted in the figures: running text and quotations, not labels or copies. */
export function counts(unit: TextUnit): boolean {
  return unit.role === 'prose' || unit.role === 'cited';
}

export interface Figures {
  sentences: number;
  words: number;
  averageSentenceWords: number;
  longestSentenceWords: number;
  /** Sentences of more than 20 words. */
  longSentences: number;
  longSentencePercent: number;
  longWords: number;
  longWordPercent: number;
  /** Passive constructions and officialese found in running text (as warned about). */
  passives: number;
  officialese: number;
  /** Douma's Flesch score, or null without sentences. */
  fleschDouma: number | null;
  /** Where the longest sentence starts. */
  longestAt?: { file: string; line: number; column: number };
}

const round1 = (n: number): number => Math.round(n * 10) / 10;

/** Douma's score from the average sentence length in words and word length in syllables. */
export function fleschDouma(wordsPerSentence: number, syllablesPerWord: number): number {
  return round1(206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord);
}

/** The figures of some analysed units (only those that count). */
export function figuresOf(analyses: readonly UnitAnalysis[], at: (unit: TextUnit, index: number) => { file: string; line: number; column: number }): Figures {
  let sentences = 0;
  let words = 0;
  let longest = 0;
  let longestAt: Figures['longestAt'];
  let longSentences = 0;
  let letterWords = 0;
  let syllables = 0;
  let longWords = 0;
  let passives = 0;
  let officialese = 0;
  for (const a of analyses) {
    if (!counts(a.unit)) continue;
    for (const s of a.sentences) {
      sentences++;
      words += s.words.length;
      if (s.words.length > LONG_SENTENCE_WORDS) longSentences++;
      if (s.words.length > longest) {
        longest = s.words.length;
        longestAt = at(a.unit, s.words[0]!.index);
      }
    }
    letterWords += a.letterWords;
    syllables += a.syllables;
    longWords += a.longWords.length;
    // Findings as the warnings give them: a quotation is read, so its sentences count, but
    // its wording is not ours to change.
    if (a.unit.role === 'prose') {
      passives += a.passives.length;
      officialese += a.officialese.length;
    }
  }
  const figures: Figures = {
    sentences,
    words,
    averageSentenceWords: sentences ? round1(words / sentences) : 0,
    longestSentenceWords: longest,
    longSentences,
    longSentencePercent: sentences ? round1((100 * longSentences) / sentences) : 0,
    longWords,
    longWordPercent: letterWords ? round1((100 * longWords) / letterWords) : 0,
    passives,
    officialese,
    fleschDouma: sentences && letterWords ? fleschDouma(words / sentences, syllables / letterWords) : null,
  };
  if (longestAt) figures.longestAt = longestAt;
  return figures;
}
