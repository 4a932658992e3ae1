import { describe, expect, it } from 'vitest';
import {
  breakLines,
  defaultFontFiles,
  hyphenatedForm,
  hyphenationBreaks,
  loadFontSet,
  measure,
} from '../../src/layout/text/index.js';
import type { Run } from '../../src/resolve/runs.js';

const fonts = loadFontSet(defaultFontFiles());
const plain = (text: string): Run => ({ text, bold: false, italic: false });

describe('Dutch hyphenation', () => {
  it('splits cliëntondersteuning at the compound joint, not inside "ënt"', () => {
    expect(hyphenatedForm('cliëntondersteuning')).toBe('cliënt-on-der-steu-ning');
    expect(hyphenatedForm('Cliëntondersteuners')).toBe('Cliënt-on-der-steu-ners');
    expect(hyphenatedForm('cliëntondersteuningsvraag')).toMatch(/^cliënt-on-der/);
  });
  it('never breaks right before a trema, where Dutch would drop it', () => {
    for (const word of ['cliënten', 'ideeën', 'geïnteresseerd', 'Cliëntenorganisaties', 'coördinatie', 'zoëven']) {
      const form = hyphenatedForm(word);
      expect(form.replace(/-/g, '')).toBe(word);
      expect(form, word).not.toMatch(/-[äëïöüÄËÏÖÜ]/u);
    }
    expect(hyphenatedForm('cliëntenorganisaties')).toBe('cliën-ten-or-ga-ni-sa-ties');
  });
  it('marks compound joints as the preferred breaks', () => {
    const joints = hyphenationBreaks('cliëntondersteuning').filter((b) => b.preferred).map((b) => b.at);
    expect(joints).toEqual([6, 11]);
    expect(hyphenationBreaks('ondersteuning').filter((b) => b.preferred).map((b) => b.at)).toEqual([5]);
  });
  it('uses the patterns for ordinary words', () => {
    expect(hyphenatedForm('maatschappelijke')).toBe('maat-schap-pe-lijke');
    expect(hyphenatedForm('zelfredzaamheid')).toBe('zelf-red-zaam-heid');
  });
});

describe('line breaking', () => {
  const text =
    'Onafhankelijke cliëntondersteuners kunnen u helpen een antwoord te vinden op uw vragen. ' +
    'U hebt de vrijheid om te kiezen voor een cliëntondersteuner die past bij uw ondersteuningsvraag, ' +
    'op een tijdstip waarop u het nodig hebt.';
  const style = { fonts, size: 10 };

  it('keeps every line within the measure and loses no characters', () => {
    const lines = breakLines([plain(text)], style, 140);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(140.01);
    const rebuilt = lines
      .map((l) => l.segments.filter((s) => !s.hyphen).map((s) => s.text + (s.suffix ?? '')).join(''))
      .join('');
    expect(rebuilt.trim()).toBe(text);
    for (const l of lines) for (const s of l.segments) expect(s.text).not.toContain('\u00ad');
  });

  it('adds a hyphen as its own segment', () => {
    const lines = breakLines([plain(text)], style, 60);
    const hyphens = lines.flatMap((l) => l.segments.filter((s) => s.hyphen));
    expect(hyphens.length).toBeGreaterThan(0);
    for (const h of hyphens) expect(h.text).toBe('-');
  });

  it('never breaks inside a phone number or e-mail address', () => {
    const runs: Run[] = [
      plain('Bel ons op '),
      { text: '010 282 11 11', bold: true, italic: false, atomic: true, link: { kind: 'tel', href: 'tel:+31102821111', description: 'Bel 010 282 11 11' } },
      plain(' of mail naar '),
      { text: 'toegang@blijfmeedoen.nl', bold: false, italic: false, atomic: true, link: { kind: 'mailto', href: 'mailto:toegang@blijfmeedoen.nl', description: 'Mail toegang@blijfmeedoen.nl' } },
      plain(' voor een afspraak.'),
    ];
    for (const width of [70, 90, 120, 200]) {
      const lines = breakLines(runs, style, width);
      const linked = lines.flatMap((l) => l.segments.filter((s) => s.link).map((s) => s.text.trim()));
      expect(linked).toContain('010 282 11 11');
      if (width >= 120) expect(linked).toContain('toegang@blijfmeedoen.nl');
      else expect(linked).toEqual(expect.arrayContaining(['toegang@', 'blijfmeedoen.nl']));
    }
  });

  it('breaks a URL wider than the column after a slash', () => {
    const url = 'https://kennisnetjeugd.nl/werkgroep/80-kennisnetwerk-jeugd-en-ouders-als-partners';
    const runs: Run[] = [{ text: url, bold: false, italic: false, atomic: true, link: { kind: 'https', href: url, description: url } }];
    const lines = breakLines(runs, style, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.segments.map((s) => s.text).join('')).join('')).toBe(url);
    expect(lines.flatMap((l) => l.segments).some((s) => s.hyphen)).toBe(false);
    expect(lines[0]!.segments[0]!.text.endsWith('/')).toBe(true);
  });

  it('measures like fontkit shapes', () => {
    const w = measure(fonts.regular, 'Gemeente', 10);
    expect(w).toBeGreaterThan(30);
    expect(w).toBeLessThan(50);
  });
});

