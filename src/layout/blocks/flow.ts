/**
 * Column flow. Blocks become flow lines (a text line, a padding slice of a panel, an
 * unbreakable box); the flow places them into regions (columns on pages) in reading order.
 * A line that must stay with the next one (a heading, a first line that would be an
 * orphan, a penultimate line that would leave a widow) moves with it to the next column.
 */
import type { Bookmark, FrameItem } from '../frames.js';

export interface FlowLine {
  /** Height the line occupies. */
  height: number;
  /** Space above, dropped at the top of a column. */
  spaceBefore: number;
  /** No column break directly after this line. */
  keepWithNext: boolean;
  /** Draw at the top-left corner (x, y) of the line's box. */
  draw(x: number, y: number, out: FrameItem[]): void;
  /** Section the line belongs to, for overflow diagnostics. */
  section: string;
  /** Counts as a line of text in overflow diagnostics. */
  text: boolean;
  /** A heading: recorded as a bookmark where it lands. */
  bookmark?: string;
}

export interface Region {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FlowResult {
  /** Lines that did not fit in any region. */
  overflow: FlowLine[];
  /** Bottom y of the last placed line, per region index. */
  used: number[];
  /** Region index where the flow ended. */
  lastRegion: number;
}

/**
 * Places `lines` into `regions`, appending items to `pages[region.page]`. `regions` may
 * grow lazily: `more()` returns the next region or undefined when the document is full.
 */
export function flow(
  lines: readonly FlowLine[],
  firstRegion: Region,
  more: () => Region | undefined,
  pageItems: (page: number) => FrameItem[],
  bookmarks: Bookmark[],
): FlowResult {
  const used: number[] = [];
  let region: Region | undefined = firstRegion;
  let regionIndex = 0;
  let y = region.y;
  let atTop = true;
  let i = 0;
  const advance = (): boolean => {
    used[regionIndex] = y;
    region = more();
    if (!region) return false;
    regionIndex++;
    y = region.y;
    atTop = true;
    return true;
  };
  while (i < lines.length) {
    const r: Region = region;
    // The chain of lines that must stay together, starting here.
    let chain = lines[i]!.height + (atTop ? 0 : lines[i]!.spaceBefore);
    let k = i;
    while (lines[k]!.keepWithNext && k + 1 < lines.length) {
      k++;
      chain += lines[k]!.spaceBefore + lines[k]!.height;
    }
    const room = r.y + r.height - y;
    if (chain > room + 0.01 && !atTop) {
      if (!advance()) break;
      continue;
    }
    // A line taller than a whole column (a contact block that cannot split) would run past
    // the column's foot: it waits for a taller column, or overflows.
    if (atTop && lines[i]!.height > r.height + 0.01) {
      if (!advance()) break;
      continue;
    }
    // Place the chain, or as much as fits when it is taller than a whole column.
    for (let j = i; j <= k; j++) {
      const line = lines[j]!;
      const before = atTop ? 0 : line.spaceBefore;
      if (y + before + line.height > r.y + r.height + 0.01 && !atTop) {
        k = j - 1;
        break;
      }
      y += before;
      line.draw(r.x, y, pageItems(r.page));
      if (line.bookmark) bookmarks.push({ title: line.bookmark, page: r.page, y });
      y += line.height;
      atTop = false;
    }
    i = k + 1;
    if (i < lines.length && y >= r.y + r.height - 0.01 && !advance()) break;
  }
  used[regionIndex] = y;
  return { overflow: lines.slice(i), used, lastRegion: regionIndex };
}
