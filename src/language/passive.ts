/**
 * `language/passive`: Dutch passive constructions, found by a heuristic over the words of
 * one sentence (there is no Dutch part-of-speech tagger among the libraries we can use):
 *
 * - a form of *worden* with a past participle: "wordt … geleverd", "kan worden
 *   gestructureerd", and the other order of a subordinate clause: "dat het geregeld wordt";
 * - a form of *zijn* followed by a participle: "is vastgelegd", "zijn opgenomen". Verbs
 *   whose perfect tense is made with *zijn* ("is gekomen", "is gebeurd") are not passive
 *   and are left out, as are participles that are mostly adjectives ("is bekend").
 *
 * A participle is a word starting with *ge-* (after a separable prefix such as *vast-*,
 * *op-*, *aan-*) or with an unstressed prefix (*be-*, *ver-*, *ont-*, *her-*, *er-*), and
 * ending in -d, -t or -en. Only a few words may stand between the auxiliary and the
 * participle, and not a comma or another clause. It finds most passives in this kind of
 * text and misses some (irregular participles without a prefix); every hit is shown with
 * both words, so a wrong one is easy to dismiss.
 */
import type { Token } from './sentences.js';

export const PASSIVE_RULE = 'language/passive';

const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden', 'geworden']);
const ZIJN = new Set(['is', 'zijn', 'was', 'waren', 'ben', 'bent', 'geweest']);

const SEPARABLE = [
  'aan', 'af', 'bij', 'binnen', 'door', 'in', 'mee', 'na', 'om', 'onder', 'op', 'over', 'samen', 'tegen', 'terug', 'toe',
  'uit', 'vast', 'voor', 'weg', 'vrij', 'goed', 'bekend', 'neer', 'rond', 'tot', 'vooraf', 'open', 'dicht',
];
const PREFIXES = `(?:${SEPARABLE.join('|')})?`;
const GE_PARTICIPLE = new RegExp(`^${PREFIXES}ge\\p{L}{2,}(?:d|t|en)$`, 'u');
/** "beïnvloed", "vastgesteld" … ; with -en ("verkregen") only after worden: "zijn vertellen" is no passive. */
const PREFIX_PARTICIPLE = new RegExp(`^${PREFIXES}(?:be|ver|ont|her|er)\\p{L}{2,}(?:d|t)$`, 'u');
const PREFIX_PARTICIPLE_EN = new RegExp(`^${PREFIXES}(?:be|ver|ont|her|er)\\p{L}{2,}en$`, 'u');

