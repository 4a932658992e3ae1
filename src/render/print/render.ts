/**
 * Frames → the print edition: PDF/X-1a:2003 for FOGRA39 (coated paper, offset), what a
 * print shop's preflight accepts as it is. The same drawing code as the screen PDF
 * (src/render/pdf), on a larger sheet with the finished page as TrimBox, 3 mm of bleed,
 * crop marks and a slug line; every colour and image in CMYK through the output
 * condition's profile; no annotations; the structure tree kept (PDF/UA tags).
 *
 * PDF/X-1a:2003 rests on PDF 1.4, which has everything this file uses: tagged structure,
 * language, embedded CID fonts. It forbids RGB, ICC-based page colour and transparency,
 * none of which is drawn here.
 */
import type { Frames } from '../../layout/frames.js';
import { renderEdition, type PdfColour } from '../pdf/render.js';
import { inksFor, type BrandInk } from './colour/inks.js';
import { cmykImages } from './images.js';
import { addRegistration, drawMarks } from './marks.js';
import { paperFrames } from './paper.js';
import { PDFX_VERSION, pdfxInfo, writePdfx } from './pdfx.js';
import { OUTPUT_CONDITION } from './colour/profile.js';
import { sheetFor } from './sheet.js';

export interface RenderPrintOptions {
  creationDate: Date;
  /** The brand colours and, where the profile gives them, their own CMYK. */
  brands: readonly BrandInk[];
  /** The municipality's name, for the slug line. */
  municipality: string;
  /** The document's id, for the slug line. */
  document: string;
}

export async function renderPrintPdf(frames: Frames, opts: RenderPrintOptions): Promise<Buffer> {
  const paper = paperFrames(frames);
  const sheet = sheetFor(frames);
  const origin = { x: sheet.trim[0], y: sheet.height - sheet.trim[3] };
  const inks = inksFor(opts.brands);
  const colour = (hex: string): PdfColour => inks(hex).map((v) => round(v * 100)) as PdfColour;
  const font = frames.fonts[0]!;
  const date = opts.creationDate.toISOString().slice(0, 10);
  return renderEdition(paper, opts, {
    pdfVersion: '1.4',
    media: { width: sheet.width, height: sheet.height },
    origin,
    info: pdfxInfo(),
    colour,
    textColour: (hex) => `${inks(hex).map((v) => round(v)).join(' ')} k`,
    images: cmykImages,
    beginPage: (doc, page) => {
      if (page === 0) addRegistration(doc);
      doc.page.dictionary.data.TrimBox = sheet.trim;
      doc.page.dictionary.data.BleedBox = sheet.bleed;
      const slug = [opts.municipality, frames.meta.title, opts.document, date, `${PDFX_VERSION} ${OUTPUT_CONDITION.identifier}`, `pagina ${page + 1}/${frames.pages.length}`].join('  ·  ');
      drawMarks(doc, frames, slug, font);
      doc.translate(origin.x, origin.y);
    },
    end: (doc) => writePdfx(doc, opts.creationDate),
  });
}

/** Ink to a thousandth of its range, as the screen PDF writes RGB. */
function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
