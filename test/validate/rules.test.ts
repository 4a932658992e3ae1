/** The content rules on their own: edge cases that the fixtures do not spell out. */
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/content/source-text.js';
import { contrastRatio, checkBrandContrast } from '../../src/rules/contrast.js';
import { isEmail } from '../../src/rules/email.js';
import { checkMixedScript } from '../../src/rules/mixed-script.js';
import { phoneE164 } from '../../src/rules/phone.js';
import { checkRepeatedWords } from '../../src/rules/repeated-word.js';
import { checkStrayLetters } from '../../src/rules/stray-letter.js';
import { urlProblem } from '../../src/rules/url.js';
import { isKnownPlaceholder } from '../../src/rules/placeholders.js';

/** A text that stands verbatim at the start of a one-string source. */
function text(value: string) {
  return { value, source: new SourceText('t.md', value), offsets: Array.from(value, (_, i) => i) };
}

const at = { file: 'p.yaml', line: 4, column: 12 };

describe('phone/invalid', () => {
  it.each([
    ['010 282 11 11', '+31102821111'],
    ['(030) 284 32 00', '+31302843200'],
    ['0102821111', '+31102821111'],
    ['+31 10 282 1111', '+31102821111'],
    ['14 071', '+3114071'],
    ['14 0575', '+31140575'],
    ['06 12345678', '+31612345678'],
    ['0800 1234', '+318001234'],
  ])('%s is valid, linked as %s', (written, e164) => {
    expect(phoneE164(written)).toBe(e164);
  });

  it.each(['010 282 11', '12345', 'bel ons', '+1 202 555 0100', ''])('%s is not a valid Dutch number', (written) => {
    expect(phoneE164(written)).toBeUndefined();
  });
});

describe('email/invalid and url/invalid', () => {
  it('accepts ordinary addresses and refuses typing slips', () => {
    expect(isEmail('toegang@blijfmeedoen.nl')).toBe(true);
    expect(isEmail('a.b+c@sub.example.org')).toBe(true);
    for (const bad of ['toegang@', 'toegang@blijfmeedoen', 'toe gang@x.nl', 'a@@x.nl', 'a@x..nl']) expect(isEmail(bad)).toBe(false);
  });

  it('accepts https only, with a domain name', () => {
    expect(urlProblem('https://www.blijfmeedoen.nl/contact?x=1')).toBeUndefined();
    expect(urlProblem('http://www.loc.nl')).toContain('https://');
    expect(urlProblem('https://user:pw@loc.nl')).toContain('password');
    expect(urlProblem('https://localhost')).toContain('domain');
    expect(urlProblem('https://www.loc .nl')).toContain('space');
  });
});

describe('contrast/too-low', () => {
  it('computes WCAG 2.1 ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
    expect(contrastRatio('#FFFFFF', '#FFFFFF')).toBeCloseTo(1, 5);
    expect(contrastRatio('#00811F', '#FFFFFF')).toBeGreaterThan(4.5);
  });

  it('needs 4.5:1 for the primary colour and 3:1 for the secondary colour', () => {
    // #888888 is about 3.5:1 with white: large text only.
    expect(checkBrandContrast('primary', '#888888', at)).toMatchObject({ rule: 'contrast/too-low', line: 4, column: 12, severity: 'error' });
    expect(checkBrandContrast('secondary', '#888888', at)).toBeUndefined();
    expect(checkBrandContrast('secondary', '#BBBBBB', at)?.message).toContain('at least 3:1');
  });
});

describe('text rules', () => {
  it('finds a Greek letter inside a Latin word at its column', () => {
    expect(checkMixedScript(text('De ουδέν en de ouder'))).toEqual([]);
    expect(checkMixedScript(text('Het cliεnt'))).toMatchObject([{ rule: 'text/mixed-script', line: 1, column: 8, severity: 'warning' }]);
  });

  it('finds doubled words, also across a line break, but not Dutch "dat dat"', () => {
    expect(checkRepeatedWords(text('Hij zegt dat dat klopt.'))).toEqual([]);
    expect(checkRepeatedWords(text('de\nde ouder'))).toMatchObject([{ line: 2, column: 1 }]);
    expect(checkRepeatedWords(text('De de ouder, ouder'))).toMatchObject([{ column: 4 }]);
  });

  it('finds stray letters but leaves u, abbreviations and (s) alone', () => {
    expect(checkStrayLetters(text('Kunt u mij helpen, t/m vrijdag, a.s. maandag, mantelzorger(s), e-mail'))).toEqual([]);
    expect(checkStrayLetters(text('artikel 2.3.5, derde lid, onder b'))).toEqual([]);
    expect(checkStrayLetters(text('kunt u mij j ondersteunen'))).toMatchObject([{ rule: 'text/stray-letter', column: 12 }]);
    expect(checkStrayLetters(text('een k aanvraag'))).toMatchObject([{ column: 5 }]);
  });
});

describe('placeholder paths', () => {
  it('are the text fields of the profile and defaults schemas', () => {
    for (const known of ['name', 'contact.phone', 'contact.hours', 'national.email', 'checklist.url', 'checklist.label', 'colophon.kennisnetwerk']) {
      expect(isKnownPlaceholder(known), known).toBe(true);
    }
    for (const unknown of ['contact', 'brand.primary', 'brand.logo', 'sections.x.y', 'contact.fax', 'example', 'contact..phone', '']) {
      expect(isKnownPlaceholder(unknown), unknown).toBe(false);
    }
  });
});
