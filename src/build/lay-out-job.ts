/**
 * Everything of one job before anything is drawn: resolve the document for the
 * municipality, lay it out, lay out its picture, and check the frames each artifact will be
 * drawn from. A build worker draws what this returns; `validate` runs only this, so every
 * problem a build can find without drawing (text that overflows, a character the font
 * lacks, a contact detail the layout hides) is found by `validate` through the same code.
 */
import { join } from 'node:path';
import { selfCheck, type Artifact } from '../check/index.js';
import { checkPrintEdition } from '../check/print-edition.js';
import type { DocumentModel } from '../content/model.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import { layoutDocument, type LayoutEnv } from '../layout/index.js';
import { defaultFontFiles, loadFontSet } from '../layout/text/index.js';
import { kindOf } from '../kinds/registry.js';
import type { LoadedProfile } from '../profiles/model.js';
import { resolveDocument } from '../resolve/resolve.js';
import type { Run } from '../resolve/runs.js';
import type { ArtifactFormat } from './formats.js';
import { TOOL_ROOT } from './inputs.js';

/** Runs one step of the job, adding its time to the job's timings. */
export type Timed = <T>(step: string, work: () => T | Promise<T>) => Promise<T>;

export interface LaidOutJob {
  resolved: DocumentModel<Run[]>;
  /** The PDF's frames; undefined when the diagnostics hold an error. */
  frames: Frames | undefined;
  /** The picture's frames (kinds with a picture, when an SVG or PNG is asked for). */
  picture: Frames | undefined;
  diagnostics: Diagnostic[];
}

/** Fonts parsed and templates found once per thread, for all its jobs. */
let env: LayoutEnv | undefined;

export function layoutEnv(date: Date): LayoutEnv {
  env ??= { fonts: loadFontSet(defaultFontFiles()), templatesRoot: join(TOOL_ROOT, 'templates'), date };
  return env;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export async function layOutJob(
  doc: DocumentModel,
  profile: LoadedProfile,
  formats: readonly ArtifactFormat[],
  env: LayoutEnv,
  timed: Timed = async (_step, work) => work(),
): Promise<LaidOutJob> {
  const resolved = await timed('resolve', () => resolveDocument(doc, profile));
  const laidOut = await timed('layout', () => layoutDocument(resolved, profile.profile, env, profile.positions));
  const diagnostics = [...laidOut.diagnostics];
  const frames = laidOut.frames;
  const failed = (): LaidOutJob => ({ resolved, frames: undefined, picture: undefined, diagnostics });
  if (!frames || hasErrors(diagnostics)) return failed();

  const kind = kindOf(doc);
  const wantsPicture = formats.includes('svg') || formats.includes('png') || formats.includes('web.png');
  const picture = wantsPicture && kind.picture ? await timed('layout', () => kind.picture!(resolved, profile, env, frames)) : undefined;
  if (picture) diagnostics.push(...picture.diagnostics);
  if (hasErrors(diagnostics)) return failed();

  // Every artifact is checked from the frames it is drawn from before anything is drawn.
  const wantsPdf = formats.includes('pdf');
  const shared = picture?.frames === frames;
  await timed('check', () => {
    const check = (f: Frames, artifact: Artifact, name?: string) =>
      diagnostics.push(...selfCheck(f, artifact, resolved, profile.profile, profile.positions, name));
    if (wantsPdf) check(frames, 'pdf', shared ? 'the PDF and the picture (one page)' : undefined);
    if (picture?.frames && !(shared && wantsPdf)) check(picture.frames, 'picture');
    if (formats.includes('print.pdf')) diagnostics.push(...checkPrintEdition(frames, resolved, profile));
  });
  if (hasErrors(diagnostics)) return failed();
  return { resolved, frames, picture: picture?.frames, diagnostics };
}
