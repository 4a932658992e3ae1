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

  it('suggests a shade of the same hue that passes the same rule, and none darker than needed', () => {
    for (const role of ['primary', 'secondary'] as const) {
      for (const colour of ['#FFD700', '#7FB2E5', '#2E9E3E', '#FF0000', '#BBBBBB', '#E0E0FF', '#00FFFF']) {
        const needed = role === 'primary' ? 4.5 : 3;
        if (contrastRatio(colour, '#FFFFFF') >= needed) continue;
        const message = checkBrandContrast(role, colour, at)?.message ?? '';
        const shade = new RegExp(`write ${role}: "(#[0-9A-F]{6})"`).exec(message)?.[1];
        expect(shade, `${role} ${colour}: ${message}`).toBeDefined();
        expect(checkBrandContrast(role, shade!, at), `${shade} for ${colour}`).toBeUndefined();
        expect(Math.abs(hue(shade!) - hue(colour))).toBeLessThan(3);
        // A little lighter would fail again: the nearest passing shade, not just any darker one.
        expect(contrastRatio(lighter(shade!), '#FFFFFF')).toBeLessThan(needed + 0.1);
      }
    }
  });
});

function hsl(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, d / (1 - Math.abs(2 * l - 1)), l];
}

function hue(hex: string): number {
  return hsl(hex)[0];
}

/** The same colour 2 % lighter. */
function lighter(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return '#' + [r!, g!, b!].map((c) => Math.min(255, Math.round(c + (255 - c) * 0.02)).toString(16).padStart(2, '0')).join('');
}

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
