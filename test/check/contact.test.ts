/**
 * The contact self-check on real layouts, and on copies of their frames with one defect
 * each: a value dropped, cut, pushed off the paper, overprinted, or covered.
 */
import { describe, expect, it } from 'vitest';
import { checkContacts, expectedContacts, selfCheck } from '../../src/check/index.js';
import type { Frames, TextItem } from '../../src/layout/frames.js';
import { layoutDocument } from '../../src/layout/index.js';
import { layoutTaskPerMoment, layoutThreeLayerDiagram } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import { loadFixture, PROFILES } from '../render-pdf/fixtures.js';
import { env } from '../render-pdf/helpers.js';
import { profile as pictureProfile, taskPerMoment, threeLayerModel } from '../infographic/fixtures.js';

const fonts = loadFontSet(defaultFontFiles());
const rotterdam = PROFILES.rotterdam!;
const guide = loadFixture('wijzer-professionals', rotterdam);

function laidOut(p: MergedProfile = rotterdam, doc = guide): Frames {
  const { frames, diagnostics } = layoutDocument(doc, p, env);
  expect(diagnostics).toEqual([]);
  return frames!;
}

const copy = (f: Frames): Frames => structuredClone(f);

function items(f: Frames, field: string): Array<{ page: number; index: number; item: TextItem }> {
  const out: Array<{ page: number; index: number; item: TextItem }> = [];
  f.pages.forEach((p, page) =>
    p.items.forEach((item, index) => {
      if (item.type === 'text' && item.contact === field) out.push({ page, index, item });
    }),
  );
  return out;
}

const problems = (f: Frames, doc = guide, p = rotterdam) => checkContacts(f, expectedContacts(doc, p, 'pdf')).map((x) => `${x.value.field}: ${x.problem}`);

describe('expected contact values', () => {
  it('are the placeholders in the text and the contact card', () => {
    const values = expectedContacts(guide, rotterdam, 'pdf');
    const byField = Object.fromEntries(values.map((v) => [v.field, [v.text, v.places.join(', ')]]));
    expect(byField).toEqual({
      'contact.organisation': ['MEE Rotterdam Rijnmond', 'the contact card'],
      'contact.phone': ['010 282 11 11', 'the text, the contact card'],
      'contact.email': ['toegang@blijfmeedoen.nl', 'the text, the contact card'],
      'contact.website': ['www.blijfmeedoen.nl', 'the text, the contact card'],
      'contact.hours': ['maandag t/m vrijdag tussen 9.00 en 17.00 uur', 'the contact card'],
    });
  });

  it('are the footer band on the pictures, and only the diagram on the three-layer picture', () => {
    const fields = (vs: ReturnType<typeof expectedContacts>) => vs.map((v) => v.field).sort();
    expect(fields(expectedContacts(taskPerMoment(), pictureProfile(), 'picture'))).toEqual(['contact.organisation', 'contact.phone', 'contact.website', 'name']);
    expect(fields(expectedContacts(threeLayerModel(), pictureProfile(), 'picture'))).toEqual(['contact.organisation', 'contact.phone', 'contact.website', 'name']);
  });
});

