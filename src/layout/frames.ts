/**
 * The one layout result that every renderer draws. Units are PDF points (1/72 inch); the
 * origin is the top-left corner of the page, y grows downwards, text is placed by baseline.
 * Renderers know nothing about document kinds: only frames.
 */

export interface FontFace {
  /** Key used by text items. */
  id: string;
  /** Absolute path of a TTF/OTF file. */
  file: string;
}

export interface TextItem {
  type: 'text';
  x: number;
  /** Baseline. */
  y: number;
  font: string;
  size: number;
  /** `#RRGGBB`. */
  color: string;
  /** Exactly the characters to draw (never a soft hyphen). */
  text: string;
  /** Advance width in points as measured by the layout; renderers may use it to check. */
  width: number;
  /** Structure node this text belongs to; undefined means artifact (decoration, page numbers). */
  node?: number;
  /**
   * True for a hyphen added by the layout at a line break: drawn, but an artifact in the PDF
   * so the tagged text keeps the real word.
   */
  hyphen?: boolean;
  /** Tail text that a screen reader must hear after this run (a space lost at a line break). */
  actualTextSuffix?: string;
  /** Clickable target; a Link annotation over this item's box. */
  link?: { href: string; node: number };
  /**
   * The profile field whose value this text shows (`contact.phone`): the contact self-check
   * (src/check) finds the value's pieces by it. Renderers ignore it.
   */
  contact?: string;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  radius?: number;
  node?: number;
  /**
   * Sides that run off the paper in the print edition: the print renderer moves them out to
   * the trimmed edge and 3 mm beyond (src/render/print/bleed.ts), so the cutter's tolerance
   * leaves no white sliver. Cover bands and colour bands; the screen renderers ignore it.
   */
  bleed?: readonly Side[];
}

export type Side = 'top' | 'right' | 'bottom' | 'left';

/** A vector path in page coordinates (SVG path syntax), e.g. a QR code or an icon. */
export interface PathItem {
  type: 'path';
  d: string;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
  node?: number;
}

export interface ImageItem {
  type: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Absolute path of an SVG or PNG asset inside the content root. */
  asset: string;
  node?: number;
}

export type FrameItem = TextItem | RectItem | PathItem | ImageItem;

export interface Page {
  items: FrameItem[];
}

export type StructRole =
  | 'Document'
  | 'Sect'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Quote'
  | 'Note'
  | 'Link'
  /** Inline text without a role of its own: a link's text in the print edition. */
  | 'Span'
  | 'Figure'
  | 'Caption';

/** A node of the logical structure (PDF structure tree), in reading order. */
export interface StructNode {
  id: number;
  role: StructRole;
  /** Alternative text, required for Figure. */
  alt?: string;
  /** For Link: what it points at. */
  href?: string;
  children: StructNode[];
}

export interface Bookmark {
  title: string;
  page: number;
  y: number;
}

export interface Frames {
  width: number;
  height: number;
  pages: Page[];
  fonts: FontFace[];
  structure: StructNode;
  bookmarks: Bookmark[];
  meta: {
    title: string;
    lang: string;
    subject?: string;
    author?: string;
    keywords?: string[];
  };
}
