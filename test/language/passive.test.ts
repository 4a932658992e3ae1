/** The Dutch passive heuristic, sentence by sentence. */
import { describe, expect, it } from 'vitest';
import { findPassives } from '../../src/language/passive.js';
import { parseSentences } from '../../src/language/sentences.js';

function passives(text: string): string[] {
  return parseSentences(text).flatMap((s) =>
    findPassives(s.words, (a, b) => text.slice(a.end, b.index)).map((h) => `${h.auxiliary.text}+${h.participle.text}`),
  );
}

describe('passive constructions', () => {
  it.each([
    ['De ondersteuning wordt zo veel mogelijk in samenhang geleverd.', ['wordt+geleverd']],
    ['De cliëntondersteuner wordt niet beïnvloed door andere belangen.', ['wordt+beïnvloed']],
    ['Het recht is in de wet vastgelegd.', ['is+vastgelegd']],
    ['Er wordt samengewerkt met de gemeente.', ['wordt+samengewerkt']],
    ['Het denken kan worden gestructureerd in drie lagen.', ['worden+gestructureerd']],
    ['Er moeten keuzes gemaakt worden.', ['worden+gemaakt']],
    ['Dat het goed geregeld wordt, is belangrijk.', ['wordt+geregeld']],
    ['De hulp werd door de gemeente betaald.', ['werd+betaald']],
  ])('finds one in "%s"', (text, expected) => {
    expect(passives(text)).toEqual(expected);
  });

  it.each([
    'De cliëntondersteuner is gekomen.',
    'Het gesprek is gisteren begonnen.',
    'Het is bekend dat u hulp kunt krijgen.',
    'Dit is een voorbeeld van een gebied.',
    'Uw kind wordt 18 jaar.',
    'Zij zijn bereid te vertellen wat er speelt.',
    'Het is een aangelegenheid van de gemeente.',
    'Er zijn beperkingen.',
    'Het is het besluit van de gemeente.',
  ])('finds none in "%s"', (text) => {
    expect(passives(text)).toEqual([]);
  });

  it('stops at a comma: the participle belongs to another clause', () => {
    expect(passives('Dit is mijn kind, gisteren geboren.')).toEqual([]);
  });
});
