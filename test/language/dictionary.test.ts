/**
 * The Dutch dictionary: Hunspell's compounds are known, compound-only parts are not words,
 * suggestions are real words, and the precompiled trie is used only when it checks out.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDictionary, precompile, type Dictionary, type PrecompiledFiles, type PrecompiledTag } from '../../src/language/dictionary.js';

let dir: string;
let files: PrecompiledFiles;
let dictionary: Dictionary;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-dictionary-'));
  files = { trie: join(dir, 'nl.btrie'), tag: join(dir, 'nl.btrie.json') };
  await precompile(files);
  dictionary = await openDictionary(files);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the Dutch dictionary', () => {
  it('knows compounds that nspell would reject, and ordinary forms', () => {
    for (const word of ['kinderopvang', 'zorgverzekeraar', 'ondersteuningsvraag', 'keukentafelgesprek', 'cliëntondersteuner', 'cliëntondersteuning', 'gemeente', 'terechtkunnen', 'Wmo', 'Rotterdam']) {
      expect(dictionary.has(word), word).toBe(true);
    }
  });

  it('rejects misspellings and parts that only exist inside a compound', () => {
    for (const word of ['ondersteunig', 'kinderopvnag', 'ondersteunings', 'gemeete', 'rotterdam']) expect(dictionary.has(word), word).toBe(false);
  });

  it('suggests real words, the likely one first', () => {
    expect(dictionary.suggest('ondersteunig', 3)[0]).toBe('ondersteuning');
    expect(dictionary.suggest('kinderopvnag', 3)[0]).toBe('kinderopvang');
    expect(dictionary.suggest('cliëntondersteuing', 3)).toContain('cliëntondersteuning');
    for (const s of dictionary.suggest('wajongpr', 3)) expect(s).toMatch(/^[\p{L}]+$/u);
  });
});

describe('the precompiled trie', () => {
  it('is used when its tag matches the shipped trie, the library and its own bytes', () => {
    expect(dictionary.precompiled).toBe(true);
  });

  async function tampered(change: (tag: PrecompiledTag, trie: Buffer) => void): Promise<Dictionary> {
    const other = { trie: join(dir, 'other.btrie'), tag: join(dir, 'other.btrie.json') };
    const tag = JSON.parse(await readFile(files.tag, 'utf8')) as PrecompiledTag;
    const trie = await readFile(files.trie);
    change(tag, trie);
    await writeFile(other.tag, JSON.stringify(tag));
    await writeFile(other.trie, trie);
    return openDictionary(other);
  }

  it.each([
    ['made from another trie', (tag: PrecompiledTag) => void (tag.source = '0'.repeat(64))],
    ['made by another library version', (tag: PrecompiledTag) => void (tag.library = '0.0.0')],
    ['damaged', (_tag: PrecompiledTag, trie: Buffer) => void trie.writeUInt8(trie.readUInt8(trie.length >> 1) ^ 0xff, trie.length >> 1)],
  ])('is not used when %s, and the answers stay the same', async (_name, change) => {
    const fallback = await tampered(change);
    expect(fallback.precompiled).toBe(false);
    expect(fallback.has('kinderopvang')).toBe(true);
    expect(fallback.has('ondersteunings')).toBe(false);
    expect(fallback.suggest('ondersteunig', 3)).toEqual(dictionary.suggest('ondersteunig', 3));
  });

  it('is not used when missing', async () => {
    const missing = await openDictionary({ trie: join(dir, 'none.btrie'), tag: join(dir, 'none.json') });
    expect(missing.precompiled).toBe(false);
  });
});

describe('suggestions on hostile text', () => {
  it('are searched for a bounded number of words, so 64 KiB of unknown words ends quickly', async () => {
    const { SpellChecker, checkSpelling, MAX_SUGGESTED_WORDS } = await import('../../src/language/spelling.js');
    const { SourceText } = await import('../../src/content/source-text.js');
    const { locate } = await import('../../src/content/located.js');
    let seed = 7;
    const letter = (): string => 'bcdfghjklmnpqrstvwxz'[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % 20]!;
    const words = Array.from({ length: 4000 }, () => Array.from({ length: 12 }, letter).join(''));
    const value = words.join(' ').slice(0, 64 * 1024);
    const text = locate(value, new SourceText('x.md', value), 0, value.length);
    const checker = new SpellChecker(dictionary, new Set());
    const found = checkSpelling(text, checker, 'warning');
    expect(found.length).toBeGreaterThan(MAX_SUGGESTED_WORDS);
    expect(found.filter((d) => d.message.includes('did you mean')).length).toBeLessThanOrEqual(MAX_SUGGESTED_WORDS);
  });
});
