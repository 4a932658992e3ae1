/**
 * Decoded structs keep restructure's four hidden fields in private fields
 * (src/patches/restructure.ts): readable where restructure and fontkit read them, invisible
 * wherever the old non-enumerable properties were, and absent from a copy, as before.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles } from '../../src/layout/text/fonts.js';
import { decodeStructsFast } from '../../src/patches/index.js';

// The copier fontkit's subsetter copies head, hhea and maxp with before changing them.
const clone = createRequire(import.meta.url)('clone') as <T>(value: T) => T;

describe('structs decoded with the patched restructure', () => {
  decodeStructsFast();
  const font = fontkit.create(readFileSync(defaultFontFiles().regular)) as fontkit.Font & { hhea: Record<string, unknown> };
  const hhea = font.hhea;

  it('keep their parent and offsets where fontkit reads them', () => {
    expect(hhea['parent']).toBe(font);
    expect(typeof hhea['_startOffset']).toBe('number');
    expect(hhea['_currentOffset']).toBe(36); // hhea is 36 bytes long
    expect(hhea['_length']).toBe(36); // the table's length in the font's directory
  });

  it('hide them from keys, for…in, JSON and spreading', () => {
    const hidden = ['parent', '_startOffset', '_currentOffset', '_length'];
    expect(Object.keys(hhea)).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(parent|_)/)]));
    const inherited: string[] = [];
    for (const key in hhea) inherited.push(key);
    for (const key of hidden) {
      expect(inherited).not.toContain(key);
      expect(Object.hasOwn(JSON.parse(JSON.stringify(hhea)) as object, key)).toBe(false);
      expect(Object.hasOwn({ ...hhea }, key)).toBe(false);
    }
    expect(hhea['ascent']).toBe(font.ascent);
  });

  it('lose them in a copy, which keeps every value', () => {
    const copy = clone(hhea);
    expect(copy['parent']).toBeUndefined();
    expect(copy['_startOffset']).toBeUndefined();
    copy['_currentOffset'] = 5;
    expect(copy['_currentOffset']).toBeUndefined();
    for (const key of Object.keys(hhea)) expect(copy[key]).toEqual(hhea[key]);
  });
});
