import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frames } from '../../src/layout/frames.js';
import { layoutTaskPerMoment } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet, measure, type FontSet } from '../../src/layout/text/index.js';
import { altText, embedImages, escapeXml, renderSvg } from '../../src/render/svg/index.js';
import { profile, taskPerMoment } from '../infographic/fixtures.js';

let fonts: FontSet;
let frames: Frames;
let svg: string;

beforeAll(async () => {
  fonts = loadFontSet(defaultFontFiles());
  frames = layoutTaskPerMoment(taskPerMoment(), profile(), { fonts }).frames;
  svg = renderSvg(frames, 0, await embedImages(frames));
});

function wellFormed(xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(xml).close();
}

/** A one-page frame with the given items, for focused cases. */
function page(items: Frames['pages'][0]['items'], meta: Partial<Frames['meta']> = {}): Frames {
  return {
    width: 200,
    height: 100,
    pages: [{ items }],
    fonts: fonts.faces,
    structure: { id: 0, role: 'Document', children: [{ id: 1, role: 'P', children: [] }] },
    bookmarks: [],
    meta: { title: 'Test', lang: 'nl-NL', ...meta },
  };
}

describe('renderSvg', () => {
  it('draws every glyph as an outline: no <text>, no font references', () => {
    expect(svg).not.toMatch(/<text/);
    expect(svg).not.toMatch(/font-family|@font-face/);
    expect(svg.match(/<use /g)!.length).toBeGreaterThan(1000);
    // Each glyph outline is defined once and reused.
    const defs = svg.match(/<path id="/g)!.length;
    expect(defs).toBeLessThan(150);
  });

  it('references nothing outside itself', () => {
    const refs = [...svg.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref).toMatch(/^(#|data:image\/png;base64,)/);
    expect(svg).not.toMatch(/href="http/);
    expect(svg).not.toMatch(/url\(/);
  });

  it('is well-formed and accessible: role, title and description', () => {
    wellFormed(svg);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="folderpers-title folderpers-desc"/);
    expect(svg).toContain('<title id="folderpers-title">De cliëntondersteuner: welke taak op welk moment?</title>');
    const desc = /<desc id="folderpers-desc">([\s\S]*?)<\/desc>/.exec(svg)![1]!;
    expect(desc).toContain('de cliëntondersteuner biedt een luisterend oor');
  });

  it('gives the same bytes every time', async () => {
    const again = renderSvg(frames, 0, await embedImages(frames));
    expect(again).toBe(svg);
  });

  it('escapes every string that reaches the markup', () => {
    const text = 'Tom & Jerry <b>"quoted"</b>';
    const one = page(
      [{ type: 'text', x: 10, y: 50, font: fonts.regular.id, size: 12, color: '#1A1A1A', text, width: measure(fonts.regular, text, 12), node: 1 }],
      { title: 'A & B <c>', subject: 'x "y" \u0001' },
    );
    const out = renderSvg(one, 0);
    wellFormed(out);
    expect(out).toContain('<title id="folderpers-title">A &amp; B &lt;c&gt;</title>');
    expect(out).toContain('Tom &amp; Jerry &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;');
    expect(escapeXml('a\u0000b\uD800c')).toBe('abc');
  });

  it('places glyphs where the layout measured them', () => {
    const text = 'cliëntondersteuning';
    const width = measure(fonts.bold, text, 20);
    const out = renderSvg(page([{ type: 'text', x: 10, y: 50, font: fonts.bold.id, size: 20, color: '#00811F', text, width, node: 1 }]), 0);
    const xs = [...out.matchAll(/<use href="#[^"]+" x="([\d.]+)"/g)].map((m) => Number(m[1]));
    const scale = 20 / fonts.bold.unitsPerEm;
    // The last glyph starts before the measured end and after 90 % of it.
    expect(xs.at(-1)! * scale).toBeLessThan(width);
    expect(xs.at(-1)! * scale).toBeGreaterThan(width * 0.9);
    expect(out).toContain('fill="#00811F" transform="translate(10 50) scale(0.02)"');
  });

  it('refuses an image that was not embedded rather than referencing it', () => {
    const one = page([{ type: 'image', x: 0, y: 0, width: 50, height: 20, asset: '/nonexistent/logo.png' }]);
    expect(() => renderSvg(one, 0)).toThrow(/embedImages/);
  });
});

describe('altText', () => {
  it('keeps words whole across added hyphens and line breaks', () => {
    const f = page([
      { type: 'text', x: 10, y: 20, font: fonts.regular.id, size: 10, color: '#1A1A1A', text: 'de cliënt', width: 40, node: 1 },
      { type: 'text', x: 50, y: 20, font: fonts.regular.id, size: 10, color: '#1A1A1A', text: '-', width: 3, node: 1, hyphen: true },
      { type: 'text', x: 10, y: 34, font: fonts.regular.id, size: 10, color: '#1A1A1A', text: 'ondersteuner helpt', width: 80, node: 1, actualTextSuffix: ' ' },
      { type: 'text', x: 10, y: 48, font: fonts.regular.id, size: 10, color: '#1A1A1A', text: 'mee', width: 20, node: 1 },
    ]);
    expect(altText(f).full).toBe('de cliëntondersteuner helpt mee');
  });

  it('reads in structure order, with lists as items and figures by their alternative text', () => {
    const { full } = altText(frames);
    const lines = full.split('\n');
    expect(lines[0]).toBe('De cliëntondersteuner: welke taak op welk moment?');
    expect(lines.indexOf('Oriëntatiefase')).toBeLessThan(lines.indexOf('Toegang'));
    expect(lines.indexOf('Bij reflectie op het eigen leven')).toBe(lines.indexOf('Oriëntatiefase') + 1);
    expect(lines).toContain('- de cliëntondersteuner biedt een luisterend oor');
    expect(lines).toContain('Logo van Gemeente Rotterdam');
  });
});
