/** Sentence splitting with retext's Dutch parser, and the one place we correct it. */
import { describe, expect, it } from 'vitest';
import { parseSentences } from '../../src/language/sentences.js';

const words = (text: string): string[][] => parseSentences(text).map((s) => s.words.map((w) => w.text));

describe('sentences', () => {
  it('keeps Dutch abbreviations inside the sentence', () => {
    expect(words('Zij helpt bijv. bij het gesprek met o.a. de school t/m vrijdag. Zie art. 1.1.1 Wmo.')).toHaveLength(2);
  });

  it('ends a sentence at the pronoun u, which the parser takes for an initial', () => {
    expect(words('Wij helpen u. U kunt ons bellen.')).toEqual([
      ['Wij', 'helpen', 'u'],
      ['U', 'kunt', 'ons', 'bellen'],
    ]);
  });

  it('keeps an initial before a name', () => {
    expect(words('Bel J. Jansen.')).toHaveLength(1);
  });

  it('counts words, not punctuation or symbols', () => {
    expect(words('Bel – tussen 9.00 en 17.00 uur – ons: 010 282 11 11!')).toEqual([['Bel', 'tussen', '9.00', 'en', '17.00', 'uur', 'ons', '010', '282', '11', '11']]);
  });
});
