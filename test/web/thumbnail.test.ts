/** The thumbnail of a page, read back as pixels: 320 px wide, the page's colours where they are printed, byte-reproducible. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Frames } from '../../src/layout/frames.js';
import { renderThumbnail } from '../../src/render/thumb/index.js';

const A4 = { width: 595.28, height: 841.89 };

function page(brand: string): Frames {
  return {
    ...A4,
    pages: [
      {
        items: [
          { type: 'rect', x: 0, y: 0, width: A4.width, height: 100, fill: brand },
          { type: 'text', x: 50, y: 300, font: 'regular', size: 40, color: '#1A1A1A', text: 'Meer weten', width: 220 },
          { type: 'path', d: 'M300 500a50 50 0 1 0 100 0a50 50 0 1 0 -100 0Z', fill: brand },
        ],
      },
    ],
    fonts: [],
    structure: { id: 0, role: 'Document', children: [] },
    bookmarks: [],
    meta: { title: 't', lang: 'nl-NL' },
  };
}

async function pixel(png: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('thumbnails', () => {
  it('draw bands, shapes and text lines where the page prints them, at 320 px wide', async () => {
    const png = await renderThumbnail(page('#00811F'), 0, 320);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([320, 453]);
    const s = 320 / A4.width;
    expect(await pixel(png, 10, 10)).toEqual([0x00, 0x81, 0x1f]);
    // The circle's centre (350, 500) is the brand colour; outside it, paper.
    expect(await pixel(png, Math.round(350 * s), Math.round(500 * s))).toEqual([0x00, 0x81, 0x1f]);
    expect(await pixel(png, Math.round(450 * s), Math.round(500 * s))).toEqual([255, 255, 255]);
    // A text line is a grey bar below its baseline's x-height, not black, not paper.
    const [r] = await pixel(png, Math.round(60 * s), Math.round(290 * s));
    expect(r).toBeGreaterThan(60);
    expect(r).toBeLessThan(200);
  });

  it('are the same bytes every time, and differ with the brand colour', async () => {
    const a = await renderThumbnail(page('#00811F'), 0, 320);
    expect((await renderThumbnail(page('#00811F'), 0, 320)).equals(a)).toBe(true);
    expect((await renderThumbnail(page('#154273'), 0, 320)).equals(a)).toBe(false);
  });
});
