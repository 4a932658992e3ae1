/**
 * Frames → tagged PDF (PDF/UA-1 target) with pdfkit. The renderer knows nothing about
 * document kinds: it draws items at their positions, opens marked content for the item's
 * structure node (or marks it an artifact), adds link annotations under their Link
 * element, and writes bookmarks and metadata. Same frames and date → same bytes.
 *
 * The screen PDF is one edition; the print edition (src/render/print) is another, drawn by
 * the same code with its own paper size, inks, images and page furniture (`PdfEdition`).
 */
import PDFDocument from 'pdfkit';
import type { FrameItem, Frames, ImageItem, TextItem } from '../../layout/frames.js';
import { fontById, loadFont, type LoadedFont } from '../../layout/text/index.js';
import { collectBytes, currentFont, escapeXmpInfo, memoiseGlyphDecoding, useFontOnPage, type PdfDocInternals } from '../../patches/index.js';
import { imageBytes } from './images.js';
import { StructureWriter } from './structure.js';

export interface RenderPdfOptions {
  creationDate: Date;
}

export type Doc = PDFKit.PDFDocument & PdfDocInternals;

/** A colour as pdfkit takes it: `#RRGGBB`, or `[c, m, y, k]` in per cent. */
export type PdfColour = string | [number, number, number, number];

/** What differs between the screen PDF and the print edition. */
export interface PdfEdition {
  pdfVersion: '1.4' | '1.7';
  /** The paper (MediaBox) in points. */
  media: { width: number; height: number };
  /** Where the frames' top-left corner lies on it. */
  origin: { x: number; y: number };
  /** Entries for the Info dictionary beyond title, author, dates and tools. */
  info: Record<string, unknown>;
  /** Fill or stroke for a frames colour. */
  colour(hex: string): PdfColour;
  /** The content operator that sets a text item's fill colour. */
  textColour(hex: string): string;
  /** Loads the frames' images (before the document exists) and returns how to draw one. */
  images(frames: Frames): Promise<(doc: Doc, item: ImageItem) => void>;
  /** After a page is added, before its items: boxes, marks. */
  beginPage(doc: Doc, page: number): void;
  /** After the last page, before the document is closed: output intents, metadata. */
  end(doc: Doc): void;
}

export function renderPdf(frames: Frames, opts: RenderPdfOptions): Promise<Buffer> {
  return renderEdition(frames, opts, screenEdition(frames));
}

/** The screen PDF: the page itself, RGB, links, images as pdfkit embeds them. */
function screenEdition(frames: Frames): PdfEdition {
  return {
    pdfVersion: '1.7',
    media: { width: frames.width, height: frames.height },
    origin: { x: 0, y: 0 },
    info: {},
    colour: (hex) => hex,
    textColour: (hex) => `${rgb(hex)} rg`,
    images: async (f) => {
      const images = await loadImages(f);
      return (doc, item) => void doc.image(images.get(item.asset)!, item.x, item.y, { width: item.width, height: item.height });
    },
    beginPage: () => undefined,
    end: () => undefined,
  };
}

export async function renderEdition(frames: Frames, opts: RenderPdfOptions, edition: PdfEdition): Promise<Buffer> {
  const drawImage = await edition.images(frames);
  const { media, origin } = edition;
  const doc = new PDFDocument({
    size: [media.width, media.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load and parse Helvetica's AFM per document.
    font: null,
    pdfVersion: edition.pdfVersion,
    tagged: true,
    subset: 'PDF/UA',
    lang: frames.meta.lang,
    displayTitle: true,
    info: {
      Title: frames.meta.title,
      ...(frames.meta.author ? { Author: frames.meta.author } : {}),
      ...(frames.meta.subject ? { Subject: frames.meta.subject } : {}),
      ...(frames.meta.keywords ? { Keywords: frames.meta.keywords.join(', ') } : {}),
      Creator: 'folderpers',
      Producer: 'folderpers (pdfkit)',
      CreationDate: opts.creationDate,
      ModDate: opts.creationDate,
      ...edition.info,
    },
  } as unknown as PDFKit.PDFDocumentOptions) as Doc;
  const output = collectBytes(doc);
  escapeXmpInfo(doc);

  const fonts = new Map<string, LoadedFont>();
  for (const face of frames.fonts) {
    const f = fontById(face.id) ?? loadFont(face.file);
    fonts.set(face.id, f);
    // pdfkit accepts a fontkit Font: the parsed, process-wide object, not the file again.
    doc.registerFont(face.id, f.font as unknown as string);
    memoiseGlyphDecoding(f.font);
  }

  const structure = new StructureWriter(doc, frames.structure);
  const draw: Drawing = { doc, structure, fonts, drawImage, edition };

  frames.pages.forEach((page, i) => {
    doc.addPage({ size: [media.width, media.height], margin: 0 });
    edition.beginPage(doc, i);
    for (const item of page.items) drawItem(draw, item);
  });

  for (const b of frames.bookmarks) {
    doc.outline.addItem(b.title, { pageNumber: b.page, top: b.y + origin.y, left: media.width - origin.x } as unknown as { expanded?: boolean });
  }
  structure.finish();
  edition.end(doc);
  doc.end();
  return output;
}

interface Drawing {
  doc: Doc;
  structure: StructureWriter;
  fonts: Map<string, LoadedFont>;
  drawImage: (doc: Doc, item: ImageItem) => void;
  edition: PdfEdition;
}

async function loadImages(frames: Frames): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const page of frames.pages) {
    for (const item of page.items) {
      if (item.type === 'image' && !out.has(item.asset)) out.set(item.asset, await imageBytes(item.asset, item.width));
    }
  }
  return out;
}

