/**
 * The three layers of the three-layer model: the one numbered list whose items all start
 * with a strong lead, `1. **Title.** Summary`. The list also stays in its section's blocks;
 * a layout that draws the diagram decides whether to show it again as text.
 */
import { diagnostic } from '../../diagnostics/index.js';
import type { Block, Inline, Layer, Section } from '../model.js';
import { plainLine, plainText, trimInlines, type InlineContext } from '../inlines.js';
import type { Positions } from './shape.js';

type ListBlock = Extract<Block<Inline[]>, { type: 'list' }>;

function isLayerList(block: Block<Inline[]>): block is ListBlock {
  return block.type === 'list' && block.ordered && block.items.length > 0 && block.items.every((item) => item[0]?.type === 'strong');
}

export function extractLayers(ctx: InlineContext, intro: Block<Inline[]>[], sections: Section<Inline[]>[]): Layer<Inline[]>[] {
  const lists = [...intro, ...sections.flatMap((s) => s.blocks)].filter(isLayerList);
  for (const extra of lists.slice(1)) {
    ctx.diagnostics.push(
      diagnostic(extra.at, 'document/layers', 'only one numbered list may start each item with **Title.**; it defines the three layers'),
    );
  }
  const list = lists[0];
  if (!list) return [];
  return list.items.map((item, i) => {
    const [lead, ...rest] = item;
    const title = plainLine(lead && lead.type === 'strong' ? lead.children : []).replace(/[.:]$/, '');
    return { number: i + 1, title, summary: trimInlines(rest), at: lead?.at ?? list.at };
  });
}

export function layersShape(layers: Layer<Inline[]>[], positions: Positions): unknown[] {
  if (layers[0]) positions.set('/body/layers', layers[0].at);
  return layers.map((layer, i) => {
    const ptr = `/body/layers/${i}`;
    positions.set(ptr, layer.at);
    positions.set(`${ptr}/title`, layer.at);
    positions.set(`${ptr}/summary`, layer.summary[0]?.at ?? layer.at);
    return { number: layer.number, title: layer.title, summary: plainText(layer.summary).trim() };
  });
}
