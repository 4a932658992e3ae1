/**
 * Logos for the print edition: the very raster the screen PDF embeds (src/render/pdf/images.ts:
 * the checked bytes, sized for 300 dpi, flattened on white), its pixels converted to CMYK
 * the way every other colour is (src/render/print/colour/inks.ts: greys to black ink), and
 * written as an 8-bit DeviceCMYK image: PDF/X-1a allows neither RGB nor transparency.
 */
import sharp from 'sharp';
import type { Frames, ImageItem } from '../../layout/frames.js';
import { useXObjectOnPage, type PdfRef } from '../../patches/index.js';
import { imageBytes } from '../pdf/images.js';
import type { Doc } from '../pdf/render.js';
import { convert } from './colour/inks.js';
import { OUTPUT_CONDITION } from './colour/profile.js';

interface CmykImage {
  width: number;
  height: number;
  pixels: Buffer;
}

/** Loads every image of the frames, and returns how to draw one into a document. */
export async function cmykImages(frames: Frames): Promise<(doc: Doc, item: ImageItem) => void> {
  const loaded = new Map<string, CmykImage>();
  for (const page of frames.pages) {
    for (const item of page.items) {
      if (item.type === 'image' && !loaded.has(item.asset)) loaded.set(item.asset, await toCmyk(await imageBytes(item.asset, item.width)));
    }
  }
  const refs = new Map<string, { name: string; ref: PdfRef }>();
  return (doc, item) => {
    let xobject = refs.get(item.asset);
    if (!xobject) {
      const image = loaded.get(item.asset)!;
      const ref = doc.ref({ Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, ColorSpace: 'DeviceCMYK', BitsPerComponent: 8 });
      ref.end(image.pixels);
      xobject = { name: `ImC${refs.size + 1}`, ref };
      refs.set(item.asset, xobject);
    }
    useXObjectOnPage(doc, xobject.name, xobject.ref);
    // The page is drawn y-down (pdfkit's top-left origin): the image's unit square flips back.
    doc.save();
    doc.transform(item.width, 0, 0, -item.height, item.x, item.y + item.height);
    doc.addContent(`/${xobject.name} Do`);
    doc.restore();
  };
}

/** Pixels converted once per distinct colour: a logo has few. */
async function toCmyk(png: Buffer): Promise<CmykImage> {
  const { data, info } = await sharp(png).flatten({ background: '#FFFFFF' }).toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  const pixels = Buffer.alloc(info.width * info.height * 4);
  const cache = new Map<number, number[]>();
  for (let i = 0, o = 0; i < data.length; i += channels, o += 4) {
    const key = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    let ink = cache.get(key);
    if (!ink) {
      ink = bytesOf(convert([data[i]!, data[i + 1]!, data[i + 2]!]));
      cache.set(key, ink);
    }
    pixels[o] = ink[0]!;
    pixels[o + 1] = ink[1]!;
    pixels[o + 2] = ink[2]!;
    pixels[o + 3] = ink[3]!;
  }
  return { width: info.width, height: info.height, pixels };
}

/** Ink as bytes, still within the ink limit after rounding (the colour inks give way). */
function bytesOf(cmyk: readonly number[]): number[] {
  const ink = cmyk.map((v) => Math.round(v * 255));
  const limit = Math.floor(OUTPUT_CONDITION.inkLimit * 255);
  for (let excess = ink.reduce((a, b) => a + b, 0) - limit; excess > 0; excess--) {
    const largest = ink.slice(0, 3).indexOf(Math.max(...ink.slice(0, 3)));
    ink[largest]! -= 1;
  }
  return ink;
}
