/**
 * The parts under the composed PNG: how far items reach, the zlib stream of separately
 * compressed strips, and pages that cannot be composed from ink mixes alone.
 */
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { FrameItem, Frames } from '../../src/layout/frames.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { pathExtent } from '../../src/render/png/extent.js';
import { pagePngs, renderPng } from '../../src/render/png/index.js';
import { measureWeights } from '../../src/render/png/ink-weights.js';
import { decodeWeights, encodeWeights } from '../../src/render/png/weights-file.js';
import { decodeSegment, deflateSegment, encodeSegment, zlibStream } from '../../src/render/png/zlib-segments.js';
import { renderSvg } from '../../src/render/svg/index.js';

const fonts = loadFontSet(defaultFontFiles());
const ALT = { short: 'Proefpagina', full: 'Gekleurde vlakken en tekst.' };
/** 1 pt per pixel: rows and points coincide. */
const SIZE = { width: 200, height: 300 };

function page(items: FrameItem[]): Frames {
  return {
    width: 200,
    height: 300,
    pages: [{ items }],
    fonts: fonts.faces,
    structure: { id: 0, role: 'Document', children: [] },
    bookmarks: [],
    meta: { title: 'Proef', lang: 'nl-NL' },
  };
}

const hex = (n: number) => `#${n.toString(16).padStart(6, '0').toUpperCase()}`;

async function pixels(png: Buffer) {
  return sharp(png).removeAlpha().raw().toBuffer();
}

function paletteOf(png: Buffer): string[] {
  const at = png.indexOf('PLTE');
  const plte = png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4));
  return Array.from({ length: plte.length / 3 }, (_, i) => hex(plte.readUIntBE(i * 3, 3)));
}

describe('pathExtent', () => {
  it('reads absolute and relative commands, control points and repeated pairs', () => {
    expect(pathExtent('M10 20L30 40')).toEqual({ top: 20, bottom: 40 });
    expect(pathExtent('m10 20l5 5 5 5v-40')).toEqual({ top: -10, bottom: 30 });
    expect(pathExtent('M0 0C0 -10 10 50 20 0')).toEqual({ top: -10, bottom: 50 });
    expect(pathExtent('M0 0H50V7Z')).toEqual({ top: 0, bottom: 7 });
  });

  it('widens arcs by twice their radius, as the badge circles are drawn', () => {
    const e = pathExtent('M90 100a10 10 0 1 0 20 0a10 10 0 1 0 -20 0z')!;
    expect(e.top).toBeLessThanOrEqual(90);
    expect(e.bottom).toBeGreaterThanOrEqual(110);
  });

  it('gives up on data it cannot read', () => {
    expect(pathExtent('L10 10')).toBeUndefined();
    expect(pathExtent('M10')).toBeUndefined();
    expect(pathExtent('M0 0X5 5')).toBeUndefined();
  });
});

describe('zlibStream', () => {
  it('joins separately compressed segments into one stream zlib reads back, checksum and all', () => {
    const parts = [Buffer.alloc(70_000, 7), Buffer.from('strook twee'.repeat(900)), Buffer.alloc(0), Buffer.from([1, 2, 3])];
    const stream = zlibStream(parts.map(deflateSegment));
    // inflateSync verifies the Adler-32 trailer: a wrong combination throws.
    expect(inflateSync(stream).equals(Buffer.concat(parts))).toBe(true);
  });

  it('keeps a segment as bytes that decode to it, and refuses them damaged', () => {
    const segment = deflateSegment(Buffer.from('rij '.repeat(500)));
    const bytes = encodeSegment(segment);
    expect(decodeSegment(bytes)).toEqual(segment);
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 2]! ^= 0x10;
    expect(decodeSegment(damaged)).toBeUndefined();
    expect(decodeSegment(bytes.subarray(0, 30))).toBeUndefined();
  });
});

describe('pages that do not compose from ink mixes alone', () => {
  it('draws a strip with more inks than a mix holds in colour, every flat colour exact', async () => {
    // Twenty colours side by side in one strip.
    const colours = Array.from({ length: 20 }, (_, i) => hex(((i * 37) % 256) * 0x10000 + ((i * 91) % 256) * 0x100 + ((i * 53) % 256)));
    const items: FrameItem[] = colours.map((fill, i) => ({ type: 'rect', x: i * 10, y: 10, width: 10, height: 20, fill }));
    const f = page(items);
    const png = await pagePngs(f, 0, new Map(), { alt: ALT })(SIZE);
    expect(paletteOf(png)).toEqual(expect.arrayContaining(colours));
    const data = await pixels(png);
    colours.forEach((c, i) => {
      const at = (20 * SIZE.width + i * 10 + 5) * 3;
      expect(hex(data.readUIntBE(at, 3))).toBe(c);
    });
  });

  it('rasterises the page whole when its ink mixes would fill the palette', async () => {
    // Forty text colours, three to a strip: their anti-aliased edges make far more than 224 mixes.
    const items: FrameItem[] = Array.from({ length: 40 }, (_, i) => ({
      type: 'text',
      x: 4,
      y: 12 + i * 7,
      font: fonts.regular.id,
      size: 7,
      color: hex(i * 0x060503),
      text: 'Cliëntondersteuning',
      width: 60,
    }));
    const f = page(items);
    const png = await pagePngs(f, 0, new Map(), { alt: ALT })(SIZE);
    const whole = await renderPng(renderSvg(f, 0), { ...SIZE, alt: ALT });
    expect(png.equals(whole)).toBe(true);
  });
});

describe('weights as bytes', () => {
  it('decode what they encode, and refuse anything cut off or inconsistent', async () => {
    const svg = (colour: (ink: number) => string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">` +
      `<rect width="40" height="20" fill="${colour(0)}"/><circle cx="20" cy="10" r="7" fill="${colour(3)}"/></svg>`;
    const weights = await measureWeights(svg, [0, 3], 40, 20);
    expect(weights.mixes).toBeGreaterThan(2);
    const bytes = encodeWeights(weights);
    const back = decodeWeights(bytes)!;
    expect({ ...back, pixels: back.pixels() }).toEqual({ ...weights, pixels: weights.pixels() });
    expect(decodeWeights(bytes.subarray(0, bytes.length - 3))).toBeUndefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 1;
    expect(decodeWeights(flipped)).toBeUndefined();
    expect(decodeWeights(Buffer.from('not a strip'))).toBeUndefined();
    // Consistent checksum, inconsistent table: a mix whose levels do not add up.
    const wrongSum = { ...weights, levels: weights.levels.map((l, i) => (i === 0 ? l + 1 : l)) };
    expect(decodeWeights(encodeWeights(wrongSum))).toBeUndefined();
  });
});
