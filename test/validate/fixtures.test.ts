/**
 * One fixture per rule and schema constraint: the diagnostics of each case must be exactly
 * the expected ones (file, line, column, severity, rule; message parts where given).
 * Set UPDATE_EXPECTED=1 to write expected.json from the current output (then review it).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/validate/index.js';
import { FIXTURES, contentFor, relativeTo, type Expected } from './fixture-content.js';

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory() && e.name !== 'base')
  .map((e) => e.name)
  .sort();

describe('validate fixtures', () => {
  it('the base content has no problems', async () => {
    const { contentRoot, dispose } = await contentFor(undefined);
    try {
      const result = await validateContent({ contentRoot });
      expect(result.diagnostics).toEqual([]);
      expect(result.documents.map((d) => d.id)).toEqual(['folder', 'lagen', 'taken']);
      expect(result.profiles.map((p) => p.profile.id)).toEqual(['alpha']);
    } finally {
      await dispose();
    }
  });

  it.each(cases)('%s', async (name) => {
    const { contentRoot, dispose } = await contentFor(name);
    try {
      const result = await validateContent({ contentRoot });
      const actual = result.diagnostics.map((d) => relativeTo(contentRoot, d));
      const expectedFile = join(FIXTURES, name, 'expected.json');
      if (process.env['UPDATE_EXPECTED'] === '1') {
        // Keep the message parts written by hand where the same rule is still reported.
        const old = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[]) : [];
        const updated = actual.map((a, i) => (old[i]?.rule === a.rule && old[i]?.message ? { ...a, message: old[i]!.message } : a));
        writeFileSync(expectedFile, JSON.stringify(updated, null, 2) + '\n');
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
      expect(actual).toEqual(expected.map(({ message: _m, ...rest }) => rest));
      expected.forEach((e, i) => {
        if (e.message) expect(result.diagnostics[i]!.message).toContain(e.message);
      });
    } finally {
      await dispose();
    }
  });
});
