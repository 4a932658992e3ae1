export { renderPrintPdf, type RenderPrintOptions } from './render.js';
export { gamutWarnings } from './colour/gamut.js';
export { OUTPUT_CONDITION, printProfileProblem } from './colour/profile.js';
