/**
 * A document kind: everything the pipeline needs to know about one kind of document, in one
 * place. The stages never ask which kind a document is; they look its definition up in the
 * registry (registry.ts) and call it:
 *
 *   load      extract      Markdown body → the kind's model, its schema shape, positions
 *   validate  schema       the JSON Schema of { frontmatter, body } (schemas/<id>)
 *             texts        every piece of inline content, for placeholders, links, text rules
 *             outline      the text section by section, for the language checks
 *             replaceable  which sections a profile's `sections:` may replace
 *   resolve   resolve      placeholders filled, links typed, local sections in place
 *   layout    layout       the PDF's frames, from the kind's template (templates/<name>.json)
 *             shows        what each artifact prints, for the contact self-check
 *             picture      the page drawn as SVG and PNG (kinds that have pictures)
 *   render    altText      the picture's alternative text (default: its text in reading order)
 *             html         the web page's article (src/render/html)
 *   build     formats      which files a document of this kind becomes
 *
 * Adding a kind: a module like parent-leaflet.ts, a schema, a template, one line in the
 * registry. See docs/adding-a-kind.md.
 */
import type { Root } from 'mdast';
import type { ArtifactFormat } from '../build/formats.js';
import type { Positions } from '../content/extract/shape.js';
import type { InlineContext } from '../content/inlines.js';
import type { DocumentBase, DocumentFields, Inline } from '../content/model.js';
import type { SourceRef } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import type { KindLayout, LayoutEnv, LayoutResult } from '../layout/kinds/context.js';
import type { LoadedProfile } from '../profiles/model.js';
import type { Resolver } from '../resolve/resolve.js';
import type { Run } from '../resolve/runs.js';
import type { AltText } from '../render/svg/alt-text.js';
import type { Html, WebPicture } from '../render/html/index.js';
import type { ContactDetails } from '../profiles/model.js';

/** What a kind's extractor gives the loader. */
export interface ExtractedBody<M> {
  model: M;
  /** Plain JSON view of the body (inline content as plain text), checked by the kind's schema. */
  shape: unknown;
  /** JSON pointer (`/body/…`) → source place, so a schema error points at the Markdown line. */
  positions: Positions;
}

/** One piece of inline content of a document, and where it stands. */
export interface KindText<I> {
  content: I;
  at: SourceRef;
}

/**
 * `M` is the kind's model before resolving (inline content `Inline[]`), `R` after (`Run[]`).
 * Methods, not function-typed fields, so a definition for a specific model is a definition.
 */
export interface KindDefinition<M extends DocumentBase<Inline[]> = DocumentBase<Inline[]>, R extends DocumentBase<Run[]> = DocumentBase<Run[]>> {
  /** The front matter's `kind:` value. */
  readonly name: string;
  /** `$id` of the JSON Schema of `{ frontmatter, body }`, in schemas/. */
  readonly schema: string;
  /** The layout template: `<templates>/<template>.json`. */
  readonly template: string;
  /** Folder of the template, for a kind outside the tool (default: the tool's templates/). */
  readonly templates?: string;
  /** The schema file, for a kind outside the tool (the tool's own are in schemas/). */
  readonly schemaFile?: string;
  /** The files a document of this kind becomes, in the order they are made. */
  readonly formats: readonly ArtifactFormat[];

  /** The Markdown body (after the front matter) → the kind's model. Problems go to `ctx.diagnostics`. */
  extract(ctx: InlineContext, root: Root, fields: DocumentFields): ExtractedBody<M>;

  /**
   * Every piece of inline content a reader sees, in reading order, with its place (the
   * block's, once resolved). Placeholders, links and the text rules walk this; so does the
   * check for characters the font lacks.
   */
  texts<I>(doc: DocumentBase<I>): KindText<I>[];

  /**
   * The document section by section, the intro first (`intro`), each piece with its role;
   * without the front matter and the colophon, which every kind has. For the language checks.
   */
  outline(doc: M): OutlineSection<Inline[]>[];

  /** Section ids a profile may replace with local text (`sections.<document>.<id>`); none: `[]`. */
  replaceableSections(doc: M): readonly string[];

  /** The model for one municipality: placeholders filled, links typed, local text in place. */
  resolve(doc: M, r: Resolver): R;

  /** What each artifact prints of the document: what the contact self-check expects to find. */
  shows(doc: R, artifact: Artifact): Shown;

  /** Lays out the PDF's pages (see src/layout/kinds/context.ts). */
  readonly layout: KindLayout;

  /**
   * The page drawn as SVG and PNG, for kinds whose formats include them: the PDF's own page
   * (`pdf`, already laid out) or a picture of its own.
   */
  picture?(doc: R, profile: LoadedProfile, env: LayoutEnv, pdf: Frames): LayoutResult;

  /**
   * The picture's alternative text (PNG Description, SVG desc, `.alt.txt`). Without one,
   * the picture's text in reading order, figures by their own alternative text
   * (src/render/svg/alt-text.ts), which is what every bundled kind needs.
   */
  altText?(picture: Frames): AltText;

  /**
   * The web edition: the article's body after its title, from the same resolved model as
   * the PDF (the same text, local sections and links), built with src/render/html. A kind
   * with one lists `html` (and `fragment.html`) in its formats; the registry checks both ways.
   */
  html?(doc: R, web: WebContext): Html;
}

/** What a kind's web page may draw on besides its model. */
export interface WebContext {
  contact: ContactDetails;
  /** The document's picture, for kinds that have one. */
  picture?: WebPicture;
}

/** Which of a document's artifacts: its PDF, or its picture (SVG and PNGs). */
export type Artifact = 'pdf' | 'picture';

/** What one artifact of a document prints, for the contact self-check (src/check/contact.ts). */
export interface Shown {
  /** The inline content it prints (their contact values must all be there). */
  texts: readonly Run[][];
  /** It carries the municipality's contact card (organisation, phone, e-mail, website …). */
  contactCard: boolean;
  /** It carries the pictures' footer band (name, organisation, phone, website). */
  footerBand: boolean;
}

/**
 * What a piece of text is to a reader, which decides what the language checks look for
 * (src/language/units.ts): running text, a quotation (word for word), a pull quote (a copy
 * of running text), a heading or label, an entry of a reading list.
 */
export type TextRole = 'prose' | 'cited' | 'quote' | 'label' | 'reference';

/** One section of a document's outline: the plain-language report is given per section. */
export interface OutlineSection<I> {
  /** `intro` for the text before the first section. */
  id: string;
  title: string;
  parts: Array<{ content: I; role: TextRole }>;
}

/** A definition whose model types are known only to itself, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = KindDefinition<any, any>;
