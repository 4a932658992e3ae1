/**
 * What the three kinds built from an intro and `##` sections share: the parent leaflet, the
 * professional guide and the three-layer model. Their texts are the intro's and each
 * section's (heading first), and a profile may replace any section's blocks.
 */
import type { Block, DocumentBase, Section } from '../content/model.js';
import { fileStart } from '../diagnostics/index.js';
import type { KindText, OutlineSection, TextRole } from './kind.js';

/** The model parts the section kinds have in common. */
export interface SectionsModel<I> extends DocumentBase<I> {
  intro: Block<I>[];
  sections: Section<I>[];
}

/** One entry per inline sequence of the blocks, at its block. */
export function blockTexts<I>(blocks: readonly Block<I>[]): KindText<I>[] {
  return blocks.flatMap((b): KindText<I>[] => {
    switch (b.type) {
      case 'paragraph':
      case 'pullquote':
        return [{ content: b.content, at: b.at }];
      case 'list':
        return b.items.map((content) => ({ content, at: b.at }));
      case 'citation':
        return [...b.paragraphs, b.source].map((content) => ({ content, at: b.at }));
    }
  });
}

/** A block's pieces with their roles: a citation's source is a label, a pull quote a copy. */
export function blockParts<I>(block: Block<I>): Array<{ content: I; role: TextRole }> {
  switch (block.type) {
    case 'paragraph':
      return [{ content: block.content, role: 'prose' }];
    case 'list':
      return block.items.map((content) => ({ content, role: 'prose' as const }));
    case 'pullquote':
      return [{ content: block.content, role: 'quote' }];
    case 'citation':
      return [...block.paragraphs.map((content) => ({ content, role: 'cited' as const })), { content: block.source, role: 'label' }];
  }
}

/** The intro, then each section with its heading as a label. */
export function sectionOutline<I>(doc: SectionsModel<I>): OutlineSection<I>[] {
  return [
    { id: 'intro', title: 'intro', parts: doc.intro.flatMap(blockParts) },
    ...doc.sections.map((s) => ({ id: s.id, title: s.title, parts: [{ content: s.heading, role: 'label' as const }, ...s.blocks.flatMap(blockParts)] })),
  ];
}

/** The intro, then each section's heading and blocks. */
export function sectionTexts<I>(doc: SectionsModel<I>): KindText<I>[] {
  return [
    ...blockTexts(doc.intro),
    ...doc.sections.flatMap((s) => [{ content: s.heading, at: s.at }, ...blockTexts(s.blocks)]),
  ];
}

/** The colophon's paragraphs, which every kind ends with; they have no place of their own in the model. */
export function colophonTexts<I>(doc: DocumentBase<I>): KindText<I>[] {
  return doc.colophon.map((content) => ({ content, at: fileStart(doc.file) }));
}

/** The contact card stands in the section with this id (src/layout/kinds/house.ts). */
export const CONTACT_SECTION = 'contact';

export function hasContactSection(doc: SectionsModel<unknown>): boolean {
  return doc.sections.some((s) => s.id === CONTACT_SECTION);
}

export function sectionIds(doc: SectionsModel<unknown>): string[] {
  return doc.sections.map((s) => s.id);
}
