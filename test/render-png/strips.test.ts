/**
 * The parts under the composed PNG: how far items reach, the zlib stream of separately
 * compressed strips, and pages that cannot be composed from ink mixes alone.
 */
import { createHash } from 'node:crypto';
import { constants, deflateRawSync, inflateRawSync, inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it, vi } from 'vitest';
import type { FrameItem, Frames } from '../../src/layout/frames.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { pathExtent } from '../../src/render/png/extent.js';
import { pagePngs, renderPng } from '../../src/render/png/index.js';
import { measureWeights } from '../../src/render/png/ink-weights.js';
import { seal } from '../../src/render/png/sealed.js';
import { decodeWeights, encodeWeights, WEIGHTS_MAGIC } from '../../src/render/png/weights-file.js';
import { decodeSegment, deflateSegment, encodeSegment, SEGMENT_MAGIC, zlibStream, type Segment } from '../../src/render/png/zlib-segments.js';
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

  it('keeps a segment as bytes that decode to it, and refuses them damaged or under another key', () => {
    const rows = Buffer.from('rij '.repeat(500));
    const segment = deflateSegment(rows);
    const bytes = encodeSegment(segment, KEY_A);
    const all = () => true;
    expect(decodeSegment(bytes, KEY_A, all)).toEqual(segment);
    expect(decodeSegment(bytes, KEY_B, all)).toBeUndefined();
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 2]! ^= 0x10;
    expect(decodeSegment(damaged, KEY_A, all)).toBeUndefined();
    expect(decodeSegment(bytes.subarray(0, 30), KEY_A, all)).toBeUndefined();
    // The caller's own check of the inflated rows has the last word.
    expect(decodeSegment(bytes, KEY_A, (inflated) => inflated.equals(rows))).toEqual(segment);
    expect(decodeSegment(bytes, KEY_A, () => false)).toBeUndefined();
  });

  it('refuses a correctly sealed segment that is not what it says (length, checksum, flush, final block, bomb)', () => {
    const rows = Buffer.from('strook '.repeat(400));
    const good = deflateSegment(rows);
    const sealed = (s: Segment) => {
      const head = Buffer.alloc(8);
      head.writeUInt32LE(s.adler, 0);
      head.writeUInt32LE(s.length, 4);
      return seal(SEGMENT_MAGIC, KEY_A, Buffer.concat([head, s.data]));
    };
    const all = () => true;
    expect(decodeSegment(sealed(good), KEY_A, all)).toEqual(good);
    expect(decodeSegment(sealed({ ...good, length: good.length - 1 }), KEY_A, all)).toBeUndefined();
    expect(decodeSegment(sealed({ ...good, length: good.length + 1 }), KEY_A, all)).toBeUndefined();
    expect(decodeSegment(sealed({ ...good, adler: (good.adler + 1) >>> 0 }), KEY_A, all)).toBeUndefined();
    // Finished with a final block instead of a sync flush, with a sync flush's bytes after it.
    const final = Buffer.concat([deflateRawSync(rows), Buffer.from([0, 0, 0xff, 0xff])]);
    expect(decodeSegment(sealed({ ...good, data: final }), KEY_A, all)).toBeUndefined();
    // Not ending on a byte after a sync flush.
    expect(decodeSegment(sealed({ ...good, data: good.data.subarray(0, -1) }), KEY_A, all)).toBeUndefined();
    // 64 MB of zeros in a few kilobytes, claiming to be one strip: refused without inflating it all.
    const bomb = deflateRawSync(Buffer.alloc(64 * 1024 * 1024), { finishFlush: constants.Z_SYNC_FLUSH });
    expect(decodeSegment(sealed({ data: bomb, adler: 1, length: rows.length }), KEY_A, all)).toBeUndefined();
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
  const svg = (colour: (ink: number) => string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20">` +
    `<rect width="40" height="20" fill="${colour(0)}"/><circle cx="20" cy="10" r="7" fill="${colour(3)}"/></svg>`;
  const shape = { inks: [0, 3], pixels: 40 * 20 };

  it('decode what they encode under their key and shape, and refuse anything cut off, other or inconsistent', async () => {
    const weights = await measureWeights(svg, [0, 3], 40, 20);
    expect(weights.mixes).toBeGreaterThan(2);
    const bytes = encodeWeights(weights, KEY_A);
    const back = decodeWeights(bytes, KEY_A, shape)!;
    expect({ ...back, pixels: back.pixels() }).toEqual({ ...weights, pixels: weights.pixels() });
    expect(decodeWeights(bytes, KEY_B, shape)).toBeUndefined();
    expect(decodeWeights(bytes, KEY_A, { inks: [0, 2], pixels: 800 })).toBeUndefined();
    expect(decodeWeights(bytes, KEY_A, { inks: [0, 3], pixels: 40 * 21 })).toBeUndefined();
    expect(decodeWeights(bytes.subarray(0, bytes.length - 3), KEY_A, shape)).toBeUndefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 1;
    expect(decodeWeights(flipped, KEY_A, shape)).toBeUndefined();
    expect(decodeWeights(Buffer.from('not a strip'), KEY_A, shape)).toBeUndefined();
    // Consistent seal, inconsistent table: a mix whose levels do not add up.
    const wrongSum = { ...weights, levels: weights.levels.map((l, i) => (i === 0 ? l + 1 : l)) };
    expect(decodeWeights(encodeWeights(wrongSum, KEY_A), KEY_A, shape)).toBeUndefined();
  });

  it('say undefined, never throw, for sealed pixels that are too few, too many or name a mix the strip lacks', async () => {
    const weights = await measureWeights(svg, [0, 3], 40, 20);
    const pixels = weights.pixels() as Uint8Array;
    const withPixels = (p: Uint8Array) => encodeWeights({ ...weights, pixels: () => p, pixelBytes: p.byteLength }, KEY_A);
    // The header says 800 pixels; the data holds 799, 801, or an index past the mixes.
    for (const bad of [pixels.subarray(1), Uint8Array.from([...pixels, 0]), Uint8Array.from(pixels).fill(weights.mixes, 0, 1)]) {
      const bytes = withPixels(bad);
      // Re-sealed with the count the caller expects, as someone forging a strip would.
      const payload = Buffer.from(bytes.subarray(36));
      payload.writeUInt32LE(800, 1 + 2 * 2 + 4 + weights.mixes * 2 + 1);
      const decoded = decodeWeights(seal(WEIGHTS_MAGIC, KEY_A, payload), KEY_A, shape);
      expect(decoded, 'its header is consistent').toBeDefined();
      expect(() => decoded!.pixels()).not.toThrow();
      expect(decoded!.pixels()).toBeUndefined();
    }
  });
});

describe('composing from a strip store whose files do not check out', () => {
  /** A page of strips in two inks: every strip is measured and stored. */
  const f = page([
    { type: 'rect', x: 0, y: 0, width: 200, height: 300, fill: '#FFFFFF' },
    ...Array.from({ length: 12 }, (_, i): FrameItem => ({ type: 'rect', x: 10 + i * 3, y: 10 + i * 23, width: 120 - i * 7, height: 9.5, fill: '#005A9C' })),
    { type: 'path', d: 'M10 20L190 280', stroke: '#D4380D', strokeWidth: 3 },
  ]);

  /** The PNG module as a fresh worker has it (empty caches), using `store`. */
  async function freshPng(store: { load(k: string): Promise<Uint8Array | undefined>; save(k: string, b: Uint8Array): Promise<void> }) {
    vi.resetModules();
    const png = await import('../../src/render/png/index.js');
    png.useStripStore(store);
    return png;
  }

  it('gives the PNG of an empty store, whatever the files say', async () => {
    const saved = new Map<string, Uint8Array>();
    const recording = { load: async () => undefined, save: async (k: string, b: Uint8Array) => void saved.set(k, b) };
    let png = await freshPng(recording);
    const cold = await png.pagePngs(f, 0, new Map(), { alt: ALT })(SIZE);
    // The second page uses every strip again, which stores it.
    expect((await png.pagePngs(f, 0, new Map(), { alt: ALT })(SIZE)).equals(cold)).toBe(true);
    const weightKeys = [...saved.keys()].filter((k) => Buffer.from(saved.get(k)!.subarray(0, 4)).toString('latin1') === WEIGHTS_MAGIC);
    expect(weightKeys.length).toBeGreaterThan(2);

    // Weights whose pixels are cut short (sealed under their own key, header consistent),
    // with a mix added to the table where there is room, and no segments: every strip must
    // be measured again, with the palette as it was before the bad table was used.
    const badPixels = new Map(
      weightKeys.map((k) => {
        const payload = Buffer.from(saved.get(k)!.subarray(36));
        const inks = payload[0]!;
        const mixes = payload.readUInt32LE(1 + 2 * inks);
        const table = payload.subarray(5 + 2 * inks, 5 + 2 * inks + mixes * inks);
        const shape = payload.subarray(5 + 2 * inks + mixes * inks, 10 + 2 * inks + mixes * inks);
        const known = new Set(Array.from({ length: mixes }, (_, m) => table.subarray(m * inks, (m + 1) * inks).join()));
        const extra = inks < 2 ? undefined : Array.from({ length: 16 }, (_, a) => [a, 15 - a, ...Array(inks - 2).fill(0)]).find((l) => !known.has(l.join()));
        const head = Buffer.from(payload.subarray(0, 5 + 2 * inks));
        if (extra) head.writeUInt32LE(mixes + 1, 1 + 2 * inks);
        const levels = extra ? Buffer.concat([table, Buffer.from(extra)]) : table;
        return [k, seal(WEIGHTS_MAGIC, k, Buffer.concat([head, levels, shape, deflateRawSync(Buffer.alloc(7))]))];
      }),
    );
    const served: string[] = [];
    const serving = (files: Map<string, Uint8Array>) => ({
      load: async (k: string) => {
        if (files.has(k)) served.push(k);
        return files.get(k);
      },
      save: async () => undefined,
    });
    png = await freshPng(serving(badPixels));
    expect((await png.pagePngs(f, 0, new Map(), { alt: ALT })(SIZE)).equals(cold)).toBe(true);
    expect(served.length, 'the bad weights were loaded').toBe(weightKeys.length);

    // Good weights, and segments that inflate fine but are not rows of this strip: a filter
    // byte that is not 0 (in the first row, in a later one), a row too few.
    const badSegment = (k: string, rows: Buffer) => {
      const s = deflateSegment(rows);
      return encodeSegment(s, k);
    };
    const forged = new Map<string, Uint8Array>();
    for (const [k, b] of saved) {
      if (weightKeys.includes(k)) forged.set(k, b);
      else {
        const inflated = inflateRawSync(b.subarray(36 + 8), { finishFlush: constants.Z_SYNC_FLUSH });
        const which = createHash('sha256').update(k).digest()[0]! % 3;
        const rows = Buffer.from(inflated);
        const stride = SIZE.width + 1;
        if (which === 0) rows[0] = 4;
        else if (which === 1) rows[stride * Math.floor(rows.length / stride / 2)] = 9;
        forged.set(k, badSegment(k, which === 2 ? rows.subarray(0, rows.length - stride) : rows));
      }
    }
    served.length = 0;
    png = await freshPng(serving(forged));
    expect((await png.pagePngs(f, 0, new Map(), { alt: ALT })(SIZE)).equals(cold)).toBe(true);
    expect(served.filter((k) => !weightKeys.includes(k)).length, 'the forged segments were loaded').toBe(saved.size - weightKeys.length);
  });
});

const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);

