/**
 * The print edition of one job (`<document>.print.pdf`): checked on the frames it is drawn
 * from (the safe area, after the bleed is added), then drawn with the municipality's brand
 * colours and, where its profile gives them, their own CMYK values.
 */
import { safeAreaProblems } from '../check/index.js';
import type { DocumentModel } from '../content/model.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import type { LoadedProfile } from '../profiles/model.js';
import { renderPrintPdf } from '../render/print/index.js';
import { paperFrames } from '../render/print/paper.js';
import type { Run } from '../resolve/runs.js';

/** More than a few say the same thing. */
const MAX_REPORTED = 5;

export function checkPrintEdition(frames: Frames, doc: DocumentModel<Run[]>, { profile }: LoadedProfile): Diagnostic[] {
  const problems = safeAreaProblems(paperFrames(frames));
  return problems.slice(0, MAX_REPORTED).map((p) =>
    diagnostic(
      fileStart(doc.file),
      'print/safe-area',
      `Document "${doc.id}" for ${profile.name}, the print edition: ${p.what} on page ${p.page + 1} reaches ${Math.ceil(p.by)} pt into the outer 5 mm of the page, ` +
        'where the print shop may cut it off. The layout should have kept it clear: please report it as a fault in folderpers.',
    ),
  );
}

export function renderPrintEdition(frames: Frames, doc: DocumentModel<Run[]>, { profile }: LoadedProfile, creationDate: Date): Promise<Buffer> {
  const own = profile.brand.cmyk;
  const brands = (['primary', 'secondary'] as const).flatMap((role) => {
    const hex = profile.brand[role];
    const cmyk = own?.[role]?.map((v) => v / 100) as [number, number, number, number] | undefined;
    return hex ? [{ hex, cmyk }] : [];
  });
  return renderPrintPdf(frames, { creationDate, brands, municipality: profile.name, document: doc.id });
}