describe('checkContacts', () => {
  it('passes the real layouts, where each value stands whole and visible', () => {
    const frames = laidOut();
    expect(items(frames, 'contact.phone').length).toBe(2);
    expect(problems(frames)).toEqual([]);
    const tpm = layoutTaskPerMoment(taskPerMoment(), pictureProfile(), { fonts }).frames;
    expect(checkContacts(tpm, expectedContacts(taskPerMoment(), pictureProfile(), 'picture'))).toEqual([]);
    const diagram = layoutThreeLayerDiagram(threeLayerModel(), pictureProfile(), { fonts }).frames;
    expect(checkContacts(diagram, expectedContacts(threeLayerModel(), pictureProfile(), 'picture'))).toEqual([]);
  });

  it('passes a web address broken after a slash over two lines', () => {
    const long = { ...rotterdam, contact: { ...rotterdam.contact, website: 'https://www.blijfmeedoen.nl/clientondersteuning/aanvragen/formulier-voor-professionals' } };
    const frames = laidOut(long, loadFixture('wijzer-professionals', long));
    const pieces = items(frames, 'contact.website').map((i) => i.item.text);
    expect(pieces.length).toBeGreaterThan(2);
    expect(problems(frames, loadFixture('wijzer-professionals', long), long)).toEqual([]);
  });

  it('passes a value whose two lines stand on two pages, and reports one interrupted by other text', () => {
    const piece = (text: string, x: number): TextItem => ({ type: 'text', x, y: 100, font: fonts.regular.id, size: 10, color: '#000000', text, width: 60, node: 5, link: { href: 'https://www.blijfmeedoen.nl', node: 5 }, contact: 'contact.website' });
    const expected = [{ field: 'contact.website', text: 'www.blijfmeedoen.nl', places: ['the text'] }];
    const frames = (...pages: TextItem[][]): Frames => ({ ...laidOut(), pages: pages.map((items) => ({ items })) });
    expect(checkContacts(frames([piece('www.blijfmeedoen', 100)], [piece('.nl', 100)]), expected)).toEqual([]);
    const other: TextItem = { ...piece('en verder', 300), contact: undefined, link: undefined };
    expect(checkContacts(frames([piece('www.blijfmeedoen', 100), other], [piece('.nl', 100)]), expected).map((p) => p.problem)).toEqual([
      'it is printed as "www.blijfmeedoen", not whole',
      'it is printed as ".nl", not whole',
      'it must be printed 1 time (in the text) and is legible 0 times',
    ]);
  });

  it('reports a value that is missing', () => {
    const frames = copy(laidOut());
    const [card] = items(frames, 'contact.phone').slice(-1);
    frames.pages[card!.page]!.items.splice(card!.index, 1);
    expect(problems(frames)).toEqual(['contact.phone: it must be printed 2 times (in the text, in the contact card) and is legible 1 time']);
  });

  it('reports a value that is cut', () => {
    const frames = copy(laidOut());
    const [phone] = items(frames, 'contact.phone');
    phone!.item.text = '010 282 11';
    expect(problems(frames)).toEqual([
      'contact.phone: it is printed as "010 282 11", not whole',
      'contact.phone: it must be printed 2 times (in the text, in the contact card) and is legible 1 time',
    ]);
  });

  it('reports a value pushed off the paper', () => {
    const frames = copy(laidOut());
    const [, card] = items(frames, 'contact.email');
    card!.item.x = frames.width - 20;
    expect(problems(frames)).toEqual([
      expect.stringMatching(/^contact\.email: "toegang@blijfmeedoen\.nl" on page 1 reaches \d+ pt outside the printable area$/),
      'contact.email: it must be printed 2 times (in the text, in the contact card) and is legible 1 time',
    ]);
  });

  it('reports a value overprinted by other text', () => {
    const frames = copy(laidOut());
    const [card] = items(frames, 'contact.organisation');
    frames.pages[card!.page]!.items.push({ ...card!.item, contact: undefined, text: 'Iets anders', x: card!.item.x + 10 });
    expect(problems(frames)[0]).toBe('contact.organisation: "MEE Rotterdam Rijnmond" on page 1 is overprinted by "Iets anders"');
  });

  it('reports a value covered by a shape painted after it, not by one painted before', () => {
    const frames = copy(laidOut());
    const [phone] = items(frames, 'contact.phone');
    const { x, y, width } = phone!.item;
    const patch = { type: 'rect' as const, x, y: y - 8, width, height: 8, fill: '#FFFFFF' };
    const before = copy(frames);
    before.pages[phone!.page]!.items.splice(phone!.index, 0, patch);
    expect(problems(before)).toEqual([]);
    frames.pages[phone!.page]!.items.push(patch);
    expect(problems(frames)[0]).toBe('contact.phone: "010 282 11 11" on page 1 is covered by a rect drawn after it');
  });

  it('becomes an error diagnostic at the value\'s line in the profile', () => {
    const frames = copy(laidOut());
    const [card] = items(frames, 'contact.website').slice(-1);
    frames.pages[card!.page]!.items.splice(card!.index, 1);
    const at = { file: 'content/municipalities/rotterdam.yaml', line: 12, column: 12 };
    const d = selfCheck(frames, 'pdf', guide, rotterdam, new Map([['/contact/website', at]]));
    expect(d).toEqual([
      {
        ...at,
        severity: 'error',
        rule: 'check/contact',
        message:
          'Document "wijzer-professionals" for Gemeente Rotterdam, the PDF: contact.website "www.blijfmeedoen.nl": it must be printed 2 times (in the text, in the contact card) and is legible 1 time. A leaflet with a missing or hidden contact detail is not written.',
      },
    ]);
  });
});
