/**
 * Validation's memo of parses (src/validate/memo/): what comes back from it must be the
 * graph a fresh parse gives, and validating from a memo must report and load exactly what
 * validating without one does, for every validate fixture (one defect each) and the
 * bundled content.
 */
import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/content/source-text.js';
import { decodeValue, encodeValue, MemoRefused, type Encoded } from '../../src/validate/memo/codec.js';
import { ValidationMemo, type MemoEntry } from '../../src/validate/memo/memo.js';
import { validateContent } from '../../src/validate/index.js';
import { FIXTURES, contentFor } from './fixture-content.js';

const roundTrip = (value: unknown, self?: SourceText) => decodeValue(JSON.parse(JSON.stringify(encodeValue(value, self))) as Encoded, self);

describe('memo codec', () => {
  it('gives back the same graph: shared objects shared, prototypes, odd numbers, undefined, Maps, Sets, sources', () => {
    const self = new SourceText('/c/a.yaml', 'a: 1\nb: 2\n');
    const other = new SourceText('/c/a.yaml', 'inner');
    const located = { value: 'ab', source: self, offsets: [0, 1, 2, 3, 4, 9] };
    const bare = Object.create(null) as Record<string, unknown>;
    bare['x'] = 1;
    const withProto = {};
    Object.defineProperty(withProto, '__proto__', { value: 'a key', enumerable: true, writable: true, configurable: true });
    const value = {
      texts: [located, located],
      strings: new Map([['/a', located]]),
      set: new Set(['a', 2]),
      numbers: [NaN, Infinity, -Infinity, -0, 0, 1.5, 7, 3, 3, 4],
      missing: undefined,
      list: [undefined, null, true, 'x'],
      bare,
      withProto,
      other,
    };
    const back = roundTrip(value, self) as typeof value;
    expect(back).toStrictEqual(value);
    expect(back.texts[0]).toBe(back.texts[1]);
    expect(back.strings.get('/a')).toBe(back.texts[0]);
    expect(back.texts[0]!.source).toBe(self);
    expect(back.other).toBeInstanceOf(SourceText);
    expect(back.other).not.toBe(self);
    expect(back.other.at(3)).toEqual(other.at(3));
    expect(Object.getPrototypeOf(back.bare)).toBe(null);
    expect(Object.getPrototypeOf(back.withProto)).toBe(Object.prototype);
    expect(Object.keys(back.withProto)).toEqual(['__proto__']);
    expect(Object.is(back.numbers[3], -0)).toBe(true);
    expect('missing' in back).toBe(true);
  });

  it.each([
    ['a class instance', new Date(0)],
    ['a function', { f: () => 1 }],
    ['a sparse array', [1, , 3]],
    ['an accessor', Object.defineProperty({}, 'x', { get: () => 1, enumerable: true })],
    ['a symbol key', { [Symbol('s')]: 1 }],
    ['a bigint', 1n],
    ['a cycle', (() => { const o: Record<string, unknown> = {}; o['self'] = o; return o; })()],
    ['a source without its text', ['T']],
  ])('refuses %s', (_what, value) => {
    expect(() => (Array.isArray(value) && value[0] === 'T' ? decodeValue(value as Encoded) : encodeValue(value))).toThrow(MemoRefused);
  });

  it('refuses what it could not have made', () => {
    for (const bad of [['?'], ['r', 0], ['n', 'Zero'], ['n', 'toString'], ['i', 1, 0], ['i', 1], ['o', 1, 2], ['o', 'key'], ['m', 1], ['t', 1]] as Encoded[]) {
      expect(() => decodeValue(bad)).toThrow(MemoRefused);
    }
  });
});

/** Validates `contentRoot` without a memo, into a memo, and from that memo (through JSON, as the file keeps it). */
async function threeWays(contentRoot: string) {
  const plain = await validateContent({ contentRoot });
  const first = new ValidationMemo();
  const filled = await validateContent({ contentRoot, memo: first });
  const entries = JSON.parse(JSON.stringify([...first.entries()])) as [string, MemoEntry][];
  const second = new ValidationMemo(new Map(entries));
  const fromMemo = await validateContent({ contentRoot, memo: second });
  return { plain, filled, fromMemo, first, second, entries };
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe('validating from the memo', () => {
  it.each(cases)('%s: the same diagnostics, documents and profiles', async (name) => {
    const { contentRoot, dispose } = await contentFor(name === 'base' ? undefined : name);
    try {
      const { plain, filled, fromMemo, first, second, entries } = await threeWays(contentRoot);
      expect(filled).toEqual(plain);
      expect(fromMemo).toEqual(plain);
      // Every parse was kept, and every one came back.
      expect(first.counts.hits).toBe(0);
      expect(second.counts).toEqual({ hits: entries.length, parsed: 0 });
      expect(second.changed()).toBe(false);
    } finally {
      await dispose();
    }
  });

  it('the bundled content: documents, defaults, every profile and logo come from the memo', async () => {
    const contentRoot = fileURLToPath(new URL('../../content', import.meta.url));
    const { plain, fromMemo, second, entries } = await threeWays(contentRoot);
    expect(fromMemo).toEqual(plain);
    const municipalities = readdirSync(join(contentRoot, 'municipalities')).filter((f) => f.endsWith('.yaml')).length;
    // Each document, defaults.yaml, each profile, and at least one SVG logo.
    expect(entries.length).toBeGreaterThan(plain.documents.length + 1 + municipalities);
    expect(second.counts.parsed).toBe(0);
  });

  it('an edited file is parsed again, and only its old entry is dropped', async () => {
    const { contentRoot, dispose } = await contentFor(undefined);
    try {
      const { first } = await threeWays(contentRoot);
      const before = first.entries();
      const profile = join(contentRoot, 'municipalities', 'alpha.yaml');
      await writeFile(profile, (await readFile(profile, 'utf8')) + '\n# edited\n');
      const memo = new ValidationMemo(before);
      await validateContent({ contentRoot, memo });
      expect(memo.counts).toEqual({ hits: before.size - 1, parsed: 1 });
      expect(memo.changed()).toBe(true);
      const after = memo.entries();
      expect(after.size).toBe(before.size);
      expect([...after.values()].filter((e) => e.file === profile)).toHaveLength(1);

      // A file that is gone takes its entry with it, and that is a change to keep.
      const unchanged = new ValidationMemo(after);
      await validateContent({ contentRoot, memo: unchanged });
      expect(unchanged.changed()).toBe(false);
      const gone = unchanged.entries((f) => f !== profile);
      expect(gone.size).toBe(after.size);
      const partial = new ValidationMemo(after);
      expect(partial.entries((f) => f !== profile).size).toBe(after.size - 1);
      expect(partial.changed(partial.entries((f) => f !== profile))).toBe(true);
    } finally {
      await dispose();
    }
  });
});
