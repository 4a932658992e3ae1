/**
 * task-per-moment: the first `##` section is the introduction, the last the reading list,
 * and each section between is a moment with a subtitle (a paragraph that is all emphasis),
 * a role (a paragraph that is all strong), a description and one `-` list of tasks.
 */
import type { Root } from 'mdast';
import { diagnostic, type SourceRef } from '../../diagnostics/index.js';
import type { Block, Inline, Moment, Section, TaskPerMoment } from '../model.js';
import { checkUniqueIds, splitSections, toSection } from '../blocks.js';
import { nodeAt, plainLine, trimInlines, type InlineContext } from '../inlines.js';
import { textList, type Positions } from './shape.js';

type Parts = Pick<TaskPerMoment<Inline[]>, 'intro' | 'moments' | 'references'>;

/** What a moment's blocks contribute, with the fields that were found at all. */
interface MomentParts {
  moment: Moment<Inline[]>;
  /** Where each part was found; a part that is absent is missing, not empty. */
  found: Partial<Record<'subtitle' | 'role' | 'tasks', SourceRef>>;
}

function soleChild(content: Inline[], type: 'emphasis' | 'strong'): Inline[] | undefined {
  const trimmed = trimInlines(content);
  const only = trimmed[0];
  return trimmed.length === 1 && only?.type === type ? only.children : undefined;
}

function toMoment(ctx: InlineContext, section: Section<Inline[]>, number: number): MomentParts {
  const moment: Moment<Inline[]> = {
    number,
    name: section.title,
    subtitle: '',
    role: '',
    description: [],
    tasks: [],
    at: section.at,
  };
  const found: MomentParts['found'] = {};
  const twice = (block: Block<Inline[]>, what: string): void => {
    ctx.diagnostics.push(diagnostic(block.at, 'document/structure', `a moment has one ${what}; this is a second one`));
  };
  for (const block of section.blocks) {
    if (block.type === 'paragraph') {
      const emphasis = soleChild(block.content, 'emphasis');
      const strong = soleChild(block.content, 'strong');
      if (emphasis) {
        if (found.subtitle) twice(block, 'subtitle (a paragraph that is all *emphasis*)');
        moment.subtitle = plainLine(emphasis);
        found.subtitle = block.at;
      } else if (strong) {
        if (found.role) twice(block, 'role (a paragraph that is all **strong**)');
        moment.role = plainLine(strong);
        found.role = block.at;
      } else moment.description.push(block.content);
    } else if (block.type === 'list' && !block.ordered) {
      if (found.tasks) twice(block, "list of tasks ('-' list)");
      moment.tasks = block.items;
      found.tasks = block.at;
    } else {
      ctx.diagnostics.push(
        diagnostic(block.at, 'document/structure', "a moment holds a subtitle, a role, description paragraphs and one '-' list of tasks; nothing else"),
      );
    }
  }
  return { moment, found };
}

export function extractTaskPerMoment(ctx: InlineContext, root: Root): { parts: Parts; shape: unknown; positions: Positions; bodyAt: SourceRef } {
  const raw = splitSections(root.children);
  const positions: Positions = new Map();
  for (const node of raw.intro) {
    ctx.diagnostics.push(
      diagnostic(nodeAt(ctx, node), 'document/structure', "this document starts with its first '##' section (the introduction); move this text into it"),
    );
  }
  const sections = raw.sections.map((s) => toSection(ctx, s));
  checkUniqueIds(ctx, sections);
  const bodyAt = sections[0]?.at ?? ctx.parsed.at(0);
  const shape: Record<string, unknown> = {};

  const first = sections[0];
  const intro: Parts['intro'] = { heading: first?.title ?? '', paragraphs: [], at: first?.at ?? bodyAt };
  if (first) {
    for (const block of first.blocks) {
      if (block.type === 'paragraph') intro.paragraphs.push(block.content);
      else ctx.diagnostics.push(diagnostic(block.at, 'document/structure', 'the introduction holds only paragraphs'));
    }
    positions.set('/body/intro', first.at);
    positions.set('/body/intro/heading', first.at);
    shape['intro'] = { heading: intro.heading, paragraphs: textList(intro.paragraphs, first.at, '/body/intro/paragraphs', positions) };
  }

  const last = sections.length >= 2 ? sections[sections.length - 1] : undefined;
  const references: Parts['references'] = { heading: last?.title ?? '', items: [], at: last?.at ?? bodyAt };
  if (last) {
    const lists = last.blocks.filter((b) => b.type === 'list');
    for (const block of last.blocks) {
      if (block.type !== 'list' || block !== lists[0]) {
        ctx.diagnostics.push(diagnostic(block.at, 'document/structure', "the reading list (last section) is one '-' list, one reference per item"));
      }
    }
    const list = lists[0];
    if (list?.type === 'list') references.items = list.items;
    positions.set('/body/references', last.at);
    positions.set('/body/references/heading', last.at);
    shape['references'] = { heading: references.heading, items: textList(references.items, last.at, '/body/references/items', positions) };
  }

  const moments = sections.slice(1, -1).map((s, i) => toMoment(ctx, s, i + 1));
  shape['moments'] = moments.map(({ moment, found }, i) => {
    const ptr = `/body/moments/${i}`;
    positions.set(ptr, moment.at);
    positions.set(`${ptr}/name`, moment.at);
    const m: Record<string, unknown> = {
      name: moment.name,
      description: textList(moment.description, moment.at, `${ptr}/description`, positions),
    };
    if (found.subtitle) {
      m['subtitle'] = moment.subtitle;
      positions.set(`${ptr}/subtitle`, found.subtitle);
    }
    if (found.role) {
      m['role'] = moment.role;
      positions.set(`${ptr}/role`, found.role);
    }
    if (found.tasks) {
      positions.set(`${ptr}/tasks`, found.tasks);
      m['tasks'] = textList(moment.tasks, found.tasks, `${ptr}/tasks`, positions);
    }
    return m;
  });
  positions.set('/body/moments', moments[0]?.moment.at ?? bodyAt);

  return { parts: { intro, moments: moments.map((m) => m.moment), references }, shape, positions, bodyAt };
}
