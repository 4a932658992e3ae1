/**
 * One job, in a worker: resolve, lay out and check it (lay-out-job.ts, which `validate`
 * runs too), then draw the frames in every format asked for — all in memory; the worker
 * writes the files. The PDF, the SVG and both PNGs of a picture come from the same frames,
 * so they agree.
 */
import type { DocumentModel } from '../content/model.js';
import type { Diagnostic } from '../diagnostics/index.js';
import type { Frames } from '../layout/frames.js';
import { kindOf } from '../kinds/registry.js';
import { defaultFontFiles, hyphenationPoints, loadFontSet, measure } from '../layout/text/index.js';
import type { LoadedProfile } from '../profiles/model.js';
import { renderPdf } from '../render/pdf/index.js';
import { pagePngs, pixelSize } from '../render/png/index.js';
import { altText, altTextFile, embedImages, renderSvg, type AltText } from '../render/svg/index.js';
import { admitCheckedAsset } from '../assets/checked.js';
import type { ArtifactFormat } from './formats.js';
import { TOOL_VERSION } from './inputs.js';
import { layOutJob, layoutEnv } from './lay-out-job.js';
import { compareIds } from './plan.js';
import { renderPrintEdition } from './print-edition.js';
import type { WarmUpSet } from './warm-up-set.js';
import { thumbnail, webFiles } from './web-files.js';

/** Print PNGs at 300 dpi of the page size; web PNGs 1200 px wide. */
const PRINT_DPI = 300;
const WEB_WIDTH = 1200;

/**
 * Dutch text with every letter, digit and mark the documents use. Shaping it parses the
 * parts of each font's shaping tables that any page needs, which fontkit otherwise does
 * lazily inside the first job (a third of a second, the longest part of a one-profile
 * rebuild).
 */
const SAMPLE =
  'De cliëntondersteuner helpt inwoners bij vragen over zorg, welzijn en ondersteuning: ' +
  'onafhankelijk, gratis en vertrouwelijk (Wmo 2015, art. 1.1.1). Bel 14 020 of mail naar ' +
  'info@gemeente.nl — “Meer weten?” ‘Tip’ … • € 0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ ' +
  'abcdefghijklmnopqrstuvwxyz äëïöüáéíóúàèç ĳ ff fi fl ffi ffl ½ % & / ? ! ; +';

/** The warm-up's steps through a real page: its PDF, its picture, its web edition (each lays the page out again, warm). */
const WARM_UP_STEPS: readonly (readonly ArtifactFormat[])[] = [['pdf'], ['svg', 'png', 'web.png', 'alt.txt'], ['thumb.png', 'html', 'fragment.html']];

/**
 * Readies a worker before its first job (while the main thread still validates): the
 * sample shaped in every face, so that the fonts' shaping tables are read, then a small
 * page of it drawn in every format, so hyphenation patterns are compiled, pdfkit, the SVG
 * outlines and the PNG composer run once and librsvg started. Then, while there is still
 * no job, the warm-up set's real pages (`set`, warm-up-set.ts), kind by kind in the order
 * a build sends its jobs (the most formats first) and a few formats at a time, so that the
 * first job of each kind finds its code run once. Only caches fill; no result depends on it.
 *
 * It stops at the next step once `stop()` says a job is coming (validation passed) or has
 * come: from then on it would only compete with that job for the core (a small build's
 * validation is over before a warm-up of ~0.3 s is), and the job fills whatever caches it
 * needs itself. A real page stops between its steps, not only between pages.
 */
export async function warmUp(stop: () => boolean = () => false, set?: WarmUpSet): Promise<void> {
  // A turn of the event loop between steps, so a job that arrived meanwhile is seen.
  const stopped = () => new Promise<boolean>((resolve) => setImmediate(() => resolve(stop())));
  const fonts = loadFontSet(defaultFontFiles());
  const faces = [fonts.regular, fonts.bold, fonts.italic, fonts.boldItalic];
  // Shaped with fontkit itself, past the shipped runs (which hold the sample's words):
  // what a job needs first is the tables its municipality's own words are shaped with.
  // An explicit (empty) feature list is the patched layout's way through to fontkit.
  for (const face of faces) {
    if (await stopped()) return;
    face.font.layout(SAMPLE, []);
  }
  if (await stopped()) return;
  for (const word of SAMPLE.split(/\W+/u)) hyphenationPoints(word);
  const frames: Frames = {
    width: 600,
    height: 100,
    pages: [
      {
        items: [
          { type: 'rect', x: 0, y: 0, width: 600, height: 20, fill: '#005A9C' },
          { type: 'path', d: 'M10 30L20 40L30 30', stroke: '#005A9C', strokeWidth: 2 },
          ...faces.map((face, i) => ({
            type: 'text' as const,
            x: 10,
            y: 50 + 12 * i,
            font: face.id,
            size: 6,
            color: '#1A1A1A',
            text: SAMPLE,
            width: measure(face, SAMPLE, 6),
            node: 1,
          })),
        ],
      },
    ],
    fonts: fonts.faces,
    structure: { id: 0, role: 'Document', children: [{ id: 1, role: 'P', children: [] }] },
    bookmarks: [],
    meta: { title: 'folderpers', lang: 'nl-NL' },
  };
  if (await stopped()) return;
  await renderPdf(frames, { creationDate: new Date(0) });
  if (await stopped()) return;
  const alt = { short: 'folderpers', full: SAMPLE };
  await pagePngs(frames, 0, new Map(), { alt })({ width: 300 });
  if (!set) return;
  for (const [path, bytes] of Object.entries(set.profile.assets)) admitCheckedAsset(path, bytes);
  const documents = [...set.documents].sort((a, b) => kindOf(b).formats.length - kindOf(a).formats.length || compareIds(a.id, b.id));
  for (const doc of documents) {
    const formats = kindOf(doc).formats;
    for (const step of WARM_UP_STEPS) {
      const some = formats.filter((f) => step.includes(f));
      if (some.length === 0) continue;
      try {
        await renderJob(doc, set.profile, some, { creationDate: new Date(0), stop: stopped });
      } catch (err) {
        if (err instanceof WarmUpStopped) return;
        throw err;
      }
    }
  }
}