describe('addresses in running text', () => {
  it('breaks a long URL written as text after a slash, never after its hyphens', () => {
    const url = 'kennisnetjeugd.nl/werkgroep/80-kennisnetwerk-jeugd-en-ouders-als-partners-in-de-jeugdhulp';
    const runs: Run[] = [plain('Meer informatie: '), { text: url, bold: false, italic: false, link: { kind: 'https', href: `https://${url}`, description: url } }];
    const lines = breakLines(runs, { fonts, size: 8 }, 250);
    const ends = lines.slice(0, -1).map((l) => l.segments.map((s) => s.text).join(''));
    for (const e of ends) expect(e.trimEnd()).toMatch(/(\/|:)$/);
  });
});

describe('a word wider than its column', () => {
  const text = (lines: ReturnType<typeof breakLines>) =>
    lines.map((l) => l.segments.filter((s) => !s.hyphen).map((s) => s.text + (s.suffix ?? '')).join('')).join('');
  const widest = (lines: ReturnType<typeof breakLines>) => Math.max(...lines.map((l) => l.width));

  it('is cut between two characters when it has no hyphenation point, and says so', () => {
    // The Dutch patterns find no hyphenation point in "MMM…" (they do in "WWW…").
    const word = 'M'.repeat(60);
    const lines = breakLines([plain(`Gemeente ${word}`)], { fonts, size: 10 }, 120);
    expect(widest(lines)).toBeLessThanOrEqual(120);
    expect(text(lines)).toBe(`Gemeente ${word}`);
    expect(lines.flatMap((l) => l.segments).some((s) => s.hyphen)).toBe(false);
    // "Gemeente" on its own line, then the word in pieces: each but the last ends in a cut.
    expect(lines.map((l) => l.brokenWord)).toEqual([undefined, ...Array<string>(lines.length - 2).fill(word), undefined]);
  });

  it('in a heading is hyphenated at a legal point before it is ever cut', () => {
    const word = 'Cliëntondersteuningsorganisatievoorzieningen';
    const lines = breakLines([plain(word)], { fonts, size: 20, bold: true, hyphenate: false }, 150);
    expect(lines.length).toBeGreaterThan(1);
    expect(widest(lines)).toBeLessThanOrEqual(150);
    expect(lines.some((l) => l.brokenWord !== undefined)).toBe(false);
    expect(lines.slice(0, -1).every((l) => l.segments[l.segments.length - 1]!.hyphen)).toBe(true);
    // A word that fits is still never hyphenated in a heading.
    expect(breakLines([plain('Meer weten over ondersteuning?')], { fonts, size: 20, bold: true, hyphenate: false }, 150).flatMap((l) => l.segments).some((s) => s.hyphen)).toBe(false);
  });

  it('as an e-mail address breaks before a dot when "@" is not enough, and is never cut', () => {
    const email = 'voornaam.achternaam.clientondersteuner@gemeente-westerkwartier.example';
    const runs: Run[] = [{ text: email, bold: true, italic: false, atomic: true, link: { kind: 'mailto', href: `mailto:${email}`, description: email }, field: 'contact.email' }];
    const lines = breakLines(runs, { fonts, size: 10 }, 120);
    expect(widest(lines)).toBeLessThanOrEqual(120);
    expect(text(lines)).toBe(email);
    expect(lines.some((l) => l.brokenWord !== undefined)).toBe(false);
    expect(lines.map((l) => l.segments[0]!.text)).toEqual(['voornaam.achternaam', '.clientondersteuner@', 'gemeente-westerkwartier', '.example']);
  });

  it('as a phone number stays whole, wider than the column: the layout reports it', () => {
    const runs: Run[] = [{ text: '0111 23 45 67', bold: true, italic: false, atomic: true, link: { kind: 'tel', href: 'tel:+31111234567', description: 'Bel' }, field: 'contact.phone' }];
    const lines = breakLines(runs, { fonts, size: 10 }, 30);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.width).toBeGreaterThan(30);
    expect(lines[0]!.segments[0]!.field).toBe('contact.phone');
  });

  it('changes nothing for words that fit', () => {
    const runs = [plain('Onafhankelijke cliëntondersteuning is gratis en vertrouwelijk voor iedereen in de gemeente.')];
    const lines = breakLines(runs, { fonts, size: 10 }, 140);
    expect(lines.some((l) => l.brokenWord !== undefined)).toBe(false);
  });
});
