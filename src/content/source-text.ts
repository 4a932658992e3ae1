/**
 * A source file's text with a line table, so that any offset (from mdast, from the YAML
 * parser, or from a regular expression over a slice) becomes an exact line and column.
 * Columns count UTF-16 code units, like editors and mdast do.
 */
import type { SourceRef } from '../diagnostics/index.js';

export class SourceText {
  readonly #lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.#lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.#lineStarts.push(i + 1);
    }
  }

  /** The place of a character offset; offsets past the end clamp to the end. */
  at(offset: number): SourceRef {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.#lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: clamped - this.#lineStarts[lo]! + 1 };
  }
}
