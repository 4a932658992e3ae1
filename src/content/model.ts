/**
 * The document model: plain data extracted from Markdown, one shape per kind. It is generic
 * over the inline type `I` so that the same shapes serve before placeholders are filled
 * (`Inline[]`, with source positions) and after (`Run[]`, see src/resolve/runs.ts).
 */
import type { SourceRef } from '../diagnostics/index.js';

/** Inline Markdown as authored: text, emphasis, links and `{{path}}` placeholders. */
export type Inline =
  | { type: 'text'; value: string; at: SourceRef }
  | { type: 'emphasis'; children: Inline[]; at: SourceRef }
  | { type: 'strong'; children: Inline[]; at: SourceRef }
  | { type: 'link'; href: string; children: Inline[]; at: SourceRef }
  | { type: 'placeholder'; path: string; at: SourceRef }
  | { type: 'break'; at: SourceRef };

/** Block content of a section. `I` is the inline content type (Inline[] or Run[]). */
export type Block<I> =
  | { type: 'paragraph'; content: I; at: SourceRef }
  | { type: 'list'; ordered: boolean; items: I[]; at: SourceRef }
  /** `>` blockquote without a cited source: a pull quote. */
  | { type: 'pullquote'; content: I; at: SourceRef }
  /** `>` blockquote whose last line starts with `—`: a quotation with its source. */
  | { type: 'citation'; paragraphs: I[]; source: I; at: SourceRef };

export interface Section<I> {
  /** From a trailing `{#id}` on the heading, else a slug of the heading text. */
  id: string;
  /** Plain heading text (no placeholders), used for bookmarks and diagnostics. */
  title: string;
  heading: I;
  blocks: Block<I>[];
  at: SourceRef;
}

/**
 * What every document model has, whatever its kind: the front matter's fields and the
 * colophon. A kind's model adds its own parts (see src/kinds/).
 */
export interface DocumentBase<I> {
  /** The front matter's `kind`: the name of a registered kind (src/kinds/registry.ts). */
  kind: string;
  /** File name without `.md`. */
  id: string;
  file: string;
  title: string;
  subtitle?: string;
  /** One-sentence summary: PDF subject, alt text lead. */
  description?: string;
  /** Small print at the end (frontmatter `colophon`, inline Markdown per paragraph). */
  colophon: I[];
}

/** The front matter's part of every model, before the kind adds its body. */
export type DocumentFields = Omit<DocumentBase<Inline[]>, 'kind'>;

/**
 * Parent leaflet and professional guide: a cover with title and subtitle, an intro (the
 * blocks before the first `##`), then sections. The section with id `contact` is drawn as
 * the "Meer weten?" block: its first paragraph, then the municipality's contact card
 * (organisation, phone, e-mail, website, QR code), then its other blocks.
 */
export interface ParentLeaflet<I> extends DocumentBase<I> {
  kind: 'parent-leaflet';
  intro: Block<I>[];
  sections: Section<I>[];
}

export interface ProfessionalGuide<I> extends DocumentBase<I> {
  kind: 'professional-guide';
  intro: Block<I>[];
  sections: Section<I>[];
}

/** One layer of the three-layer diagram, from the ordered list `1. **Title.** Summary`. */
export interface Layer<I> {
  number: number;
  title: string;
  summary: I;
  at: SourceRef;
}

export interface ThreeLayerModel<I> extends DocumentBase<I> {
  kind: 'three-layer-model';
  intro: Block<I>[];
  sections: Section<I>[];
  layers: Layer<I>[];
}

/** One moment of the task-per-moment infographic (a `##` section between intro and references). */
export interface Moment<I> {
  number: number;
  /** Heading text, e.g. "Oriëntatiefase". */
  name: string;
  /** The paragraph that is all emphasis, e.g. "Bij reflectie op het eigen leven". */
  subtitle: string;
  /** The paragraph that is all strong, e.g. "Wegwijzer". */
  role: string;
  description: I[];
  tasks: I[];
  at: SourceRef;
}

export interface TaskPerMoment<I> extends DocumentBase<I> {
  kind: 'task-per-moment';
  /** The first `##` section ("Introductie"). */
  intro: { heading: string; paragraphs: I[]; at: SourceRef };
  moments: Moment<I>[];
  /** The last `##` section ("Meer lezen"): one list item per reference. */
  references: { heading: string; items: I[]; at: SourceRef };
}

/**
 * A document of any kind. The pipeline's stages see only the common fields; everything
 * that depends on the kind goes through the kind's definition (src/kinds/kind.ts).
 */
export type DocumentModel<I = Inline[]> = DocumentBase<I>;

/** The models of the bundled kinds (src/kinds/), for their own modules. */
export type BundledModel<I = Inline[]> = ParentLeaflet<I> | ProfessionalGuide<I> | ThreeLayerModel<I> | TaskPerMoment<I>;