/**
 * A warm-up page stops between its steps (layout, PDF, SVG, each PNG, the web edition)
 * once a job has come, instead of at the end of the page: a real page's first PDF step
 * took ~0.6 s on a busy machine, and a one-profile rebuild's job waited ~0.3 s for it.
 * Steps are whole, so every cache they fill is complete.
 */
class WarmUpStopped extends Error {}

export interface RenderedJob {
  files: { format: ArtifactFormat; data: Uint8Array }[];
  diagnostics: Diagnostic[];
  timings: Record<string, number>;
}

export async function renderJob(
  doc: DocumentModel,
  profile: LoadedProfile,
  formats: readonly ArtifactFormat[],
  ctx: { creationDate: Date; stop?: () => Promise<boolean> },
): Promise<RenderedJob> {
  const timings: Record<string, number> = {};
  const timed = async <T>(step: string, work: () => T | Promise<T>): Promise<T> => {
    if (ctx.stop && (await ctx.stop())) throw new WarmUpStopped();
    const started = performance.now();
    const result = await work();
    timings[step] = (timings[step] ?? 0) + performance.now() - started;
    return result;
  };

  const env = layoutEnv(ctx.creationDate);
  const { resolved, frames, picture, diagnostics } = await layOutJob(doc, profile, formats, env, timed);
  const files: RenderedJob['files'] = [];
  if (!frames) return { files, diagnostics, timings };

  const kind = kindOf(doc);
  const wantsPdf = formats.includes('pdf');
  const wantsPrint = formats.includes('print.pdf');
  if (wantsPdf) {
    files.push({ format: 'pdf', data: await timed('pdf', () => renderPdf(frames, { creationDate: ctx.creationDate })) });
  }
  if (wantsPrint) {
    files.push({ format: 'print.pdf', data: await timed('print.pdf', () => renderPrintEdition(frames, resolved, profile, ctx.creationDate)) });
  }
  let alt: AltText | undefined;
  if (picture) {
    const page = picture;
    const images = await timed('svg', () => embedImages(page));
    const svg = await timed('svg', () => renderSvg(page, 0, images));
    alt = (kind.altText ?? altText)(page);
    const title = page.meta.title;
    if (formats.includes('svg')) files.push({ format: 'svg', data: Buffer.from(svg) });
    // Each PNG size is composed at its own size from strips cached across this worker's jobs.
    const sizes = [
      ...(formats.includes('png') ? [{ format: 'png' as const, size: pixelSize(page.width, page.height, PRINT_DPI) }] : []),
      ...(formats.includes('web.png') ? [{ format: 'web.png' as const, size: { width: WEB_WIDTH } }] : []),
    ];
    const png = pagePngs(page, 0, images, { alt, title });
    for (const { format, size } of sizes) files.push({ format, data: await timed(format, () => png(size)) });
    if (formats.includes('alt.txt')) files.push({ format: 'alt.txt', data: Buffer.from(altTextFile(alt)) });
  }
  // The web edition, after the files it shows and lists: one step in the timings, so its share of a build is known.
  if (formats.includes('thumb.png')) {
    files.push({ format: 'thumb.png', data: await timed('web', () => thumbnail(frames)) });
  }
  if (formats.includes('html') || formats.includes('fragment.html')) {
    const web = await timed('web', () => webFiles({ kind, doc: resolved, profile, documentId: doc.id, files, alt, generator: `folderpers ${TOOL_VERSION}` }, formats));
    files.push(...web);
  }
  return { files, diagnostics, timings };
}
