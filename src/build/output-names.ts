/**
 * The names of the output folder's own files, apart from manifest.ts so that the build
 * command can name them in its closing line without loading the manifest code (and the
 * kinds it plans with) before its warm worker has started.
 */
export const MANIFEST_FILE = 'manifest.json';

/** The review site, `out/index.html`. */
export const SITE_FILE = 'index.html' as const;
