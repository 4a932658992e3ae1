/**
 * The colour engine against Argyll CMS's own lookups of the same profile (xicclu -ir, the
 * relative colorimetric tables), and the rules the print edition puts on top of it.
 */
import { describe, expect, it } from 'vitest';
import { convert, inksFor } from '../../src/render/print/colour/inks.js';
import { deltaE2000, hexToLab, type Lab } from '../../src/render/print/colour/lab.js';
import { printProfile, type Cmyk } from '../../src/render/print/colour/profile.js';
import { safeAreaProblems } from '../../src/check/index.js';
import { paperFrames } from '../../src/render/print/paper.js';
import type { Frames } from '../../src/layout/frames.js';

/** `xicclu -fb -ir -pl data/icc/fogra39-300.icc` (Lab → CMYK, per cent). */
const TO_INK: Array<[Lab, number[]]> = [
  [[50, 0, 0], [21.90419, 17.851106, 17.454826, 57.065873]],
  [[58, -39.7, -50.5], [95.158683, 4.136608, 3.119174, 0.28114]],
  [[45, 60, 30], [0, 95.298011, 68.18722, 19.227563]],
  [[90, -5, 80], [6.288305, 4.314214, 88.106122, 1.663316]],
  [[20, 10, -40], [97.563608, 81.674952, 0, 39.589327]],
];
/** `xicclu -ff -ir -pl` (CMYK → Lab). */
const TO_LAB: Array<[Cmyk, Lab]> = [
  [[0, 0, 0, 1], [17.428543, 0.007041, 0.607842]],
  [[1, 0, 0, 0], [58.121108, -39.710882, -50.479504]],
  [[1, 1, 1, 1], [9.820186, -0.064911, 2.6297]],
  [[0.2, 0.5, 0.1, 0.3], [55.277775, 20.883935, -6.789801]],
];

describe('the FOGRA39 profile', () => {
  it('gives the ink Argyll gives, to a hundredth of a per cent', () => {
    for (const [lab, ink] of TO_INK) printProfile().toCmyk(lab).forEach((v, i) => expect(Math.abs(v * 100 - ink[i]!)).toBeLessThan(0.01));
  });

  it('gives the colour Argyll gives, to a thousandth of ΔE', () => {
    for (const [ink, lab] of TO_LAB) expect(deltaE2000(printProfile().toLab(ink), lab)).toBeLessThan(0.001);
  });

  it('prints greys with black alone, never more than 300 % of ink, white as no ink', () => {
    expect(convert([26, 26, 26])).toEqual([0, 0, 0, 1]);
    const grey = convert([128, 128, 128]);
    expect(grey.slice(0, 3)).toEqual([0, 0, 0]);
    expect(deltaE2000(printProfile().toLab(grey), hexToLab('#808080'))).toBeLessThan(1.5);
    expect(convert([255, 255, 255])).toEqual([0, 0, 0, 0]);
    for (let r = 0; r < 256; r += 51) for (let g = 0; g < 256; g += 51) for (let b = 0; b < 256; b += 51) {
      expect(convert([r, g, b]).reduce((a, v) => a + v, 0)).toBeLessThanOrEqual(3 + 1e-9);
    }
  });

  it('lets a profile’s own CMYK win, and screens its tints from the same inks', () => {
    const inks = inksFor([{ hex: '#C8102E', cmyk: [0, 1, 0.75, 0.04] }]);
    expect(inks('#c8102e')).toEqual([0, 1, 0.75, 0.04]);
    expect(inks('#F8E2E6')).toEqual([0, 0.12, 0.09, 0.0048]);
    expect(inks('#1A1A1A')).toEqual([0, 0, 0, 1]);
  });

  it('is the same ink every time', () => {
    expect(convert([0, 90, 156])).toEqual(convert([0, 90, 156]));
  });
});

describe('the paper', () => {
  const frames: Frames = {
    width: 595,
    height: 842,
    pages: [
      {
        items: [
          { type: 'rect', x: 42, y: 42, width: 511, height: 150, fill: '#C8102E', bleed: ['top', 'left', 'right'] },
          { type: 'rect', x: 5, y: 300, width: 50, height: 50, fill: '#C8102E' },
        ],
      },
    ],
    fonts: [],
    structure: { id: 0, role: 'Document', children: [{ id: 1, role: 'Link', href: 'tel:+31', alt: 'Bel', children: [] }] },
    bookmarks: [],
    meta: { title: 't', lang: 'nl-NL' },
  };

  it('runs bleeding sides 3 mm past the trim and turns links into spans', () => {
    const paper = paperFrames(frames);
    const band = paper.pages[0]!.items[0]!;
    expect(band).toMatchObject({ x: -(3 * 72) / 25.4, y: -(3 * 72) / 25.4 });
    expect((band as { width: number }).width).toBeCloseTo(595 + (6 * 72) / 25.4);
    expect(paper.structure.children[0]).toEqual({ id: 1, role: 'Span', children: [] });
  });

  it('finds what reaches into the outer 5 mm but lets bleeding rects pass', () => {
    const problems = safeAreaProblems(paperFrames(frames));
    expect(problems).toEqual([{ page: 0, what: 'a rect', by: expect.closeTo((5 * 72) / 25.4 - 5, 3) }]);
  });
});
