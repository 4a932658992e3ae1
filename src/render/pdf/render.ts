/**
 * Frames → tagged PDF (PDF/UA-1 target) with pdfkit. The renderer knows nothing about
 * document kinds: it draws items at their positions, opens marked content for the item's
 * structure node (or marks it an artifact), adds link annotations under their Link
 * element, and writes bookmarks and metadata. Same frames and date → same bytes.
 */
import PDFDocument from 'pdfkit';
import type { FrameItem, Frames, TextItem } from '../../layout/frames.js';
import { fontById, loadFont, type LoadedFont } from '../../layout/text/index.js';
import { collectBytes, currentFont, escapeXmpInfo, memoiseGlyphDecoding, useFontOnPage, type PdfDocInternals } from '../../patches/index.js';
import { imageBytes } from './images.js';
import { StructureWriter } from './structure.js';

export interface RenderPdfOptions {
  creationDate: Date;
}

type Doc = PDFKit.PDFDocument & PdfDocInternals;

export async function renderPdf(frames: Frames, opts: RenderPdfOptions): Promise<Buffer> {
  const images = await loadImages(frames);
  const doc = new PDFDocument({
    size: [frames.width, frames.height],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load and parse Helvetica's AFM per document.
    font: null,
    pdfVersion: '1.7',
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

  frames.pages.forEach((page) => {
    doc.addPage({ size: [frames.width, frames.height], margin: 0 });
    for (const item of page.items) drawItem(doc, item, structure, fonts, images);
  });

  for (const b of frames.bookmarks) {
    doc.outline.addItem(b.title, { pageNumber: b.page, top: b.y, left: frames.width } as unknown as { expanded?: boolean });
  }
  structure.finish();
  doc.end();
  return output;
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

function drawItem(doc: Doc, item: FrameItem, structure: StructureWriter, fonts: Map<string, LoadedFont>, images: Map<string, Buffer>): void {
  const artifact = item.node === undefined || (item.type === 'text' && item.hyphen === true);
  if (artifact) doc.markContent('Artifact', { type: 'Layout' });
  else structure.beginContent(item.node!);
  switch (item.type) {
    case 'text':
      drawText(doc, item);
      break;
    case 'rect':
      if (item.radius) doc.roundedRect(item.x, item.y, item.width, item.height, item.radius);
      else doc.rect(item.x, item.y, item.width, item.height);
      paint(doc, item);
      break;
    case 'path':
      doc.path(item.d);
      paint(doc, item);
      break;
    case 'image':
      doc.image(images.get(item.asset)!, item.x, item.y, { width: item.width, height: item.height });
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

function paint(doc: Doc, item: { fill?: string; stroke?: string; strokeWidth?: number }): void {
  if (item.stroke) doc.lineWidth(item.strokeWidth ?? 1);
  if (item.fill && item.stroke) doc.fillAndStroke(item.fill, item.stroke);
  else if (item.fill) doc.fill(item.fill);
  else if (item.stroke) doc.stroke(item.stroke);
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
function drawText(doc: Doc, item: TextItem): void {
  // The space lost at a line break is drawn (it is invisible) so the tagged text keeps it.
  const text = item.text + (item.actualTextSuffix ?? '');
  doc.font(item.font);
  const font = currentFont(doc);
  const [encoded, positions] = font.encode(text);
  if (positions.some((p) => p.xOffset || p.yOffset)) {
    // Mark positioning (a combining accent): pdfkit's path handles the offsets.
    doc.fontSize(item.size).fillColor(item.color);
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
  doc.addContent(`BT\n/${font.id} ${fmt(item.size)} Tf\n${rgb(item.color)} rg\n1 0 0 -1 ${fmt(item.x)} ${fmt(item.y)} Tm\n[${parts.join(' ')}] TJ\nET`);
}
