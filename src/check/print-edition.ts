/**
 * The print edition's own check (`print/safe-area`), on the frames it is drawn from after
 * the bleed is added: nothing may reach into the outer 5 mm the print shop may cut off.
 */
import type { DocumentModel } from '../content/model.js';
import { diagnostic, fileStart, type Diagnostic } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import type { LoadedProfile } from '../profiles/model.js';
import { paperFrames } from '../render/print/paper.js';
import type { Run } from '../resolve/runs.js';
import { safeAreaProblems } from './safe-area.js';

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
