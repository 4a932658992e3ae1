/**
 * `text/missing-glyph` in validate: the cmap reader agrees with fontkit, validation checks
 * every character the layouts print, and each text is checked against the font that will
 * print it (contact values against the bundled font, even with a house font).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { locate, type LocatedText } from '../../src/content/located.js';
import { SourceText } from '../../src/content/source-text.js';
import type { Frames } from '../../src/layout/frames.js';
import { layoutDocument } from '../../src/layout/index.js';
import { kindOf } from '../../src/kinds/registry.js';
import { codePointsOf } from '../../src/layout/text/cmap.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import type { ProfileFile, ProfileLoad } from '../../src/profiles/load-profile.js';
import { resolveDocument } from '../../src/resolve/resolve.js';
import { checkGlyphs, LAYOUT_TEXT } from '../../src/rules/glyph-coverage.js';
import { validateContent } from '../../src/validate/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the cmap reader', () => {
  const fonts = [
    ...readdirSync(join(ROOT, 'node_modules/source-sans/TTF')).map((f) => join(ROOT, 'node_modules/source-sans/TTF', f)),
    join(ROOT, 'node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf'),
  ];
  it.each(fonts)('gives what fontkit.hasGlyphForCodePoint gives for %s', (file) => {
    const bytes = readFileSync(file);
    const mine = codePointsOf(bytes);
    const font = fontkit.create(bytes) as fontkit.Font;
    const differ: number[] = [];
    for (let cp = 0; cp < 0x30000; cp++) if (mine.has(cp) !== font.hasGlyphForCodePoint(cp)) differ.push(cp);
    expect(differ).toEqual([]);
    expect(mine.size).toBeGreaterThan(500);
  });
});

describe('what validation checks', () => {
  it('covers every character the layouts print for the bundled content', async () => {
    const content = join(ROOT, 'content');
    const result = await validateContent({ contentRoot: content });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Every text validation reads: documents, defaults and profiles, every string value.
    let checked = LAYOUT_TEXT;
    const collect = (v: unknown): void => {
      if (typeof v === 'string') checked += v;
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const file of readdirSync(join(content, 'documents'))) checked += readFileSync(join(content, 'documents', file), 'utf8');
    for (const p of result.profiles) collect(p.profile);
    for (const p of result.profiles) for (const m of Object.values(p.overrides ?? {})) collect(m);
    const known = new Set([...checked].map((c) => c.codePointAt(0)!));

    const env = { fonts: loadFontSet(defaultFontFiles()), templatesRoot: join(ROOT, 'templates'), date: new Date(0) };
    const printed = new Set<number>();
    const read = (frames: Frames | undefined) => {
      for (const page of frames?.pages ?? []) for (const item of page.items) if (item.type === 'text') for (const c of item.text) printed.add(c.codePointAt(0)!);
    };
    for (const profile of result.profiles) {
      for (const doc of result.documents) {
        const resolved = resolveDocument(doc, profile);
        const laidOut = layoutDocument(resolved, profile.profile, env, profile.positions);
        expect(laidOut.frames, `${profile.profile.id}/${doc.id}`).toBeDefined();
        read(laidOut.frames);
        const picture = kindOf(resolved).picture;
        if (picture && laidOut.frames) read(picture(resolved, profile, env, laidOut.frames).frames);
      }
    }
    const unchecked = [...printed].filter((cp) => cp > 0x20 && !known.has(cp)).map((cp) => String.fromCodePoint(cp));
    expect(unchecked).toEqual([]);
  });
});

/** A one-line source holding `value` at column 1. */
function located(file: string, value: string): LocatedText {
  return locate(value, new SourceText(file, value), 0, value.length);
}

function profileFile(file: string, strings: Record<string, string>, texts: string[]): ProfileFile {
  return {
    file,
    data: {},
    positions: new Map(),
    keys: new Map(),
    texts: texts.map((t) => located(file, t)),
    strings: new Map(Object.entries(strings).map(([ptr, v]) => [ptr, located(file, v)])),
    diagnostics: [],
    invalid: false,
    unquoted: new Map(),
  };
}

describe('checkGlyphs', () => {
  const bundled = codePointsOf(readFileSync(defaultFontFiles().regular));
  const without = (...chars: string[]) => new Set([...bundled].filter((cp) => !chars.some((c) => c.codePointAt(0) === cp)));
  const defaults = profileFile('defaults.yaml', {}, []);

  function load(id: string, font: ReadonlySet<number>, strings: Record<string, string>, texts: string[]): ProfileLoad {
    const own = profileFile(`${id}.yaml`, strings, texts);
    const faces = ['regular', 'bold', 'italic'].map((style, i) => ({ style, file: `/c/${id}/House-${style}.ttf`, at: { file: own.file, line: 5 + i, column: 14 }, codePoints: font }));
    return { own, texts: own.texts, houseFont: faces, diagnostics: [], loaded: { profile: { id } as never, positions: new Map(), file: own.file, assets: {} } };
  }

  it('checks contact values against the bundled font, the profile texts against the house font', () => {
    // The house font lacks 'ë': the web address prints in the bundled font, the name in the house font.
    const out = checkGlyphs({
      documentTexts: [],
      defaults,
      loads: [load('a', without('ë'), { '/contact/website': 'https://www.example.nl/cliëntondersteuning', '/name': 'Gemeente Zuidëlijk' }, ['Gemeente Zuidëlijk'])],
    });
    expect(out.map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`)).toEqual(['a.yaml:1:14 text/missing-glyph']);
    expect(out[0]!.message).toBe("'ë' (U+00EB) has no glyph in the house font of a: it would print as an empty box; replace the character or use a font that has it");
  });

  it('checks the profile texts against the bundled font too: the contact card and the footer band set them in it', () => {
    // The house font has '☎', the bundled font does not: the card would print an empty box.
    const house = new Set([...bundled, '☎'.codePointAt(0)!]);
    const out = checkGlyphs({ documentTexts: [], defaults, loads: [load('a', house, { '/contact/hours': 'ma–vr ☎' }, ['ma–vr ☎'])] });
    expect(out.map((d) => `${d.file}:${d.column} ${d.message.slice(0, 61)}`)).toEqual(["a.yaml:7 '☎' (U+260E) has no glyph in Source Sans 3 (the bundled font)"]);
  });

  it('reports a house font that lacks what the layouts print themselves at the line naming each face', () => {
    const out = checkGlyphs({ documentTexts: [], defaults, loads: [load('a', without('·', '•'), {}, [])] });
    expect(out.map((d) => `${d.line}:${d.column}`)).toEqual(['5:14', '6:14', '7:14']);
    expect(out[0]!.message).toContain("House-regular.ttf has no glyph for '·' (U+00B7), '•' (U+2022)");
  });

  it('checks national text against every house font in use, once per character and file, naming the fonts', () => {
    const out = checkGlyphs({
      documentTexts: [located('doc.md', 'Bel ✓ ons ✓'), located('doc.md', 'nog eens ✓')],
      defaults,
      loads: [load('a', without('✓'), {}, []), load('b', bundled, {}, []), load('c', without('✓'), {}, [])],
    });
    expect(out.map((d) => `${d.file}:${d.column}`)).toEqual(['doc.md:5']);
    expect(out[0]!.message).toBe(
      "'✓' (U+2713) has no glyph in the house font of a nor in the house font of c: it would print as an empty box; replace the character or use a font that has it",
    );
  });
});
