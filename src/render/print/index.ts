export { renderPrintPdf, type RenderPrintOptions } from './render.js';
export { gamutWarnings } from './colour/gamut.js';
