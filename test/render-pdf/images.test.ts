/** The PDF renderer's logo rasters: from the checked bytes, and never absurdly large. */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { admitCheckedAsset } from '../../src/assets/checked.js';
import { imageBytes } from '../../src/render/pdf/images.js';

describe('imageBytes', () => {
  it('draws a logo far taller than wide at most 1,024 pixels high', async () => {
    admitCheckedAsset('/content/tall.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 2000"><rect width="10" height="2000" fill="#00811F"/></svg>'));
    const png = await imageBytes('/content/tall.svg', 0.2);
    const { width, height } = await sharp(png).metadata();
    expect(height).toBeLessThanOrEqual(1024);
    expect(width).toBeGreaterThanOrEqual(1);
  });

  it('uses the bytes that were checked, not the file', async () => {
    admitCheckedAsset('/nowhere/logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 8"><rect width="20" height="8" fill="#FF00FF"/></svg>'));
    const { data, info } = await sharp(await imageBytes('/nowhere/logo.svg', 20)).raw().toBuffer({ resolveWithObject: true });
    // The middle pixel: the edges are blended with the white field.
    const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
    expect([data[at], data[at + 1], data[at + 2]]).toEqual([255, 0, 255]);
  });

  it('refuses a path that never passed the asset gate', () => {
    expect(() => imageBytes('/content/unchecked.svg', 20)).toThrow(/did not pass the asset gate/);
  });
});
