/**
 * Hard limits on untrusted input. They are far above what a leaflet or a logo needs and far
 * below what would slow a build of 342 municipalities down or exhaust memory; SECURITY.md
 * lists them for authors.
 */
const MiB = 1024 * 1024;

/**
 * Markdown documents and local section texts: the largest bundled document is 11 KiB. Size
 * alone does not bound parse time; markdown-limits.ts caps the costly constructs too.
 */
export const MAX_MARKDOWN_BYTES = 64 * 1024;
/** YAML profiles and defaults: a profile is about 1 KiB. */
export const MAX_YAML_BYTES = 64 * 1024;
/** SVG and PNG logos. */
export const MAX_IMAGE_BYTES = 2 * MiB;
/** NL Design System token files (brand.tokens): a whole theme's tokens.json is ~200 KiB. */
export const MAX_TOKENS_BYTES = 2 * MiB;
/** TTF and OTF house fonts. */
export const MAX_FONT_BYTES = 10 * MiB;

/** PNG pixels (width × height), also for PNGs embedded in an SVG: 4096 × 4096. */
export const MAX_PIXELS = 4096 * 4096;
/** Longest side of a raster image, in pixels. */
export const MAX_SIDE = 8192;
/**
 * Longest side of an SVG's own size (width/height, else viewBox) in CSS pixels: about 54 cm,
 * more than any artboard a logo comes on. Renderers rasterise at the declared size times
 * their density, so this bounds their memory (2048 px at 300 dpi is 8533 px a side).
 */
export const MAX_SVG_SIDE = 2048;

/** SVG structure: enough for any logo, too little for a parser or renderer bomb. */
export const MAX_SVG_ELEMENTS = 20_000;
export const MAX_SVG_DEPTH = 64;
