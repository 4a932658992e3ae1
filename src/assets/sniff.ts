/**
 * What a file is, by its first bytes: a name says what the author meant, the content says
 * what a decoder will actually be handed.
 */
export type SniffedType = 'png' | 'ttf' | 'otf' | 'svg' | 'text' | 'unknown';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.length <= bytes.length && magic.every((b, i) => bytes[i] === b);
}

export function isPng(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG_MAGIC);
}

export function sniff(bytes: Uint8Array): SniffedType {
  if (isPng(bytes)) return 'png';
  // TrueType outlines: version 1.0 or Apple's 'true'; CFF outlines: 'OTTO'.
  if (startsWith(bytes, [0x00, 0x01, 0x00, 0x00]) || startsWith(bytes, [0x74, 0x72, 0x75, 0x65])) return 'ttf';
  if (startsWith(bytes, [0x4f, 0x54, 0x54, 0x4f])) return 'otf';
  if (looksLikeXml(bytes)) return 'svg';
  if (looksLikeText(bytes)) return 'text';
  return 'unknown';
}

/** An SVG starts, after an optional BOM and white space, with `<` (declaration, comment or element). */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** No NUL and no C0 control other than tab, LF, CR, form feed in the first 4 KiB. */
function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) {
    const c = bytes[i] as number;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}

export function describe(type: SniffedType): string {
  switch (type) {
    case 'png':
      return 'a PNG image';
    case 'ttf':
      return 'a TrueType font';
    case 'otf':
      return 'an OpenType (CFF) font';
    case 'svg':
      return 'an SVG or other XML file';
    case 'text':
      return 'plain text';
    case 'unknown':
      return 'not a supported file type';
  }
}
