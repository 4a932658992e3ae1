/**
 * The checks after layout, on the frames each artifact is drawn from (the PDF's, and the
 * picture's, which for the three-layer model is another page): the frames check (text on the
 * paper, not overprinted, not covered) and the contact self-check. Either failing is an
 * error diagnostic, and the job writes no file.
 */
import type { DocumentModel } from '../content/model.js';
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import type { MergedProfile } from '../profiles/model.js';
import type { Run } from '../resolve/runs.js';
import { checkContacts, expectedContacts, type Artifact } from './contact.js';
import { checkFrames, indexPage, type FrameProblem } from './frames.js';

export { checkContacts, expectedContacts, type Artifact, type ContactValue, type ContactProblem } from './contact.js';
export { checkFrames, printableArea, PRINTABLE_INSET, type FrameProblem } from './frames.js';
export { safeAreaProblems, SAFE_INSET, type SafeAreaProblem } from './safe-area.js';

const NAMES: Record<Artifact, string> = { pdf: 'the PDF', picture: 'the picture (SVG and PNG)' };
/** More than a few of one kind say the same thing. */
const MAX_REPORTED = 5;

export function selfCheck(
  frames: Frames,
  artifact: Artifact,
  doc: DocumentModel<Run[]>,
  profile: MergedProfile,
  positions?: ReadonlyMap<string, SourceRef>,
  /** How messages name what was checked, when the frames serve more than one artifact. */
  name = NAMES[artifact],
): Diagnostic[] {
  const head = `Document "${doc.id}" for ${profile.name}, ${name}`;
  const out: Diagnostic[] = [];
  const indexes = frames.pages.map(indexPage);
  const problems = checkFrames(frames, indexes);
  for (const p of problems.slice(0, MAX_REPORTED)) {
    out.push(diagnostic(fileStart(doc.file), 'check/frames', `${head}: ${describeFrameProblem(p)}. The layout should have reported this itself: please report it as a fault in folderpers.`));
  }
  if (problems.length > MAX_REPORTED) {
    out.push(diagnostic(fileStart(doc.file), 'check/frames', `${head}: ${problems.length - MAX_REPORTED} more text items are drawn off the paper, overprinted or covered.`));
  }
  for (const { value, problem } of checkContacts(frames, expectedContacts(doc, profile, artifact), indexes)) {
    const at = positions?.get(`/${value.field.replaceAll('.', '/')}`) ?? fileStart(doc.file);
    out.push(diagnostic(at, 'check/contact', `${head}: ${value.field} "${value.text}": ${problem}. A leaflet with a missing or hidden contact detail is not written.`));
  }
  return out;
}

function describeFrameProblem(p: FrameProblem): string {
  const text = `"${p.text.text.trim().slice(0, 40)}" on page ${p.page + 1}`;
  switch (p.kind) {
    case 'off-page':
      return `${text} reaches ${Math.ceil(p.by ?? 0)} pt outside the printable area (the outer 5 mm of the paper)`;
    case 'overlap':
      return `${text} is overprinted by "${(p.other ?? '').trim().slice(0, 40)}"`;
    case 'covered':
      return `${text} is covered by a ${p.other ?? 'shape'} drawn after it`;
  }
}
