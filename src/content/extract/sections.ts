/**
 * Intro + `##` sections: the whole body of a parent leaflet and a professional guide, and
 * the running text of the three-layer model.
 */
import type { Root } from 'mdast';
import type { Block, Inline, Section } from '../model.js';
import { checkUniqueIds, splitSections, toBlocks, toSection } from '../blocks.js';
import type { InlineContext } from '../inlines.js';
import { blockShape, sectionShape, type Positions } from './shape.js';

export interface IntroAndSections {
  intro: Block<Inline[]>[];
  sections: Section<Inline[]>[];
}

export function extractSections(ctx: InlineContext, root: Root): IntroAndSections {
  const raw = splitSections(root.children);
  const intro = toBlocks(ctx, raw.intro);
  const sections = raw.sections.map((s) => toSection(ctx, s));
  checkUniqueIds(ctx, sections);
  return { intro, sections };
}

export function sectionsShape(parts: IntroAndSections, positions: Positions): { intro: unknown[]; sections: unknown[] } {
  const first = parts.sections[0];
  if (first) positions.set('/body/sections', first.at);
  return {
    intro: parts.intro.map((b, i) => blockShape(b, `/body/intro/${i}`, positions)),
    sections: parts.sections.map((s, i) => sectionShape(s, `/body/sections/${i}`, positions)),
  };
}
