/**
 * The web edition of one document, in a build worker: the thumbnail of the PDF's first
 * page, the web page and the fragment for a CMS. All come from what the job already has
 * (the resolved model, the PDF's frames, the picture's PNGs), so the page says what the
 * PDF says; the logo is inlined from the bytes the asset gate checked (site-files.ts). The page names its
 * sibling files relatively, so the folder works from the file system and any host.
 */
import type { Frames } from '../layout/frames.js';
import type { AnyKind } from '../kinds/kind.js';
import type { LoadedProfile } from '../profiles/model.js';
import { fragment, pageTokens, webPage, type WebFormat, type WebPicture } from '../render/html/index.js';
import { readPngHeader } from '../assets/png.js';
import { assert } from '../diagnostics/index.js';
import { renderThumbnail } from '../render/thumb/index.js';
import type { AltText } from '../render/svg/alt-text.js';
import type { DocumentBase } from '../content/model.js';
import type { Run } from '../resolve/runs.js';
import { FORMAT_LABELS } from '../site/municipality-page.js';
import type { ArtifactFormat } from './formats.js';
import { headerLogo } from './site-files.js';

/** Thumbnails are 320 px wide: sharp at twice the 160 CSS px the municipality page shows them. */
export const THUMB_WIDTH = 320;

/** The thumbnail: the PDF's first page, from its frames (src/render/thumb). */
export function thumbnail(frames: Frames): Promise<Buffer> {
  return renderThumbnail(frames, 0, THUMB_WIDTH);
}

/** Width and height of a PNG this job drew. */
function pngSize(data: Uint8Array): { width: number; height: number } {
  const header = readPngHeader(data);
  assert(header.ok, 'the job drew a PNG without a valid header');
  return { width: header.width, height: header.height };
}

export interface WebInputs {
  kind: AnyKind;
  doc: DocumentBase<Run[]>;
  profile: LoadedProfile;
  documentId: string;
  /** The files the job made before the web edition, for the picture and the page's list of formats. */
  files: readonly { format: ArtifactFormat; data: Uint8Array }[];
  /** The picture's alternative text, for kinds that have one. */
  alt?: AltText | undefined;
  generator: string;
}

/** The fragment and the page (in the formats asked for), the fragment first: the page lists its size. */
export function webFiles(input: WebInputs, formats: readonly ArtifactFormat[]): { format: ArtifactFormat; data: Uint8Array }[] {
  const { kind, doc, profile, documentId } = input;
  const byFormat = new Map(input.files.map((f) => [f.format, f.data]));
  const web = byFormat.get('web.png');
  const print = byFormat.get('png');
  const picture: WebPicture | undefined =
    web && print && input.alt
      ? {
          web: { file: `${documentId}.web.png`, ...pngSize(web) },
          print: { file: `${documentId}.png`, width: pngSize(print).width },
          alt: input.alt,
        }
      : undefined;
  const body = kind.html!(doc, { contact: profile.profile.contact, ...(picture ? { picture } : {}) });
  const out: { format: ArtifactFormat; data: Uint8Array }[] = [];
  if (formats.includes('fragment.html')) out.push({ format: 'fragment.html', data: Buffer.from(fragment({ doc, body })) });
  if (formats.includes('html')) {
    const offered = [...input.files, ...out];
    const listed: WebFormat[] = FORMAT_LABELS.flatMap(({ format, label }) => {
      const f = offered.find((o) => o.format === format);
      // The fragment is for the site's editors (the municipality's page offers it), not for its readers.
      return f && format !== 'html' && format !== 'fragment.html' ? [{ label, file: `${documentId}.${format}`, bytes: f.data.byteLength }] : [];
    });
    const logo = headerLogo(profile.profile);
    const page = webPage({ doc, profile: profile.profile, body, tokens: pageTokens(profile.profile.brand.primary, profile.tokens), ...(logo ? { logo } : {}), formats: listed, generator: input.generator });
    out.push({ format: 'html', data: Buffer.from(page) });
  }
  return out;
}
