/**
 * Which files a document becomes. Every document is a PDF; the infographic kinds are also
 * drawn as SVG and rasterised to a print PNG and a web PNG, with their alternative text
 * beside them. The format name is the file extension, so `<document>.<format>` is the file.
 */
import type { DocumentKind } from '../content/model.js';

export const ARTIFACT_FORMATS = ['pdf', 'svg', 'png', 'web.png', 'alt.txt'] as const;
export type ArtifactFormat = (typeof ARTIFACT_FORMATS)[number];

const INFOGRAPHIC_KINDS: ReadonlySet<DocumentKind> = new Set(['task-per-moment', 'three-layer-model']);

export function formatsForKind(kind: DocumentKind): ArtifactFormat[] {
  return INFOGRAPHIC_KINDS.has(kind) ? ['pdf', 'svg', 'png', 'web.png', 'alt.txt'] : ['pdf'];
}

/** Path of an artifact relative to the output folder, always with `/`. */
export function artifactPath(municipality: string, document: string, format: ArtifactFormat): string {
  return `${municipality}/${document}.${format}`;
}
