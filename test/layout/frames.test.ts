import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TextItem } from '../../src/layout/frames.js';
import { layoutDocument } from '../../src/layout/index.js';
import { defaultFontFiles } from '../../src/layout/text/index.js';
import { loadFixture, PROFILES } from '../render-pdf/fixtures.js';
import { env } from '../render-pdf/helpers.js';

const MARGIN = (15 * 72) / 25.4;

describe.each(Object.keys(PROFILES))('frames for %s', (muni) => {
  it.each(['ouderfolder', 'wijzer-professionals', 'drie-lagen'])('%s keeps every text inside the margins', (id) => {
    const profile = PROFILES[muni]!;
    const { frames, diagnostics } = layoutDocument(loadFixture(id, profile), profile, env);
    expect(diagnostics).toEqual([]);
    const texts = frames!.pages.flatMap((p) => p.items.filter((i): i is TextItem => i.type === 'text'));
    for (const t of texts) {
      expect(t.x, t.text).toBeGreaterThanOrEqual(MARGIN - 0.5);
      expect(t.x + t.width, t.text).toBeLessThanOrEqual(frames!.width - MARGIN + 0.5);
      expect(t.y).toBeLessThanOrEqual(frames!.height - 8);
      expect(t.text).not.toContain('\u00ad');
      expect(t.size).toBeGreaterThanOrEqual(8);
      if (t.hyphen) expect(t.text).toBe('-');
    }
    // The name appears on the cover and in every footer.
    expect(texts.filter((t) => t.text.includes(profile.name)).length).toBeGreaterThanOrEqual(frames!.pages.length);
  });
});

describe('coverage', () => {
  it('reports a character the font lacks instead of printing an empty box', () => {
    const profile = PROFILES.rotterdam!;
    const doc = loadFixture('wijzer-professionals', profile);
    if (doc.kind !== 'professional-guide') throw new Error('fixture kind');
    const first = doc.sections[0]!.blocks[0]!;
    if (first.type !== 'paragraph') throw new Error('fixture block');
    first.content = [...first.content, { text: ' Zie ☃ hier.', bold: false, italic: false }];
    const { frames, diagnostics } = layoutDocument(doc, profile, env);
    expect(frames).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toContain('layout/missing-glyph');
    expect(diagnostics[0]!.message).toContain('U+2603');
  });
});

describe('blocks outside the columns', () => {
  it('reports a diagram too tall for the first page as overflow', () => {
    const profile = PROFILES.rotterdam!;
    const doc = loadFixture('drie-lagen', profile);
    if (doc.kind !== 'three-layer-model') throw new Error('fixture kind');
    const long = Array.from({ length: 40 }, () => 'Een lange samenvatting die de laag uitlegt.').join(' ');
    doc.layers = doc.layers.map((l) => ({ ...l, summary: [{ text: long, bold: false, italic: false }] }));
    const { frames, diagnostics } = layoutDocument(doc, profile, env);
    expect(frames).toBeUndefined();
    expect(diagnostics.map((d) => d.rule)).toEqual(['layout/overflow']);
    expect(diagnostics[0]!.message).toMatch(/diagram .* mm too tall/);
  });
});

describe('house font', () => {
  it("sets the text in the profile's own font files", () => {
    const dir = dirname(defaultFontFiles().regular);
    const base = PROFILES.rotterdam!;
    const profile = {
      ...base,
      brand: { ...base.brand, font: { regular: join(dir, 'SourceSans3-Light.ttf'), bold: join(dir, 'SourceSans3-Black.ttf'), italic: join(dir, 'SourceSans3-LightIt.ttf') } },
    };
    const { frames, diagnostics } = layoutDocument(loadFixture('wijzer-professionals', profile), profile, env);
    expect(diagnostics).toEqual([]);
    // The house faces, then the bundled faces the contact values are set in (issue 10).
    expect(frames!.fonts.map((f) => f.id)).toEqual(['SourceSans3-Light', 'SourceSans3-Black', 'SourceSans3-LightIt', 'SourceSans3-Regular', 'SourceSans3-Bold']);
    const texts = frames!.pages.flatMap((p) => p.items.flatMap((i) => (i.type === 'text' ? [i] : [])));
    const contact = texts.filter((t) => t.contact !== undefined);
    expect(new Set(contact.map((t) => t.contact))).toEqual(new Set(['contact.organisation', 'contact.phone', 'contact.email', 'contact.website', 'contact.hours']));
    expect(contact.every((t) => t.font === 'SourceSans3-Regular' || t.font === 'SourceSans3-Bold')).toBe(true);
    const others = texts.filter((t) => t.contact === undefined && !t.hyphen);
    expect(others.length).toBeGreaterThan(50);
    expect(others.every((t) => t.font.startsWith('SourceSans3-L') || t.font === 'SourceSans3-Black')).toBe(true);
  });
});
