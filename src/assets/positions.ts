/**
 * Offsets in a decoded text to editor positions: 1-based lines (LF, CRLF and lone CR end a
 * line) and 1-based columns in UTF-16 code units, as src/diagnostics promises.
 */
export interface LineIndex {
  at(offset: number): { line: number; column: number };
}

export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) starts.push(i + 1);
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) i++;
      starts.push(i + 1);
    }
  }
  return {
    at(offset: number) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
    },
  };
}
