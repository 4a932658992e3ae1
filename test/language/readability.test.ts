/** The B1 figures: syllables by the layout's hyphenation, Douma's formula, what counts. */
import { describe, expect, it } from 'vitest';
import { syllableCount } from '../../src/layout/text/hyphenate.js';
import { OfficialeseMatcher, officialeseList } from '../../src/language/officialese.js';
import { analyseUnit, figuresOf, fleschDouma } from '../../src/language/readability.js';
import { SourceText } from '../../src/content/source-text.js';
import { locate } from '../../src/content/located.js';
import type { TextUnit, UnitRole } from '../../src/language/units.js';

const matcher = new OfficialeseMatcher(officialeseList());

function unit(value: string, role: UnitRole = 'prose'): TextUnit {
  const source = new SourceText('t.md', value);
  return { text: locate(value, source, 0, value.length), role, placeholders: [] };
}

function figures(...units: TextUnit[]) {
  return figuresOf(
    units.map((u) => analyseUnit(u, matcher, syllableCount)),
    (u, i) => ({ file: 't.md', line: 1, column: u.text.offsets[i]! + 1 }),
  );
}

describe('syllables', () => {
  it.each([
    ['de', 1],
    ['deze', 2],
    ['gemeente', 3],
    ['ouders', 2],
    ['onafhankelijke', 6],
    ['cliëntondersteuning', 6],
    ['vertrouwelijk', 4],
  ])('%s has %i', (word, n) => {
    expect(syllableCount(word)).toBe(n);
  });
});

describe('Flesch–Douma', () => {
  it('is 206.835 − 0.93 × words per sentence − 77 × syllables per word', () => {
    expect(fleschDouma(10, 1.5)).toBe(Math.round((206.835 - 9.3 - 115.5) * 10) / 10);
  });

  it('counts sentences, words, long sentences and long words of running text', () => {
    const long = 'Als ouder kunt u bij een cliëntondersteuner terecht met een vraag over zorg, school, werk, geld, wonen of de buurt waarin u woont.';
    const f = figures(unit(`De gemeente helpt u. ${long}`));
    expect(f.sentences).toBe(2);
    expect(f.words).toBe(4 + 23);
    expect(f.longestSentenceWords).toBe(23);
    expect(f.longSentences).toBe(1);
    expect(f.longSentencePercent).toBe(50);
    // gemeente (3) is not long; cliëntondersteuner (6) is.
    expect(f.longWords).toBe(1);
    expect(f.longestAt).toEqual({ file: 't.md', line: 1, column: 22 });
    expect(f.fleschDouma).not.toBeNull();
  });

  it('leaves labels and pull quotes out, and counts findings only in running text', () => {
    const f = figures(unit('Indien nodig.', 'label'), unit('Indien het nodig is, wordt het geregeld.', 'quote'), unit('Indien het kan, wordt het geregeld.', 'cited'));
    expect(f.sentences).toBe(1);
    expect(f.passives).toBe(0);
    expect(f.officialese).toBe(0);
    expect(figures(unit('Indien het kan, wordt het geregeld.')).officialese).toBe(1);
  });

  it('has no score without sentences', () => {
    expect(figures().fleschDouma).toBeNull();
  });
});

describe('the officialese list', () => {
  const list = officialeseList();

  it('has at least 80 entries, each with an alternative and a reason', () => {
    expect(list.length).toBeGreaterThanOrEqual(80);
    for (const e of list) {
      expect(e.instead.trim(), e.phrase).not.toBe('');
      expect(e.reason.trim(), e.phrase).not.toBe('');
      expect(e.phrase, e.phrase).toBe(e.phrase.toLowerCase());
      if (e.source !== undefined) expect(['ZH', 'RVO']).toContain(e.source);
    }
  });

  it('names each phrase once', () => {
    const forms = list.flatMap((e) => [e.phrase, ...(e.forms ?? [])]);
    expect(new Set(forms).size).toBe(forms.length);
  });
});

describe('the precompiled officialese list', () => {
  it('is the YAML list, and is not used once the YAML changed', async () => {
    const { mkdtemp, readFile, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { precompileOfficialese } = await import('../../src/language/officialese.js');
    const dir = await mkdtemp(join(tmpdir(), 'folderpers-officialese-'));
    try {
      const file = join(dir, 'officialese.json');
      precompileOfficialese(file);
      expect(officialeseList(file)).toEqual(officialeseList(join(dir, 'none.json')));
      const stored = JSON.parse(await readFile(file, 'utf8')) as { source: string; entries: unknown[] };
      await writeFile(file, JSON.stringify({ source: '0'.repeat(64), entries: [] }));
      expect(officialeseList(file).length).toBe(stored.entries.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
