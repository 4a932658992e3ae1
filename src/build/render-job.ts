/**
 * One job, in a worker: resolve the document for the municipality, lay it out, and draw
 * the frames in every format asked for — all in memory; the worker writes the files. The
 * PDF, the SVG and both PNGs of a picture come from the same frames, so they agree.
 */
import { join } from 'node:path';
import type { DocumentModel } from '../content/model.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import { layoutDocument, type LayoutEnv } from '../layout/index.js';
import { layoutPicture } from '../layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../layout/text/index.js';
import type { LoadedProfile } from '../profiles/model.js';
import { renderPdf } from '../render/pdf/index.js';
import { pagePngs, pixelSize } from '../render/png/index.js';
import { altText, altTextFile, embedImages, renderSvg } from '../render/svg/index.js';
import { resolveDocument } from '../resolve/resolve.js';
import type { Run } from '../resolve/runs.js';
import type { ArtifactFormat } from './formats.js';
import { TOOL_ROOT } from './inputs.js';

/** Print PNGs at 300 dpi of the page size; web PNGs 1200 px wide. */
const PRINT_DPI = 300;
const WEB_WIDTH = 1200;

/** Fonts parsed and templates found once per worker, for all its jobs. */
let env: LayoutEnv | undefined;

function layoutEnv(date: Date): LayoutEnv {
  env ??= { fonts: loadFontSet(defaultFontFiles()), templatesRoot: join(TOOL_ROOT, 'templates'), date };
  return env;
}

/** Parses the default fonts now (they are cached by file), before the first job needs them. */
export function warmUp(): void {
  loadFontSet(defaultFontFiles());
}

/**
 * The page drawn as SVG and PNG. The task-per-moment infographic is one page whose PDF
 * frames are that page, so it is laid out once; the three-layer diagram is its own page
 * beside the multi-page leaflet.
 */
function pictureOf(doc: DocumentModel<Run[]>, profile: LoadedProfile, e: LayoutEnv, pdfFrames: Frames) {
  if (doc.kind === 'task-per-moment') return { frames: pdfFrames, diagnostics: [] };
  return layoutPicture(doc, profile.profile, e);
}

export interface RenderedJob {
  files: { format: ArtifactFormat; data: Uint8Array }[];
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
}

export async function renderJob(
  doc: DocumentModel,
  profile: LoadedProfile,
  formats: readonly ArtifactFormat[],
  ctx: { creationDate: Date },
): Promise<RenderedJob> {
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[step] = (timings[step] ?? 0) + performance.now() - started;
    return result;
  };

  const env = layoutEnv(ctx.creationDate);
  const resolved = await timed('resolve', () => resolveDocument(doc, profile));
  const laidOut = await timed('layout', () => layoutDocument(resolved, profile.profile, env));
  const diagnostics = [...laidOut.diagnostics];
  const files: RenderedJob['files'] = [];
  const frames = laidOut.frames;
  if (!frames || hasErrors(diagnostics)) return { files, diagnostics, timings };

  const wantsPicture = formats.includes('svg') || formats.includes('png') || formats.includes('web.png');
  const picture = wantsPicture ? await timed('layout', () => pictureOf(resolved, profile, env, frames)) : undefined;
  if (picture) diagnostics.push(...picture.diagnostics);
  if (hasErrors(diagnostics)) return { files, diagnostics, timings };

  if (formats.includes('pdf')) {
    files.push({ format: 'pdf', data: await timed('pdf', () => renderPdf(frames, { creationDate: ctx.creationDate })) });
  }
  if (picture) {
    const page = picture.frames;
    const images = await timed('svg', () => embedImages(page));
    const svg = await timed('svg', () => renderSvg(page, 0, images));
    const alt = altText(page);
    const title = page.meta.title;
    if (formats.includes('svg')) files.push({ format: 'svg', data: Buffer.from(svg) });
    // Each PNG size is composed at its own size from strips cached across this worker's jobs.
    const sizes = [
      ...(formats.includes('png') ? [{ format: 'png' as const, size: pixelSize(page.width, page.height, PRINT_DPI) }] : []),
      ...(formats.includes('web.png') ? [{ format: 'web.png' as const, size: { width: WEB_WIDTH } }] : []),
    ];
    const png = sizes.length > 0 ? await timed(sizes[0]!.format, () => pagePngs(page, 0, images, { alt, title })) : undefined;
    for (const { format, size } of sizes) files.push({ format, data: await timed(format, () => png!(size)) });
    if (formats.includes('alt.txt')) files.push({ format: 'alt.txt', data: Buffer.from(altTextFile(alt)) });
  }
  return { files, diagnostics, timings };
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