/** The image data of a PNG: its IDAT chunks joined and inflated (palette indices, each row led by its filter byte). */
function indexData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return inflateSync(Buffer.concat(parts));
}

describe('the palette of a composed page', () => {
  it('numbers the same shapes the same way whatever the colours, also when two mixes come out one colour', async () => {
    // A disc with anti-aliased edges between white and ink 1, and a bar in ink 2. With ink 2
    // at #777777 the disc edge's 7:8 mix of white and black is the bar's colour exactly.
    const shapes = (ink: string, bar: string): FrameItem[] => [
      { type: 'path', d: 'M100 150a40 40 0 1 0 0.1 0z', fill: ink },
      { type: 'rect', x: 20, y: 250, width: 160, height: 20, fill: bar },
    ];
    const blue = await pagePngs(page(shapes('#000000', '#0000FF')), 0, new Map(), { alt: ALT })(SIZE);
    const grey = await pagePngs(page(shapes('#000000', '#777777')), 0, new Map(), { alt: ALT })(SIZE);
    const greys = paletteOf(grey).filter((c) => c === '#777777');
    expect(greys.length, 'the disc edge has the 7:8 mix').toBe(2);
    expect(paletteOf(blue)).not.toEqual(paletteOf(grey));
    expect(indexData(grey).equals(indexData(blue))).toBe(true);
    // And the picture is still exact: the bar is its colour.
    expect(hex((await pixels(grey)).readUIntBE((260 * SIZE.width + 100) * 3, 3))).toBe('#777777');
  });
});
