/**
 * Page furniture of the print edition, outside the bleed and marked as artifacts (of the
 * Page type: production aids, not content): crop marks at the four corners of the
 * finished page, and a slug line naming municipality, document, date and colour condition,
 * so a sheet found on the press floor says what it is. Both in the registration colour
 * (a Separation "All", on every plate), as a print shop expects its marks.
 */
import type { FontFace, TextItem } from '../../layout/frames.js';
import { fontById, loadFont, measure } from '../../layout/text/index.js';
import { drawText, type Doc } from '../pdf/render.js';
import { MARK_LENGTH, MARK_OFFSET, MARK_WIDTH, SHEET_MARGIN } from './sheet.js';

export const REGISTRATION = 'All';

const SLUG_SIZE = 6;

/** Declares the registration colour once per document. */
export function addRegistration(doc: Doc): void {
  (doc as Doc & { addSpotColor(name: string, c: number, m: number, y: number, k: number): void }).addSpotColor(REGISTRATION, 100, 100, 100, 100);
}

/** Draws the marks of one page, in the sheet's coordinates (top-left origin, y down). */
export function drawMarks(doc: Doc, page: { width: number; height: number }, slug: string, font: FontFace): void {
  const m = SHEET_MARGIN;
  const [left, top, right, bottom] = [m, m, m + page.width, m + page.height];
  const near = MARK_OFFSET;
  const far = MARK_OFFSET + MARK_LENGTH;
  doc.markContent('Artifact', { type: 'Page' });
  doc.save();
  doc.lineWidth(MARK_WIDTH);
  for (const [x, dx] of [[left, -1], [right, 1]] as const) {
    for (const [y, dy] of [[top, -1], [bottom, 1]] as const) {
      doc.moveTo(x + dx * near, y).lineTo(x + dx * far, y);
      doc.moveTo(x, y + dy * near).lineTo(x, y + dy * far);
    }
  }
  doc.stroke(REGISTRATION);
  doc.fillColor(REGISTRATION);
  const face = fontById(font.id) ?? loadFont(font.file);
  const item: TextItem = {
    type: 'text',
    // Between the bottom crop marks, clear of them.
    x: left + near,
    y: bottom + near + SLUG_SIZE,
    font: font.id,
    size: SLUG_SIZE,
    color: '#000000',
    text: slug,
    width: measure(face, slug, SLUG_SIZE),
  };
  // The registration colour pdfkit just set is the fill: the text sets no colour of its own.
  drawText(doc, item, { colour: () => REGISTRATION, textColour: () => '1 scn' });
  doc.restore();
  doc.endMarkedContent();
}
