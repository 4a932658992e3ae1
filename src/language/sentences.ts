/**
 * Sentences and words of a text unit, by retext's Dutch parser (`parse-dutch`, the parser
 * behind `retext-dutch`): it knows Dutch abbreviations ("bijv.", "o.a.", "t/m") and
 * elisions ("'s avonds"), so "Zie art. 1.1.1 Wmo." stays one sentence. Offsets are indices
 * into the unit's value; the unit's located text maps them to the source.
 */
import type { Nodes, Root, Sentence } from 'nlcst';
import { ParseDutch } from 'parse-dutch';

export interface Token {
  /** The word as written ("cliëntondersteuner", "9.00", "e-mail"). */
  text: string;
  index: number;
  end: number;
}

export interface ParsedSentence {
  index: number;
  end: number;
  /** Words with a letter or digit; punctuation and symbols are not words. */
  words: Token[];
}

const parser = new ParseDutch();

function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function sentencesIn(root: Root): Sentence[] {
  const out: Sentence[] = [];
  for (const paragraph of root.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const child of paragraph.children) if (child.type === 'SentenceNode') out.push(child);
  }
  return out;
}

export function parseSentences(value: string): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  for (const sentence of sentencesIn(parser.parse(value))) {
    const words: Token[] = [];
    for (const child of sentence.children) {
      if (child.type !== 'WordNode') continue;
      const text = textOf(child);
      if (!/[\p{L}\p{N}]/u.test(text)) continue;
      words.push({ text, index: child.position?.start.offset ?? 0, end: child.position?.end.offset ?? 0 });
    }
    if (words.length === 0) continue;
    out.push(...splitAtPronoun({ index: sentence.position?.start.offset ?? 0, end: sentence.position?.end.offset ?? 0, words }));
  }
  return out;
}

/**
 * The parser takes a lower-case letter with a full stop for an initial, so "Wij helpen u.
 * U kunt bellen." would be one sentence. In Dutch that letter is nearly always the pronoun
 * "u" ending a sentence: split there when the next word starts with a capital.
 */
function splitAtPronoun(sentence: ParsedSentence): ParsedSentence[] {
  const out: ParsedSentence[] = [];
  let current: ParsedSentence = { index: sentence.index, end: sentence.end, words: [] };
  sentence.words.forEach((word, i) => {
    const next = sentence.words[i + 1];
    if (/^\p{Ll}\.$/u.test(word.text) && next && /^\p{Lu}/u.test(next.text)) {
      current.words.push({ text: word.text.slice(0, -1), index: word.index, end: word.end - 1 });
      current.end = word.end;
      out.push(current);
      current = { index: next.index, end: sentence.end, words: [] };
      return;
    }
    current.words.push(word);
  });
  out.push(current);
  return out;
}
