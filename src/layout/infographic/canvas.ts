/** What every part of an infographic page draws into. */
import type { DocumentModel } from '../../content/model.js';
import type { Diagnostic, SourceRef } from '../../diagnostics/index.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import type { FitScope, TextSource } from '../fit.js';
import type { Bookmark, FrameItem, Frames } from '../frames.js';
import type { StructureBuilder } from '../structure.js';
import { fontIds } from '../kinds/context.js';
import { facesUsed, loadFontSet, type FontSet } from '../text/index.js';
import type { BlockStyle } from './flow.js';
import type { InfographicPalette } from './palette.js';
import type { InfographicTemplate, PageGeometry } from './template.js';

export interface Canvas {
  items: FrameItem[];
  /** Where text that does not fit is reported: this attempt's diagnostics. */
  fit: FitScope;
  builder: StructureBuilder;
  fonts: FontSet;
  palette: InfographicPalette;
  template: InfographicTemplate;
}

type Role = keyof InfographicTemplate['type'];

/** A block style from a template type role. */
export function styleOf(c: Canvas, role: Role, color: string, extra: Partial<BlockStyle> = {}): BlockStyle {
  const t = c.template.type[role];
  return { fonts: c.fonts, size: t.size, leading: t.leading, color, ...extra };
}

/** Body text at a given size, with the template's leading factor. */
export function bodyStyle(c: Canvas, size: number, color: string, extra: Partial<BlockStyle> = {}): BlockStyle {
  return { fonts: c.fonts, size, leading: Math.round(size * c.template.bodyLeading * 10) / 10, color, ...extra };
}

export interface InfographicEnv {
  fonts: FontSet;
  /** Folder with the templates; defaults to the tool's own templates/. */
  templatesRoot?: string;
  /** The profile's source positions by JSON pointer, so a value that does not fit is reported at its line. */
  positions?: ReadonlyMap<string, SourceRef>;
}

/** A text source on this canvas: a part of the document (its line) named for messages. */
export function sourceOf(c: Canvas, at: SourceRef, what: string): TextSource {
  return { scope: c.fit, at, what };
}

export interface InfographicResult {
  frames: Frames;
  diagnostics: Diagnostic[];
}

/** One-page frames with the same metadata the leaflets carry (see kinds/context.ts). */
export function infographicFrames(
  g: PageGeometry,
  c: Canvas,
  bookmarks: Bookmark[],
  doc: DocumentModel<Run[]>,
  profile: MergedProfile,
): Frames {
  return {
    width: g.width,
    height: g.height,
    pages: [{ items: c.items }],
    fonts: facesUsed(c.fonts, fontIds([{ items: c.items }])),
    structure: c.builder.root,
    bookmarks,
    meta: {
      title: doc.title,
      lang: 'nl-NL',
      ...(doc.description ? { subject: doc.description } : {}),
      author: profile.name,
      keywords: ['cliëntondersteuning', profile.name],
    },
  };
}

/** The profile's house font when it names one, else the default family. */
export function fontsFor(profile: MergedProfile, env: InfographicEnv): InfographicEnv {
  return profile.brand.font ? { ...env, fonts: loadFontSet(profile.brand.font) } : env;
}

/**
 * Runs `draw` into a separate item list, to be appended later. The PDF's structure tree
 * takes its order from the drawing order, so parts placed bottom-up (footer, references)
 * are drawn after the parts above them.
 */
export function drawLater<T>(c: Canvas, draw: () => T): { result: T; items: FrameItem[] } {
  const main = c.items;
  const items: FrameItem[] = [];
  c.items = items;
  try {
    return { result: draw(), items };
  } finally {
    c.items = main;
  }
}
