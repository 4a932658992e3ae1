/** The one-page infographics: task-per-moment and the three-layer diagram. */
export { layoutTaskPerMoment, composeTaskPerMoment, taskPerMomentKind } from './task-per-moment.js';
export { layoutThreeLayerDiagram } from './three-layer-diagram.js';
export { auditContrast, type ContrastFailure } from './contrast-audit.js';
export { loadInfographicTemplate, defaultTemplatesDir, type InfographicTemplate } from './template.js';
export type { InfographicEnv, InfographicResult } from './canvas.js';
