import { describe, expect, it } from 'vitest';
import type { FrameItem, RectItem } from '../../src/layout/frames.js';
import { auditContrast, layoutTaskPerMoment } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import type { Run } from '../../src/resolve/runs.js';
import { altText } from '../../src/render/svg/index.js';
import { profile, SUDWEST, TASKS, taskPerMoment } from './fixtures.js';
import { drawingAndReadingOrder, flat, nodes, texts } from './helpers.js';

const fonts = loadFontSet(defaultFontFiles());
const layout = (doc = taskPerMoment(), prof = profile()) => layoutTaskPerMoment(doc, prof, { fonts });
const plainText = (runs: Run[]) => runs.map((r) => r.text).join('');
/** The three moment panels: the large rounded tinted rects. */
const panelRects = (items: FrameItem[]) => items.filter((i): i is RectItem => i.type === 'rect' && i.radius === 6 && i.width > 100);
const inside = (t: { x: number; y: number; width: number }, p: RectItem) =>
  t.x >= p.x && t.x + t.width <= p.x + p.width + 0.01 && t.y > p.y && t.y < p.y + p.height;

describe('task-per-moment infographic', () => {
  it('fits on one A4 page with every word of the content on it', () => {
    const doc = taskPerMoment();
    const { frames, diagnostics } = layout(doc);
    expect(diagnostics).toEqual([]);
    expect(frames.pages).toHaveLength(1);
    expect([Math.round(frames.width), Math.round(frames.height)]).toEqual([595, 842]);
    const shown = flat(altText(frames).full);
    const expected = [
      doc.title,
      doc.intro.heading,
      ...doc.intro.paragraphs.map(plainText),
      ...doc.moments.flatMap((m) => [m.name, m.subtitle, m.role, ...m.description.map(plainText), ...m.tasks.map(plainText)]),
      doc.references.heading,
      ...doc.references.items.map(plainText),
      ...doc.colophon.map(plainText),
      'Gemeente Rotterdam',
      'MEE Rotterdam Rijnmond',
      '010 282 11 11',
      'www.blijfmeedoen.nl',
    ];
    for (const text of expected) expect(shown).toContain(flat(text));
  });

  it('reads the moments in order, each with its role, as checklists', () => {
    const { full } = altText(layout().frames);
    const order = ['Oriëntatiefase', 'WEGWIJZER', 'Toegang', 'TOELEIDER', 'Ondersteuning', 'BELANGENBEHARTIGER'].map((w) => full.indexOf(`\n${w}\n`));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    for (const task of TASKS) expect(full).toContain(`- ${task}`);
  });

  it('tags headings, lists, links and the logo for the PDF', () => {
    const { frames } = layout();
    const all = nodes(frames.structure);
    const roles = all.map((n) => n.role);
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(roles.filter((r) => r === 'H2')).toHaveLength(5);
    expect(roles.filter((r) => r === 'LI')).toHaveLength(TASKS.length + 3);
    const hrefs = all.filter((n) => n.role === 'Link').map((n) => n.href);
    expect(hrefs).toContain('tel:+31102821111');
    expect(hrefs).toContain('https://www.blijfmeedoen.nl');
    expect(hrefs.filter((h) => h?.startsWith('https://www.movisie.nl/'))).toHaveLength(1);
    expect(all.find((n) => n.role === 'Figure')?.alt).toBe('Logo van Gemeente Rotterdam');
    // Every text item is either tagged or decoration (the badge numerals).
    const untagged = texts(frames).filter((t) => t.node === undefined).map((t) => t.text);
    expect(untagged).toEqual(['1', '2', '3']);
  });

  it('keeps every text legible: nothing under 8 pt; panels, intro and contacts at least 9 pt', () => {
    const { frames } = layout();
    for (const t of texts(frames)) expect(t.size).toBeGreaterThanOrEqual(8);
    const panels = panelRects(frames.pages[0]!.items);
    const inPanels = texts(frames).filter((t) => panels.some((p) => inside(t, p)));
    expect(inPanels.length).toBeGreaterThan(60);
    for (const t of inPanels) expect(t.size).toBeGreaterThanOrEqual(9);
    const acted = texts(frames).filter((t) => t.link?.href.startsWith('tel:') || t.text === 'www.blijfmeedoen.nl');
    expect(acted).toHaveLength(2);
    for (const t of acted) expect(t.size).toBeGreaterThanOrEqual(9);
  });

  it('keeps all text inside the page margins and inside its panel', () => {
    const { frames } = layout();
    const margin = 28;
    for (const t of texts(frames)) {
      expect(t.x).toBeGreaterThanOrEqual(margin);
      expect(t.x + t.width).toBeLessThanOrEqual(frames.width - margin + 0.01);
      expect(t.y).toBeLessThanOrEqual(frames.height - margin);
    }
    const panels = panelRects(frames.pages[0]!.items);
    expect(panels).toHaveLength(3);
    for (const task of texts(frames).filter((t) => t.text.startsWith('de cliëntondersteuner'))) {
      expect(panels.some((p) => inside(task, p))).toBe(true);
    }
  });

  it.each([
    ['Rotterdam green', '#00811F'],
    ['Leiden red', '#C8102E'],
    ['pale yellow', '#FFD200'],
    ['light blue', '#8FD3F5'],
    ['mid grey', '#808080'],
    ['navy', '#000080'],
    ['white', '#FFFFFF'],
  ])('meets WCAG AA for every text on %s', (_name, primary) => {
    const { frames, diagnostics } = layout(taskPerMoment(), profile({ brand: { primary } }));
    expect(diagnostics).toEqual([]);
    expect(auditContrast(frames.pages[0]!)).toEqual([]);
  });

  it('fits long names and a long organisation', () => {
    const { frames, diagnostics } = layout(taskPerMoment(), profile(SUDWEST));
    expect(diagnostics).toEqual([]);
    expect(altText(frames).full).toContain('Stipepunt Onafhankelijke Cliëntondersteuning Súdwest-Fryslân');
    const bosch = layout(taskPerMoment(), profile({ name: "Gemeente 's-Hertogenbosch" }));
    expect(bosch.diagnostics).toEqual([]);
    expect(altText(bosch.frames).full).toContain("Gemeente 's-Hertogenbosch");
  });

  it('reports a panel that does not fit, naming it, instead of clipping or shrinking below 9 pt', () => {
    const doc = taskPerMoment();
    const toegang = doc.moments[1]!;
    toegang.description = Array.from({ length: 4 }, () => toegang.description[0]!);
    const { frames, diagnostics } = layout(doc);
    expect(diagnostics).toHaveLength(1);
    const [d] = diagnostics;
    expect(d).toMatchObject({ rule: 'layout/overflow', severity: 'error', file: toegang.at.file, line: toegang.at.line });
    expect(d!.message).toMatch(/moment 2 \("Toegang"\) is \d+ pt too tall/);
    // Tried every size down to the legible minimum, and no further.
    const body = texts(frames).filter((t) => t.text.startsWith('de cliëntondersteuner'));
    for (const t of body) expect(t.size).toBe(9);
    // Nothing dropped: the words are still all there.
    expect(flat(altText(frames).full)).toContain(flat(plainText(toegang.description[0]!)));
  });

  it('reports an unbreakable word wider than its panel instead of letting it stick out', () => {
    const doc = taskPerMoment();
    const href = `https://www.example.nl/${'x'.repeat(60)}`;
    doc.moments[0]!.tasks.push([{ text: href, bold: false, italic: false, atomic: true, link: { kind: 'https', href, description: href } }]);
    const { diagnostics } = layout(doc);
    expect(diagnostics.map((d) => d.rule)).toEqual(['layout/overflow']);
    expect(diagnostics[0]!.message).toMatch(/in the panel of moment 1 \("Oriëntatiefase"\), "x+…" is \d+ pt \(\d+ mm\) wider than its column and cannot be broken/);
  });

  it('sets the page in the house font a profile names, and the SVG draws that font', async () => {
    const { join, dirname } = await import('node:path');
    const { renderSvg, embedImages } = await import('../../src/render/svg/index.js');
    const dir = dirname(defaultFontFiles().regular);
    const font = { regular: join(dir, 'SourceSans3-Light.ttf'), bold: join(dir, 'SourceSans3-Black.ttf'), italic: join(dir, 'SourceSans3-LightIt.ttf') };
    const { frames, diagnostics } = layout(taskPerMoment(), profile({ brand: { primary: '#00811F', font } }));
    expect(diagnostics).toEqual([]);
    expect(frames.fonts.map((f) => f.file)).toContain(font.regular);
    expect(new Set(texts(frames).map((t) => t.font))).toEqual(new Set(frames.fonts.map((f) => f.id)));
    const svg = renderSvg(frames, 0, await embedImages(frames));
    const faces = new Set([...svg.matchAll(/<path id="g(\d+)-/g)].map((m) => Number(m[1])));
    expect(faces.size).toBe(frames.fonts.length);
  });

  it('draws in reading order, which the tagged PDF takes as its structure order', () => {
    const { drawn, read } = drawingAndReadingOrder(layout().frames);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn).toEqual(read);
  });

  it('lays out the same frames every time', () => {
    expect(JSON.stringify(layout().frames)).toBe(JSON.stringify(layout().frames));
  });
});

describe('task-per-moment through layoutDocument', () => {
  it('gives the same page as layoutTaskPerMoment, so the PDF and the PNG agree', async () => {
    const { layoutDocument } = await import('../../src/layout/index.js');
    const { defaultTemplatesDir } = await import('../../src/layout/infographic/index.js');
    const env = { fonts, templatesRoot: defaultTemplatesDir(), date: new Date(0) };
    const viaDispatch = layoutDocument(taskPerMoment(), profile(), env);
    expect(viaDispatch.diagnostics).toEqual([]);
    expect(JSON.stringify(viaDispatch.frames)).toBe(JSON.stringify(layout().frames));
  });
});
