/**
 * The frames check on frames built by hand (one defect each) and on real layouts, which
 * must pass it.
 */
import { describe, expect, it } from 'vitest';
import { checkFrames, PRINTABLE_INSET } from '../../src/check/index.js';
import { pathBox } from '../../src/check/geometry.js';
import type { FrameItem, Frames, TextItem } from '../../src/layout/frames.js';
import { layoutDocument } from '../../src/layout/index.js';
import { layoutTaskPerMoment, layoutThreeLayerDiagram } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet, measure } from '../../src/layout/text/index.js';
import { loadFixture, PROFILES } from '../render-pdf/fixtures.js';
import { env } from '../render-pdf/helpers.js';
import { profile, taskPerMoment, threeLayerModel } from '../infographic/fixtures.js';

const fonts = loadFontSet(defaultFontFiles());

function text(x: number, y: number, s: string, size = 10): TextItem {
  return { type: 'text', x, y, font: fonts.regular.id, size, color: '#000000', text: s, width: measure(fonts.regular, s, size), node: 1 };
}

function page(...items: FrameItem[]): Frames {
  return {
    width: 595,
    height: 842,
    pages: [{ items }],
    fonts: fonts.faces,
    structure: { id: 0, role: 'Document', children: [] },
    bookmarks: [],
    meta: { title: 't', lang: 'nl-NL' },
  };
}

describe('checkFrames', () => {
  it('passes text well inside the page, lines one below the other, a rect painted before its text', () => {
    const frames = page(
      { type: 'rect', x: 40, y: 40, width: 300, height: 60, fill: '#EEEEEE' },
      text(50, 60, 'Bel 010 282 11 11 '),
      text(50 + measure(fonts.regular, 'Bel 010 282 11 11 ', 10), 60, 'of mail'),
      text(50, 73.5, 'Tweede regel'),
      // A link underline just below the baseline does not cover the text above it.
      { type: 'rect', x: 50, y: 61.2, width: 50, height: 0.5, fill: '#0000FF' },
    );
    expect(checkFrames(frames)).toEqual([]);
  });

  it('reports text that reaches into the outer margin of the paper, on every side', () => {
    const inset = PRINTABLE_INSET;
    const cases = [text(inset - 3, 100, 'links'), text(595 - inset - 5, 100, 'rechts buiten'), text(100, inset + 2, 'boven'), text(100, 842 - inset, 'onder')];
    for (const t of cases) {
      const problems = checkFrames(page(t));
      expect(problems.map((p) => p.kind), t.text).toEqual(['off-page']);
      expect(problems[0]!.by).toBeGreaterThan(0.5);
    }
  });

  it('reports two text items that overprint each other, not two that touch', () => {
    const a = text(100, 100, '010 282 11 11');
    const touching = text(100 + a.width, 100, ' volgende');
    const below = text(100, 104, 'te dicht');
    expect(checkFrames(page(a, touching))).toEqual([]);
    const problems = checkFrames(page(a, below));
    expect(problems.map((p) => [p.kind, p.text.text, p.other])).toEqual([['overlap', '010 282 11 11', 'te dicht']]);
  });

  it('reports text covered by a rect, a path or an image painted after it', () => {
    const t = text(100, 100, '010 282 11 11');
    const covers: FrameItem[] = [
      { type: 'rect', x: 120, y: 90, width: 30, height: 20, fill: '#FFFFFF' },
      { type: 'path', d: 'M110 95h40v10h-40z', fill: '#000000' },
      { type: 'image', x: 95, y: 85, width: 20, height: 20, asset: '/logo.svg' },
    ];
    for (const c of covers) {
      expect(checkFrames(page(t, c)).map((p) => [p.kind, p.other])).toEqual([['covered', c.type]]);
      // Painted first, the same shape is a background.
      expect(checkFrames(page(c, t))).toEqual([]);
    }
  });

  it('passes the real layouts of every kind', () => {
    for (const [id, muni] of [['ouderfolder', 'rotterdam'], ['wijzer-professionals', 'sudwest-fryslan'], ['drie-lagen', 'den-bosch']] as const) {
      const p = PROFILES[muni]!;
      const { frames } = layoutDocument(loadFixture(id, p), p, env);
      expect(checkFrames(frames!), `${id} for ${muni}`).toEqual([]);
    }
    expect(checkFrames(layoutTaskPerMoment(taskPerMoment(), profile(), { fonts }).frames)).toEqual([]);
    expect(checkFrames(layoutThreeLayerDiagram(threeLayerModel(), profile(), { fonts }).frames)).toEqual([]);
  });
});

describe('pathBox', () => {
  it('follows absolute and relative commands', () => {
    expect(pathBox('M10 20h5v6h-5z')).toEqual({ x0: 10, y0: 20, x1: 15, y1: 26 });
    expect(pathBox('M10 20l5 5L0 30')).toEqual({ x0: 0, y0: 20, x1: 15, y1: 30 });
    expect(pathBox('M0 0C10 -5 20 5 30 0')).toEqual({ x0: 0, y0: -5, x1: 30, y1: 5 });
    expect(pathBox('m1 1 2 2 3 3')).toEqual({ x0: 1, y0: 1, x1: 6, y1: 6 });
  });

  it('takes the box of a circle drawn as two arcs, not more', () => {
    const box = pathBox('M40 50a10 10 0 1 0 20 0a10 10 0 1 0 -20 0z')!;
    for (const [k, v] of Object.entries({ x0: 40, y0: 40, x1: 60, y1: 60 })) expect(box[k as keyof typeof box]).toBeCloseTo(v, 6);
  });
});
