/**
 * The print edition's paper: the finished page (TrimBox) is the frames' page, A4 for every
 * bundled kind; 3 mm of bleed around it (BleedBox) for what runs off the page; beyond that
 * the crop marks and the slug line, on a sheet (MediaBox) 15 mm larger on every side.
 */
import { mm } from '../../layout/units.js';

export const BLEED = mm(3);
/** Crop marks start 2 mm outside the bleed, so a cut inside the tolerance never shows one. */
export const MARK_OFFSET = BLEED + mm(2);
export const MARK_LENGTH = mm(5);
export const MARK_WIDTH = 0.25;
export const SHEET_MARGIN = mm(15);

/** A box as the PDF writes it: [left, bottom, right, top], y upwards. */
export type PdfBox = [number, number, number, number];

export interface Sheet {
  width: number;
  height: number;
  trim: PdfBox;
  bleed: PdfBox;
  media: PdfBox;
}

export function sheetFor(page: { width: number; height: number }): Sheet {
  const width = page.width + 2 * SHEET_MARGIN;
  const height = page.height + 2 * SHEET_MARGIN;
  const m = SHEET_MARGIN;
  return {
    width,
    height,
    media: [0, 0, width, height],
    trim: [m, m, m + page.width, m + page.height],
    bleed: [m - BLEED, m - BLEED, m + page.width + BLEED, m + page.height + BLEED],
  };
}
