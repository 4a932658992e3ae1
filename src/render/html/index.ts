export { article, formatSize, fragment, webPage, type PageParts, type WebFormat, type WebLogo } from './page.js';
export { introHtml, pictureFigure, pictureText, sectionsHtml, CONTACT_SECTION, type WebPicture } from './bodies.js';
export { contactCard } from './contact.js';
export { blockHtml, blocksHtml, sectionHtml } from './blocks.js';
export { inlineHtml, plainText } from './inline.js';
export { html, joinHtml, escapeHtml, trustedMarkup, type Html } from './markup.js';
export { brandTokens, pageTokens, styleSheet, TOKEN_NAMES, type TokenName, type Tokens } from './style.js';
