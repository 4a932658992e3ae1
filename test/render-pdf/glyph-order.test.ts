/**
 * Fonts are shared by every document a process renders. A document that is subset first
 * must not change how a later document's text extracts: the "." drawn inside "…" (a
 * composite glyph) once left "." without a Unicode mapping for every later PDF, so the
 * bytes of a PDF depended on which job ran before it. Runs in its own process (vitest
 * forks per file), so the order below is the first use of the fonts.
 */
import { describe, expect, it } from 'vitest';
import type { Frames } from '../../src/layout/frames.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { DATE, readPdf } from './helpers.js';

const fonts = loadFontSet(defaultFontFiles());

function page(text: string): Frames {
  return {
    width: 595,
    height: 842,
    fonts: fonts.faces,
    pages: [{ items: [{ type: 'text', x: 72, y: 100, font: fonts.regular.id, size: 12, color: '#1A1A1A', text, width: 100, node: 1 }] }],
    structure: { id: 0, role: 'Document', children: [{ id: 1, role: 'P', children: [] }] },
    bookmarks: [],
    meta: { title: 'Test', lang: 'nl-NL' },
  };
}

describe('PDF text after another document used the same fonts', () => {
  it('keeps the Unicode mapping of glyphs that an earlier subset reached as components', async () => {
    await renderPdf(page('Wacht even…'), { creationDate: DATE });
    const later = await readPdf(await renderPdf(page('Bel 010 282 11 11. Of mail.'), { creationDate: DATE }));
    expect(later.text.replace(/\s+/g, ' ')).toContain('Bel 010 282 11 11. Of mail.');
  });
});
