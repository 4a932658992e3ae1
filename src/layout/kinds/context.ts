/**
 * What a kind layout works with: the document, the profile, the template's geometry, fonts,
 * colours, the structure being built and the pages being filled.
 */
import type { Diagnostic } from '../../diagnostics/index.js';
import type { DocumentModel } from '../../content/model.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import type { FitScope } from '../fit.js';
import type { Bookmark, FrameItem, Frames, Page } from '../frames.js';
import type { Palette } from '../palette.js';
import type { StructureBuilder } from '../structure.js';
import type { Geometry, Template } from '../template.js';
import { facesUsed, type FontSet } from '../text/index.js';

export interface LayoutEnv {
  /** The default font family (Source Sans 3); a profile's house font replaces it. */
  fonts: FontSet;
  /** Folder holding `<kind>.json` templates. */
  templatesRoot: string;
  /** The build date (SOURCE_DATE_EPOCH or fixed): the only date a layout may print. */
  date: Date;
}

export interface KindContext {
  doc: DocumentModel<Run[]>;
  profile: MergedProfile;
  env: LayoutEnv;
  template: Template;
  g: Geometry;
  fonts: FontSet;
  colors: Palette;
  builder: StructureBuilder;
  pages: Page[];
  bookmarks: Bookmark[];
  diagnostics: Diagnostic[];
  /** Where the layout reports text that does not fit (into `diagnostics`). */
  fit: FitScope;
}

export function pageItems(k: KindContext, page: number): FrameItem[] {
  while (k.pages.length <= page) k.pages.push({ items: [] });
  return k.pages[page]!.items;
}

export type KindLayout = (k: KindContext) => void;

/** Frames, or none when the diagnostics hold an error. */
export interface LayoutResult {
  frames: Frames | undefined;
  diagnostics: Diagnostic[];
}

export function toFrames(k: KindContext): Frames {
  return {
    width: k.g.width,
    height: k.g.height,
    pages: k.pages,
    fonts: facesUsed(k.fonts, fontIds(k.pages)),
    structure: k.builder.root,
    bookmarks: k.bookmarks,
    meta: {
      title: k.doc.title,
      lang: 'nl-NL',
      ...(k.doc.description ? { subject: k.doc.description } : {}),
      author: k.profile.name,
      keywords: ['cliëntondersteuning', k.profile.name],
    },
  };
}

/** The font ids the text items of `pages` use. */
export function fontIds(pages: readonly Page[]): Set<string> {
  const ids = new Set<string>();
  for (const p of pages) for (const i of p.items) if (i.type === 'text') ids.add(i.font);
  return ids;
}
