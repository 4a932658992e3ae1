export { renderPdf, type RenderPdfOptions } from './render.js';
