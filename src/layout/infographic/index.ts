/** The one-page infographics: task-per-moment and the three-layer diagram. */
import type { DocumentModel } from '../../content/model.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import type { InfographicEnv, InfographicResult } from './canvas.js';
import { layoutTaskPerMoment } from './task-per-moment.js';
import { layoutThreeLayerDiagram } from './three-layer-diagram.js';

export { layoutTaskPerMoment, composeTaskPerMoment, taskPerMomentKind } from './task-per-moment.js';
export { layoutThreeLayerDiagram } from './three-layer-diagram.js';
export { auditContrast, type ContrastFailure } from './contrast-audit.js';
export { loadInfographicTemplate, defaultTemplatesDir, type InfographicTemplate } from './template.js';
export type { InfographicEnv, InfographicResult } from './canvas.js';

/**
 * The page drawn as SVG and PNG for a document of an infographic kind: the task-per-moment
 * page (the same frames as its PDF), or the one-page three-layer diagram (its PDF is the
 * multi-page leaflet). Undefined for kinds that are only PDFs.
 */
export function layoutPicture(doc: DocumentModel<Run[]>, profile: MergedProfile, env: InfographicEnv): InfographicResult | undefined {
  if (doc.kind === 'task-per-moment') return layoutTaskPerMoment(doc, profile, env);
  if (doc.kind === 'three-layer-model') return layoutThreeLayerDiagram(doc, profile, env);
  return undefined;
}
