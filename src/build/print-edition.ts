/**
 * The print edition of one job (`<document>.print.pdf`), once src/check/print-edition.ts
 * passed its frames: drawn with the municipality's brand colours and, where its profile
 * gives them, their own CMYK values.
 */
import type { DocumentModel } from '../content/model.js';
import type { Frames } from '../layout/frames.js';
import type { LoadedProfile } from '../profiles/model.js';
import { renderPrintPdf } from '../render/print/index.js';
import type { Run } from '../resolve/runs.js';

export function renderPrintEdition(frames: Frames, doc: DocumentModel<Run[]>, { profile }: LoadedProfile, creationDate: Date): Promise<Buffer> {
  const own = profile.brand.cmyk;
  const brands = (['primary', 'secondary'] as const).flatMap((role) => {
    const hex = profile.brand[role];
    const cmyk = own?.[role]?.map((v) => v / 100) as [number, number, number, number] | undefined;
    return hex ? [{ hex, cmyk }] : [];
  });
  return renderPrintPdf(frames, { creationDate, brands, municipality: profile.name, document: doc.id });
}
