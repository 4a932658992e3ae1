/**
 * Every box in both directions: closing blocks, footers, contact values and words that do
 * not fit are reported where they are written, or laid out so that they fit.
 */
import { describe, expect, it } from 'vitest';
import { checkFrames } from '../../src/check/index.js';
import type { Block, ParentLeaflet, ProfessionalGuide } from '../../src/content/model.js';
import type { TextItem } from '../../src/layout/frames.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import type { Run } from '../../src/resolve/runs.js';
import { loadFixture, PROFILES } from '../render-pdf/fixtures.js';
import { env } from '../render-pdf/helpers.js';

const rotterdam = PROFILES.rotterdam!;
const at = (line: number) => ({ file: 'content/municipalities/rotterdam/aanvragen.md', line, column: 1 });
const texts = (pages: { items: unknown[] }[]) => pages.flatMap((p) => (p.items as TextItem[]).filter((i) => i.type === 'text'));

function guideWith(extra: (n: number) => Block<Run[]>, count: number, p: MergedProfile = rotterdam): ProfessionalGuide<Run[]> {
  const doc = loadFixture('wijzer-professionals', p) as ProfessionalGuide<Run[]>;
  const contact = doc.sections.find((s) => s.id === 'contact')!;
  contact.blocks = [...contact.blocks, ...Array.from({ length: count }, (_, i) => extra(i))];
  return doc;
}

describe('the closing contact block', () => {
  it('that is taller than a page is an overflow error at the section\'s text, not items over the footer', () => {
    const doc = guideWith((i) => ({ type: 'list', ordered: false, items: [[{ text: `Punt ${i} van de lijst met iets tekst erbij`, bold: false, italic: false }]], at: at(i + 3) }), 45);
    const contact = doc.sections.find((s) => s.id === 'contact')!;
    const { frames, diagnostics } = layoutDocument(doc, rotterdam, env);
    expect(frames).toBeUndefined();
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'layout/overflow', severity: 'error', file: contact.blocks[0]!.at.file, line: contact.blocks[0]!.at.line });
    expect(diagnostics[0]!.message).toMatch(
      /^Document "wijzer-professionals" for Gemeente Rotterdam: the closing block \(section "Hoe u onafhankelijke cliëntondersteuning aanvraagt" \(#contact\) with the contact card and the colophon\) is \d+ pt \(\d+ mm\) too tall for a page of its own\. Shorten its text\.$/,
    );
  });

  it('of 30 more paragraphs is an error too, not a PDF that shows a fifth of them', () => {
    const sentence = 'Dit is een zin in een extra alinea van de contactsectie, met genoeg woorden om een regel te vullen.';
    const doc = guideWith((i) => ({ type: 'paragraph', content: [{ text: `${sentence} ${sentence} ${sentence}`, bold: false, italic: false }], at: at(i + 3) }), 30);
    const { frames, diagnostics } = layoutDocument(doc, rotterdam, env);
    expect(frames).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(['layout/overflow']);
  });

  it('that fits is laid out as before, and passes the frames check', () => {
    const doc = guideWith((i) => ({ type: 'list', ordered: false, items: [[{ text: `Punt ${i}`, bold: false, italic: false }]], at: at(i + 3) }), 3);
    const { frames, diagnostics } = layoutDocument(doc, rotterdam, env);
    expect(diagnostics).toEqual([]);
    expect(checkFrames(frames!)).toEqual([]);
  });
});

describe('the widest profile the schema allows', () => {
  const wide: MergedProfile = { ...rotterdam, name: 'W'.repeat(60), contact: { ...rotterdam.contact, organisation: 'M'.repeat(60) } };

  it('wraps the footer above the page number instead of printing over it', () => {
    const { frames, diagnostics } = layoutDocument(loadFixture('wijzer-professionals', wide), wide, env);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checkFrames(frames!)).toEqual([]);
    const page = texts(frames!.pages.slice(0, 1));
    const number = page.find((t) => t.text.startsWith('Pagina 1 van'))!;
    const footer = page.filter((t) => t.node === undefined && t !== number && t.y > frames!.height - 60);
    expect(footer.length).toBeGreaterThan(1);
    for (const t of footer) expect(t.x + t.width).toBeLessThan(number.x);
    // The name stays whole: its pieces give it back.
    expect(footer.filter((t) => !t.hyphen).map((t) => t.text).join('')).toContain('W'.repeat(40));
  });

  it('cuts an organisation without a break point in the contact card, with a warning at its line', () => {
    const positions = new Map([['/contact/organisation', { file: 'content/municipalities/wide.yaml', line: 6, column: 17 }]]);
    const { frames, diagnostics } = layoutDocument(loadFixture('wijzer-professionals', wide), wide, env, positions);
    expect(frames).toBeDefined();
    const cut = diagnostics.filter((d) => d.file === 'content/municipalities/wide.yaml');
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatchObject({ rule: 'layout/word-broken', severity: 'warning', line: 6, column: 17 });
    expect(cut[0]!.message).toMatch(/in the contact card, the word "M+…" is wider than its column/);
    const org = texts(frames!.pages).filter((t) => t.contact === 'contact.organisation');
    expect(org.length).toBeGreaterThan(1);
    expect(org.map((t) => t.text).join('')).toBe('M'.repeat(60));
  });

  it('reports a web address that cannot break at its line in the profile, naming the field', () => {
    const p = { ...rotterdam, contact: { ...rotterdam.contact, website: `https://www.${'w'.repeat(60)}.example` } };
    const positions = new Map([['/contact/website', { file: 'content/municipalities/wide.yaml', line: 9, column: 12 }]]);
    const { frames, diagnostics } = layoutDocument(loadFixture('wijzer-professionals', p), p, env, positions);
    expect(frames).toBeUndefined();
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const d of errors) expect(d).toMatchObject({ rule: 'layout/overflow', file: 'content/municipalities/wide.yaml', line: 9, column: 12 });
    expect(errors[0]!.message).toMatch(/contact\.website "www\.w+…" \(its part "\.w+…"\) is \d+ pt \(\d+ mm\) wider than its column and cannot be broken/);
  });
});

describe('an unbreakable word in the body text', () => {
  it('is cut between characters inside its column, with a warning at its paragraph', () => {
    const doc = loadFixture('ouderfolder', rotterdam) as ParentLeaflet<Run[]>;
    const section = doc.sections[0]!;
    const para: Block<Run[]> = { type: 'paragraph', content: [{ text: `Een woord als ${'M'.repeat(70)} past niet.`, bold: false, italic: false }], at: { file: doc.file, line: 42, column: 1 } };
    section.blocks = [para, ...section.blocks];
    const { frames, diagnostics } = layoutDocument(doc, rotterdam, env);
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'layout/word-broken', severity: 'warning', file: doc.file, line: 42 })]);
    expect(checkFrames(frames!)).toEqual([]);
    const pieces = texts(frames!.pages).filter((t) => /^M+( |$)/.test(t.text));
    expect(pieces.length).toBeGreaterThan(1);
    const colRight = Math.max(...texts(frames!.pages).filter((t) => t.x < frames!.width / 2 && t.node !== undefined).map((t) => t.x + t.width));
    for (const t of pieces) expect(t.x + t.width).toBeLessThanOrEqual(colRight + 0.01);
  });
});
