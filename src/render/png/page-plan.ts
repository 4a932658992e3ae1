/**
 * A page prepared for strip rasterising: its items drawn once as SVG fragments with every
 * colour written as an ink token, the colour of each ink, and how far down the page each
 * fragment reaches. Independent of the pixel size, so the print and the web PNG share it.
 */
import type { Frames } from '../../layout/frames.js';
import { background, drawPage, type EmbeddedImages, type GlyphDefs } from '../svg/index.js';
import { extentOf, type Extent } from './extent.js';
import { inkToken } from './ink-weights.js';

export interface PlannedItem {
  svg: string;
  extent: Extent;
  /** Images carry their own colours: strips with one are drawn in colour, not in inks. */
  image: boolean;
  /** Ink indices the fragment uses. */
  inks: readonly number[];
}

export interface PagePlan {
  /** Page size in points. */
  width: number;
  height: number;
  /** `#RRGGBB` of ink n. */
  inks: readonly string[];
  /** In paint order, the page background first. */
  items: readonly PlannedItem[];
  defs: GlyphDefs;
}

export function planPage(frames: Frames, pageIndex: number, images: EmbeddedImages): PagePlan {
  const inks: string[] = [];
  const indexOf = new Map<string, number>();
  const ink = (colour: string) => {
    const key = colour.toUpperCase();
    let n = indexOf.get(key);
    if (n === undefined) {
      n = inks.length;
      inks.push(key);
      indexOf.set(key, n);
    }
    return inkToken(n);
  };
  const inksIn = (svg: string) => [...new Set([...svg.matchAll(/ink:(\d+)/g)].map((m) => Number(m[1])))];

  // The background first, so it is ink 0 on every page.
  const page = background(frames.width, frames.height, ink);
  const drawn = drawPage(frames, pageIndex, images, ink);
  const items: PlannedItem[] = [
    { svg: page, extent: { top: 0, bottom: frames.height }, image: false, inks: inksIn(page) },
    ...drawn.items.map(({ item, svg }) => ({
      svg,
      extent: extentOf(item, frames.height),
      image: item.type === 'image',
      inks: inksIn(svg),
    })),
  ];
  return { width: frames.width, height: frames.height, inks, items, defs: drawn.defs };
}
