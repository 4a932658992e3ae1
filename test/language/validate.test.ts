/** How validate and build use the language checks (in-process, on the bundled content). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/validate/index.js';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');

describe('language checks in validateContent', () => {
  it('validate reports the language warnings; build (languageWarnings: false) skips rules that are only warnings', async () => {
    const all = await validateContent({ contentRoot: CONTENT });
    expect(all.diagnostics.some((d) => d.rule.startsWith('language/'))).toBe(true);
    const build = await validateContent({ contentRoot: CONTENT, languageWarnings: false });
    expect(build.diagnostics.filter((d) => d.rule.startsWith('language/'))).toEqual([]);
    expect(build.diagnostics).toEqual(all.diagnostics.filter((d) => !d.rule.startsWith('language/')));
  });

  it('builds the readability report only when asked', async () => {
    expect((await validateContent({ contentRoot: CONTENT })).readability).toBeUndefined();
    const report = (await validateContent({ contentRoot: CONTENT, readability: true })).readability!;
    expect(report.documents.map((d) => d.id)).toEqual(['drie-lagen', 'ouderfolder', 'taak-per-moment', 'wijzer-professionals']);
    for (const doc of report.documents) {
      expect(doc.sections.length).toBeGreaterThan(1);
      expect(doc.words).toBe(doc.sections.reduce((n, s) => n + s.words, 0));
      expect(doc.longSentences).toBe(doc.sections.reduce((n, s) => n + s.longSentences, 0));
    }
  });
});
