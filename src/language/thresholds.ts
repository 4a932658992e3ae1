/** The B1 thresholds and the score's formula, shared by the rules, the report and its JSON. */

/** B1: at most 20 words a sentence. */
export const LONG_SENTENCE_WORDS = 20;
/** A long word: four syllables or more. */
export const LONG_WORD_SYLLABLES = 4;

export const FLESCH_DOUMA = 'Flesch–Douma: 206.835 − 0.93 × words per sentence − 77 × syllables per word';
