/**
 * Alternative text derived from the frames themselves: the words drawn, in the reading
 * order of the structure tree. Deriving it from what is drawn (not from the model) means
 * the alt text can never promise a word the image does not show, and vice versa.
 */
import type { Frames, StructNode, StructRole, TextItem } from '../../layout/frames.js';

export interface AltText {
  /** One or two sentences: what the image is. */
  short: string;
  /** Every word on the image, one block (heading, paragraph, list item) a line. */
  full: string;
}

const BLOCKS = new Set<StructRole>(['H1', 'H2', 'H3', 'P', 'LI', 'Caption', 'Note', 'Quote']);

interface Placed {
  item: TextItem;
  page: number;
  order: number;
}

function subtreeIds(node: StructNode, into = new Set<number>()): Set<number> {
  into.add(node.id);
  for (const child of node.children) subtreeIds(child, into);
  return into;
}

function hasBlockBelow(node: StructNode): boolean {
  return node.children.some((c) => BLOCKS.has(c.role) || hasBlockBelow(c));
}

/** Joins the runs of one block: a space where the layout broke a line or left a visible gap. */
function joinRuns(runs: Placed[]): string {
  let text = '';
  let prev: Placed | undefined;
  for (const run of runs) {
    const { item } = run;
    if (item.hyphen) {
      prev = run;
      continue;
    }
    if (prev && !prev.item.hyphen && !prev.item.actualTextSuffix) {
      const newLine = prev.page !== run.page || Math.abs(prev.item.y - item.y) > 0.5;
      const gap = item.x - (prev.item.x + prev.item.width) > item.size * 0.15;
      if ((newLine || gap) && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
    }
    text += item.text + (item.actualTextSuffix ?? '');
    prev = run;
  }
  return text.replace(/\s+/g, ' ').trim();
}

export function altText(frames: Frames): AltText {
  const byNode = new Map<number, Placed[]>();
  let order = 0;
  frames.pages.forEach((page, pageIndex) => {
    for (const item of page.items) {
      if (item.type !== 'text' || item.node === undefined) continue;
      const list = byNode.get(item.node) ?? [];
      list.push({ item, page: pageIndex, order: order++ });
      byNode.set(item.node, list);
    }
  });

  const lines: string[] = [];
  const visit = (node: StructNode): void => {
    if (node.role === 'Figure') {
      if (node.alt) lines.push(node.alt);
      return;
    }
    if (BLOCKS.has(node.role) && !hasBlockBelow(node)) {
      const runs = [...subtreeIds(node)]
        .flatMap((id) => byNode.get(id) ?? [])
        .sort((a, b) => a.order - b.order);
      const text = joinRuns(runs);
      const labelled = node.children.some((c) => c.role === 'Lbl' && byNode.has(c.id));
      if (text) lines.push(node.role === 'LI' && !labelled ? `- ${text}` : text);
      return;
    }
    const own = joinRuns(byNode.get(node.id) ?? []);
    if (own) lines.push(own);
    node.children.forEach(visit);
  };
  visit(frames.structure);

  const { title, author, subject } = frames.meta;
  const lead = author ? `${title} (${author}).` : /[.?!]$/.test(title) ? title : `${title}.`;
  return { short: subject ? `${lead} ${subject}` : lead, full: lines.join('\n') };
}

/** The `<doc>.alt.txt` file: the short description, a blank line, the full text. */
export function altTextFile(alt: AltText): string {
  return `${alt.short}\n\n${alt.full}\n`;
}