function drawItem({ doc, structure, fonts, drawImage, edition }: Drawing, item: FrameItem): void {
  const artifact = item.node === undefined || (item.type === 'text' && item.hyphen === true);
  if (artifact) doc.markContent('Artifact', { type: 'Layout' });
  else structure.beginContent(item.node!);
  switch (item.type) {
    case 'text':
      drawText(doc, item, edition);
      break;
    case 'rect':
      if (item.radius) doc.roundedRect(item.x, item.y, item.width, item.height, item.radius);
      else doc.rect(item.x, item.y, item.width, item.height);
      paint(doc, item, edition);
      break;
    case 'path':
      doc.path(item.d);
      paint(doc, item, edition);
      break;
    case 'image':
      drawImage(doc, item);
      break;
  }
  doc.endMarkedContent();
  if (item.type === 'text' && item.link) {
    const f = fonts.get(item.font)!;
    const ascent = (f.ascent / f.unitsPerEm) * item.size;
    const descent = (-f.descent / f.unitsPerEm) * item.size;
    const width = item.text.endsWith(' ') ? item.width - spaceWidth(f, item.size) : item.width;
    const node = item.link.node;
    doc.link(item.x, item.y - ascent, width, ascent + descent, item.link.href, {
      structParent: structure.annotationParent(node),
      // PDF/UA wants a description on every annotation: "Bel 010 282 11 11".
      Contents: new String(structure.alt(node) ?? item.link.href),
    } as unknown as PDFKit.Mixins.AnnotationOption);
  }
}

function spaceWidth(f: LoadedFont, size: number): number {
  return (f.font.layout(' ').advanceWidth / f.unitsPerEm) * size;
}

function paint(doc: Doc, item: { fill?: string; stroke?: string; strokeWidth?: number }, { colour }: PdfEdition): void {
  if (item.stroke) doc.lineWidth(item.strokeWidth ?? 1);
  if (item.fill && item.stroke) doc.fillAndStroke(colour(item.fill), colour(item.stroke));
  else if (item.fill) doc.fill(colour(item.fill));
  else if (item.stroke) doc.stroke(colour(item.stroke));
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

function rgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `${fmt(((n >> 16) & 255) / 255)} ${fmt(((n >> 8) & 255) / 255)} ${fmt((n & 255) / 255)}`;
}

/**
 * Writes one text object with one content call. pdfkit's text path (even `_fragment`)
 * wraps every run in save/transform/restore and writes each operator as its own chunk;
 * for the ~700 runs of a leaflet that is most of the content stream and much garbage.
 * Glyphs come from pdfkit's own encoder, so subsetting, widths and ToUnicode stay its own.
 */
export function drawText(doc: Doc, item: TextItem, edition: Pick<PdfEdition, 'colour' | 'textColour'>): void {
  // The space lost at a line break is drawn (it is invisible) so the tagged text keeps it.
  const text = item.text + (item.actualTextSuffix ?? '');
  doc.font(item.font);
  const font = currentFont(doc);
  const [encoded, positions] = font.encode(text);
  if (positions.some((p) => p.xOffset || p.yOffset)) {
    // Mark positioning (a combining accent): pdfkit's path handles the offsets.
    doc.fontSize(item.size).fillColor(edition.colour(item.color));
    doc.text(text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
    return;
  }
  useFontOnPage(doc, font);
  // Glyph runs, with a kerning adjustment wherever shaping moved the next glyph.
  const parts: string[] = [];
  let last = 0;
  for (let i = 0; i < positions.length; i++) {
    const adjust = positions[i]!.xAdvance - positions[i]!.advanceWidth;
    if (adjust !== 0) {
      parts.push(`<${encoded.slice(last, i + 1).join('')}> ${fmt(-adjust)}`);
      last = i + 1;
    }
  }
  if (last < encoded.length) parts.push(`<${encoded.slice(last).join('')}>`);
  // The page is drawn with y flipped (pdfkit's top-left origin); the text matrix flips back.
  doc.addContent(`BT\n/${font.id} ${fmt(item.size)} Tf\n${edition.textColour(item.color)}\n1 0 0 -1 ${fmt(item.x)} ${fmt(item.y)} Tm\n[${parts.join(' ')}] TJ\nET`);
}
