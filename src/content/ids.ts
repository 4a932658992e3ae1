/**
 * Municipality and document ids are file names twice over: the content file is named by
 * its id (`rotterdam.yaml`, `ouderfolder.md`), and every artifact is written as
 * `<municipality>/<document>.<format>` on whatever machine builds or receives the output
 * (CI runners, Windows laptops of communication officers, a web server). So an id must be a
 * name every common file system accepts, decided when the content is validated, not when
 * a build on some other machine fails to create a folder.
 */

/** Lowercase letters, digits and single hyphens: the same on every file system and in every URL. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The longest id, in characters (= bytes: ids are ASCII). The longest file name the build
 * writes for an id is the temporary beside an artifact,
 * `.<document>.web.png.folderpers-tmp-<pid>-<thread>-<counter>`: 27 characters and three
 * numbers of at most 10 digits around the id, so 64 keeps every name under 143 bytes
 * (eCryptfs, the tightest common limit) and far under 255 (ext4, APFS, NTFS). The longest
 * Dutch municipality id, `capelle-aan-den-ijssel`, has 22.
 */
export const MAX_ID_LENGTH = 64;

/**
 * Device names Windows reserves in every folder, with or without an extension (`con.pdf`
 * is the console too). Ids cannot contain a dot, so the bare id is the only case; an id
 * that merely starts with one (`con-gemeente`) is an ordinary name. COM0 and LPT0 are
 * listed by current Windows documentation besides COM1–9 and LPT1–9.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** Why `id` cannot name a municipality or document, or undefined when it can. */
export function idProblem(id: string): string | undefined {
  if (!ID_PATTERN.test(id)) return 'may only use a-z, 0-9 and single hyphens';
  if (id.length > MAX_ID_LENGTH) {
    return `is ${id.length} characters long; an id has at most ${MAX_ID_LENGTH}, so that every file the build writes for it stays a valid file name on common file systems`;
  }
  if (WINDOWS_RESERVED.test(id)) {
    return `is a device name that Windows reserves (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9): its output could not be created or copied there; choose another id`;
  }
  return undefined;
}

/**
 * The document id of each municipality's own page, `out/<id>/index.html`: a document of
 * that name would write the same file.
 */
export const INDEX_DOCUMENT = 'index';

/** Why `id` cannot name a document, or undefined when it can. */
export function documentIdProblem(id: string): string | undefined {
  if (id === INDEX_DOCUMENT) return `is the name of every municipality's own page (<municipality>/index.html), which the build writes itself; choose another id`;
  return idProblem(id);
}