/** Participles that are (mostly) adjectives or nouns, and verbs conjugated with zijn. */
const NOT_PASSIVE_WITH_ZIJN = new Set([
  'gekomen', 'gegaan', 'gebleven', 'geworden', 'geweest', 'gebeurd', 'gestorven', 'gevallen', 'gelopen', 'gevlucht',
  'vertrokken', 'verdwenen', 'begonnen', 'gestopt', 'veranderd', 'gegroeid', 'ontstaan', 'overleden', 'opgegroeid',
  'verhuisd', 'geslaagd', 'gelukt', 'mislukt', 'geboren', 'verschenen', 'ontsnapt', 'teruggekomen', 'thuisgekomen',
  'bekend', 'gewend', 'gezond', 'geschikt', 'gericht', 'gelegen', 'geleden', 'gesloten', 'geopend', 'bezet', 'bereid',
  'betrokken', 'bevoegd', 'gerechtigd', 'verplicht', 'verantwoordelijk', 'beschikbaar', 'gehandicapt', 'getrouwd',
  'gescheiden', 'verzekerd', 'verbonden', 'gewenst', 'gevestigd', 'aangesloten', 'tevreden', 'bedoeld', 'benieuwd',
  'verliefd', 'verbaasd', 'geïnteresseerd', 'bezorgd', 'bang', 'gebonden', 'voldoende', 'verstandelijk',
]);
/** Words ending like a participle that are not one. */
const NOT_PARTICIPLE = new Set([
  'geen', 'gemeenten', 'gebieden', 'gesprekken', 'gevallen', 'genoeg', 'gezien', 'gedurende', 'betreft', 'bent',
  'eigen', 'open', 'even', 'heen', 'hierbij', 'verder', 'vervolgens', 'tegen', 'overigens', 'ervaren', 'erkent',
  'gezinnen', 'gegevens', 'getallen', 'gedachten', 'gewoonten', 'beiden', 'verschillen', 'verschillend', 'bedrijven',
  'besluiten', 'bewoners', 'ouders', 'bestaan', 'verhalen',
  // Nouns of the same shape: "het besluit", "het gebied", "een voorbeeld".
  'besluit', 'gebied', 'voorbeeld', 'verband', 'beleid', 'bezit', 'geluid', 'gezicht', 'gewicht', 'bericht', 'gedicht',
  'verdriet', 'gebit', 'geduld', 'gevoel', 'verschil', 'gebruik', 'verbod', 'verlof', 'verzet', 'bedrag', 'gezag', 'beroep',
]);
/** Noun endings: "aangelegenheid", "beperkingen", "verscheidenheid". */
const NOUN_ENDING = /(?:heid|heden|ing|ingen|schap|nis|sel)$/u;
/** Words that end the clause the auxiliary belongs to. */
const CLAUSE_END = new Set(['en', 'of', 'maar', 'want', 'dat', 'die', 'omdat', 'als', 'wanneer', 'waar', 'wie', 'zodat', 'terwijl', 'dan']);
/** At most this many words between the auxiliary and its participle. */
const WINDOW = 8;

export interface PassiveHit {
  auxiliary: Token;
  participle: Token;
}

function isParticiple(words: readonly Token[], j: number, withZijn: boolean): boolean {
  const lower = words[j]!.text.toLowerCase();
  // Most words end otherwise: decided before any of the longer tests.
  if (!/(?:d|t|en)$/.test(lower)) return false;
  // "te betalen", "te verkrijgen": an infinitive.
  if (NOT_PARTICIPLE.has(lower) || NOUN_ENDING.test(lower) || words[j - 1]?.text.toLowerCase() === 'te') return false;
  const shaped = GE_PARTICIPLE.test(lower) || PREFIX_PARTICIPLE.test(lower) || (!withZijn && PREFIX_PARTICIPLE_EN.test(lower));
  return shaped && !(withZijn && NOT_PASSIVE_WITH_ZIJN.has(lower));
}

/** `between(i, j)`: the text between two words, to see a comma or other clause mark. */
export function findPassives(words: readonly Token[], between: (a: Token, b: Token) => string): PassiveHit[] {
  const hits: PassiveHit[] = [];
  const used = new Set<number>();
  words.forEach((word, i) => {
    const lower = word.text.toLowerCase();
    const worden = WORDEN.has(lower);
    if (!worden && !ZIJN.has(lower)) return;
    // Auxiliary first: "wordt … geleverd", "is … vastgelegd".
    for (let j = i + 1; j < words.length && j <= i + WINDOW + 1; j++) {
      const next = words[j]!;
      if (/[,;:()]/.test(between(words[j - 1]!, next)) || CLAUSE_END.has(next.text.toLowerCase())) break;
      if (WORDEN.has(next.text.toLowerCase()) && !worden) break;
      if (isParticiple(words, j, !worden) && !used.has(j)) {
        hits.push({ auxiliary: word, participle: next });
        used.add(j);
        return;
      }
    }
    // Participle first, as subordinate clauses have it: "dat het geregeld (kan) wordt/worden".
    if (!worden) return;
    for (let j = i - 1; j >= 0 && j >= i - 2; j--) {
      const prev = words[j]!;
      if (/[,;:()]/.test(between(prev, words[j + 1]!))) break;
      if (isParticiple(words, j, false) && !used.has(j)) {
        hits.push({ auxiliary: word, participle: prev });
        used.add(j);
        return;
      }
    }
  });
  return hits;
}
