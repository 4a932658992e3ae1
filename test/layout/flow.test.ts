import { describe, expect, it } from 'vitest';
import { flow, type FlowLine, type Region } from '../../src/layout/blocks/flow.js';
import type { FrameItem } from '../../src/layout/frames.js';

/** A paragraph of n lines with the keep rules textLines applies. */
function para(n: number, tag: string): FlowLine[] {
  return Array.from({ length: n }, (_, i) => ({
    height: 10,
    spaceBefore: 0,
    keepWithNext: i < n - 1 && (i === 0 || i === n - 2),
    section: tag,
    text: true,
    draw: (x: number, y: number, out: FrameItem[]) => out.push({ type: 'rect', x, y, width: 1, height: 1, fill: `#${tag}` }),
  }));
}

function run(lines: FlowLine[], heights: number[]) {
  const regions: Region[] = heights.map((h, i) => ({ page: i, x: 0, y: 0, width: 100, height: h }));
  const pages: FrameItem[][] = heights.map(() => []);
  let next = 1;
  const result = flow(lines, regions[0]!, () => regions[next++], (p) => pages[p]!, []);
  return { result, counts: pages.map((p) => p.length) };
}

describe('column flow', () => {
  it('leaves no widow: the last line never stands alone at the top of a column', () => {
    // Room for 4 of 5 lines: 3 stay, 2 move.
    expect(run(para(5, '000000'), [40, 100]).counts).toEqual([3, 2]);
  });
  it('leaves no orphan: a first line never stands alone at the foot of a column', () => {
    const lines = [...para(3, '111111'), ...para(4, '222222')];
    // 3 lines fill 30 of 40; the next paragraph's first line alone would be an orphan.
    expect(run(lines, [40, 100]).counts).toEqual([3, 4]);
  });
  it('never ends a column with a heading', () => {
    const heading: FlowLine = { ...para(1, '333333')[0]!, keepWithNext: true };
    const lines = [...para(3, '111111'), heading, ...para(3, '222222')];
    expect(run(lines, [50, 100]).counts).toEqual([3, 4]);
  });
  it('returns what does not fit as overflow, never drops it', () => {
    const { result, counts } = run(para(30, '444444'), [100, 100]);
    expect(counts).toEqual([10, 10]);
    expect(result.overflow.length).toBe(10);
  });
  it('never draws a block taller than a column past its foot: it waits for a taller column, or overflows', () => {
    const block: FlowLine = { ...para(1, '555555')[0]!, height: 150 };
    const lines = [...para(2, '111111'), block, ...para(2, '222222')];
    // Too tall for the 100 pt columns, it goes to the 200 pt one; the text after it follows.
    expect(run(lines, [100, 100, 200]).counts).toEqual([2, 0, 3]);
    const { result, counts } = run(lines, [100, 100]);
    expect(counts).toEqual([2, 0]);
    expect(result.overflow).toHaveLength(3);
    expect(result.overflow[0]).toBe(block);
  });
});
