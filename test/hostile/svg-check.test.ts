/**
 * checkSvg on hostile logos, one threat a case, each at its exact line and column.
 */
import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { checkSvg } from '../../src/assets/index.js';
import { inspectSvg } from '../../src/assets/svg.js';
import { MAX_SVG_COST } from '../../src/assets/svg-cost.js';

const FILE = 'logo.svg';
const OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 40">';

function rules(svg: string) {
  return checkSvg(svg, FILE).map((d) => `${d.line}:${d.column} ${d.rule}`);
}

describe('checkSvg accepts', () => {
  it('a plain logo with internal references, gradients and styles', () => {
    const svg = `${OPEN}
  <defs><linearGradient id="g"><stop offset="0" stop-color="#00811F"/></linearGradient>
  <style>.a { fill: url(#g); }</style></defs>
  <rect id="r" class="a" width="100" height="40" style="fill: url('#g')"/>
  <use href="#r" xlink:href="#r"/>
  <g id="twice"><use href="#r"/></g>
  <path d="M4 30h20" stroke="#000"/>
</svg>`;
    expect(rules(svg)).toEqual([]);
  });

  it('an embedded PNG data URL', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } }).png().toBuffer();
    const svg = `${OPEN}<image width="4" height="4" href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
    expect(rules(svg)).toEqual([]);
  });

  it('width and height in absolute units without viewBox', () => {
    expect(rules('<svg xmlns="http://www.w3.org/2000/svg" width="40mm" height="15mm"/>')).toEqual([]);
  });
});

describe('checkSvg refuses', () => {
  it('a DOCTYPE with entities, at the DOCTYPE and nothing after it', () => {
    const svg = `<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n${OPEN}<title>&xxe;</title></svg>`;
    expect(rules(svg)).toEqual(['2:1 svg/doctype']);
  });

  it('a script element', () => {
    expect(rules(`${OPEN}\n  <script>alert(1)</script>\n</svg>`)).toEqual(['2:3 svg/script']);
  });

  it('an event handler attribute, at the attribute', () => {
    expect(rules(`${OPEN}\n  <rect width="1"\n        onload="alert(1)" height="1"/>\n</svg>`)).toEqual(['3:9 svg/script']);
  });

  it('xi:include', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xi="http://www.w3.org/2001/XInclude" viewBox="0 0 1 1">\n<xi:include href="/etc/passwd" parse="text"/></svg>`;
    expect(rules(svg)).toEqual(['2:1 svg/external-reference']);
  });

  it('foreignObject', () => {
    expect(rules(`${OPEN}<foreignObject width="1" height="1"><p xmlns="http://www.w3.org/1999/xhtml">x</p></foreignObject></svg>`)).toEqual([
      `1:${OPEN.length + 1} svg/foreign-object`,
    ]);
  });

  it.each([
    ['an external href', '<image href="https://example.org/a.png" width="1" height="1"/>'],
    ['an xlink:href to a file', '<image xlink:href="logo2.png" width="1" height="1"/>'],
    ['a file: URL', '<image href="file:///etc/passwd" width="1" height="1"/>'],
    ['a javascript: link', '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>'],
    ['url() in a presentation attribute', '<rect fill="url(https://example.org/p.svg#g)" width="1" height="1"/>'],
    ['url() in a style attribute', '<rect style="fill:url( \'other.svg#g\' )" width="1" height="1"/>'],
    ['a CSS escape hiding url(', '<rect style="fill:u\\72l(http://x/)" width="1" height="1"/>'],
    ['an embedded SVG data URL', '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="1" height="1"/>'],
  ])('%s', (_name, element) => {
    expect(rules(`${OPEN}\n  ${element}</svg>`)).toEqual([expect.stringMatching(/^2:\d+ svg\/external-reference$/)]);
  });

  it('@import and url() in a style element, at the style element', () => {
    const svg = `${OPEN}\n<style>@import url(https://example.org/a.css); rect { fill: red }</style></svg>`;
    expect(rules(svg)).toEqual(['2:1 svg/external-reference', '2:1 svg/external-reference']);
  });

  it('a style sheet processing instruction', () => {
    expect(rules(`<?xml-stylesheet href="https://example.org/a.css"?>\n${OPEN}</svg>`)).toEqual(['1:1 svg/external-reference']);
  });

  it('an embedded PNG with too many pixels', () => {
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(100_000, 16);
    header.writeUInt32BE(100_000, 20);
    const svg = `${OPEN}<image href="data:image/png;base64,${header.toString('base64')}" width="1" height="1"/></svg>`;
    expect(rules(svg)).toEqual([`1:${OPEN.length + 8} asset/too-large`]);
  });

  it.each([
    ['no size at all', '<svg xmlns="http://www.w3.org/2000/svg">', '1:1'],
    ['an enormous width', '<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="10">', '1:41'],
    ['an enormous viewBox', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1e9 1e9">', '1:41'],
    ['a negative viewBox', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 -1 5">', '1:41'],
    ['a width that is no length', '<svg xmlns="http://www.w3.org/2000/svg" width="wide" height="1">', '1:41'],
  ])('a root with %s', (_name, open, at) => {
    expect(rules(`${open}</svg>`)).toEqual([`${at} svg/size`]);
  });

  it('too deep nesting, once', () => {
    const svg = `${OPEN}${'<g>'.repeat(200)}${'</g>'.repeat(200)}</svg>`;
    expect(rules(svg)).toEqual([expect.stringMatching(/svg\/size$/)]);
  });

  it('<use> of a part that holds a <use> (a "billion laughs" of shapes), at the first such use', () => {
    let svg = `${OPEN}\n<defs><rect id="g0" width="1" height="1"/>\n`;
    for (let i = 1; i <= 9; i++) svg += `<g id="g${i}">${'<use href="#g' + (i - 1) + '"/>'.repeat(10)}</g>\n`;
    svg += '</defs><use href="#g9"/></svg>';
    expect(rules(svg)).toEqual(['4:12 svg/size']);
  });

  it('<use> elements that repeat too many shapes in all', () => {
    const group = `<g id="big">${'<rect width="1" height="1"/>'.repeat(1000)}</g>`;
    const svg = `${OPEN}<defs>${group}</defs>\n${'<use href="#big"/>'.repeat(20)}</svg>`;
    expect(rules(svg)).toEqual([expect.stringMatching(/^2:\d+ svg\/size$/)]);
  });

  it('text, which would depend on the fonts of the building computer', () => {
    expect(rules(`${OPEN}\n  <text x="4" y="30"><tspan>Logo</tspan></text></svg>`)).toEqual(['2:3 svg/text']);
  });

  it('animation', () => {
    expect(rules(`${OPEN}<rect width="1" height="1"><set attributeName="href" to="https://x/"/></rect></svg>`)).toEqual([
      expect.stringMatching(/svg\/animation$/),
    ]);
  });

  it.each([
    ['a root that is not svg', '<html xmlns="http://www.w3.org/1999/xhtml"/>', '1:1'],
    ['svg without its namespace', '<svg viewBox="0 0 1 1"/>', '1:1'],
    ['an unclosed element', `${OPEN}\n<g>\n</svg>`, '3:7'],
    ['text only', 'just text', '1:10'],
    ['an undefined entity', `${OPEN}&nbsp;</svg>`, `1:${OPEN.length + 7}`],
  ])('%s as malformed', (_name, svg, at) => {
    expect(rules(svg)).toEqual([`${at} svg/malformed`]);
  });

  it('counts columns on CRLF lines like editors do', () => {
    expect(rules(`${OPEN}\r\n\r\n  <script/>\r\n</svg>`)).toEqual(['3:3 svg/script']);
  });
});

describe('the bundled logos', () => {
  it('all pass the check', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const root = 'content/municipalities';
    const logos: string[] = [];
    for (const entry of await readdir(root, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        for (const f of await readdir(`${root}/${entry.name}`)) if (f.endsWith('.svg')) logos.push(`${root}/${entry.name}/${f}`);
      }
    }
    expect(logos.length).toBeGreaterThan(0);
    for (const logo of logos) expect(checkSvg(await readFile(logo, 'utf8'), logo)).toEqual([]);
  });
});

/** A deterministic stream of numbers in [0, 1), so the shapes below are the same on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 16807) % 2147483647) / 2147483647;
}

/** A path of `n` straight segments between random points: long lines that cross everywhere. */
function scribble(n: number, seed = 1): string {
  const r = random(seed);
  let d = 'M50 20';
  for (let i = 0; i < n; i++) d += `L${(r() * 100).toFixed(1)} ${(r() * 40).toFixed(1)}`;
  return d;
}

/** An outline traced with `n` short curves around an ellipse: what a traced coat of arms looks like. */
function outline(n: number): string {
  let d = '';
  for (let i = 0; i <= n; i++) {
    const a = (2 * Math.PI * i) / n;
    const w = 1 + 0.05 * Math.sin(40 * a);
    const [x, y] = [50 + 45 * Math.cos(a) * w, 20 + 18 * Math.sin(a) * w];
    d += i === 0 ? `M${x.toFixed(2)} ${y.toFixed(2)}` : `C${x.toFixed(2)} ${y.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)} ${x.toFixed(2)} ${y.toFixed(2)}`;
  }
  return `${d}Z`;
}

describe('the cost of drawing a logo is bounded', () => {
  it('accepts what real logos hold: a traced outline of 20,000 curves and thousands of small shapes', () => {
    const shapes = Array.from({ length: 2000 }, (_, i) => `<circle cx="${i % 100}" cy="${(i * 7) % 40}" r="0.4"/>`).join('');
    const { diagnostics, cost } = inspectSvg(`${OPEN}<path d="${outline(20_000)}"/><g fill="#00811F">${shapes}</g></svg>`, FILE);
    expect(diagnostics).toEqual([]);
    expect(cost).toBeLessThan(MAX_SVG_COST);
  });

  it('the bundled logos cost almost nothing', async () => {
    const { readFile } = await import('node:fs/promises');
    for (const id of ['huizen', 'leiden', 'rotterdam', 'sudwest-fryslan']) {
      expect(inspectSvg(await readFile(`content/municipalities/${id}/logo.svg`, 'utf8'), FILE).cost).toBeLessThan(5000);
    }
  });

  it('refuses long segments crossing each other in one path, at the path', () => {
    expect(rules(`${OPEN}\n  <path d="${scribble(2000)}"/></svg>`)).toEqual(['2:3 svg/size']);
    // The same segments spread over paths of 500 cost a quarter as much each, and pass.
    const split = [0, 1, 2, 3].map((k) => `<path d="${scribble(500, k + 1)}"/>`).join('');
    expect(rules(`${OPEN}${split}</svg>`)).toEqual([]);
  });

  it('counts every pair as crossing when coordinates are too far apart to lay a grid over', () => {
    let d = 'M0 0';
    for (let i = 0; i < 2000; i++) d += i % 2 ? `L${i} -1e308` : `L-${i} 1e308`;
    expect(rules(`${OPEN}\n<path d="${d}"/></svg>`)).toEqual(['2:1 svg/size']);
  });

  it('refuses more segments in one shape, or in all, than any logo needs', () => {
    const points = Array.from({ length: 50_001 }, (_, i) => `${i % 100},${(i * 3) % 40}`).join(' ');
    expect(rules(`${OPEN}\n<polyline points="${points}"/></svg>`)).toEqual(['2:1 svg/size']);
    const paths = [0, 1, 2].map(() => `<path d="${outline(40_000)}"/>`).join('\n');
    expect(rules(`${OPEN}\n${paths}</svg>`)).toEqual(['4:1 svg/size']);
  });

  it('counts a <use> as its content again', () => {
    const part = `<defs><path id="p" d="${scribble(600)}"/></defs>`;
    expect(rules(`${OPEN}${part}${'\n<use href="#p"/>'.repeat(2)}</svg>`)).toEqual([]);
    expect(rules(`${OPEN}${part}${'\n<use href="#p"/>'.repeat(6)}</svg>`)).toEqual(['7:1 svg/size']);
  });

  it('counts masks, filters and transparency, also when a style sheet could apply them to every element', () => {
    const blur = '<filter id="f"><feGaussianBlur stdDeviation="2"/><feOffset dx="1"/><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>';
    // A drop shadow on the logo: three steps, once.
    expect(rules(`${OPEN}${blur}<g filter="url(#f)"><rect width="10" height="10"/></g></svg>`)).toEqual([]);
    // The same filter in a style sheet: it may match all 20 rectangles.
    const rects = '<rect width="10" height="10"/>'.repeat(20);
    expect(rules(`${OPEN}\n<style>rect { filter: url(#f) }</style>${blur}${rects}</svg>`)).toEqual(['2:1 svg/size']);
    // CSS filter functions are steps of their own.
    expect(rules(`${OPEN}${'\n<rect width="1" height="1" style="filter: blur(2px)"/>'.repeat(30)}</svg>`)).toEqual(['29:1 svg/size']);
  });

  it('refuses a mask that draws itself, at the reference', () => {
    expect(rules(`${OPEN}<mask id="m"><rect width="1" height="1" mask="url(#m)"/></mask>\n<rect width="5" height="5" mask="url(#m)"/></svg>`)).toEqual([
      `1:${OPEN.length + 14} svg/size`,
    ]);
  });

  it('counts dashes by length over the smallest dash period, pathLength included', () => {
    expect(rules(`${OPEN}\n<path stroke-dasharray="4 2" d="M0 0H100V40H0Z"/></svg>`)).toEqual([]);
    expect(rules(`${OPEN}\n<path stroke-dasharray="1" pathLength="10000000" d="M0 0H100"/></svg>`)).toEqual(['2:1 svg/size']);
    expect(rules(`${OPEN}<style>path { stroke-dasharray: 0.0001 }</style>\n<path d="M0 0H100V40H0Z"/></svg>`)).toEqual(['2:1 svg/size']);
  });

  it.each([
    ['<pattern>', '<pattern id="p" width="1" height="1"/>', 'svg/unsupported'],
    ['<marker>', '<marker id="m"/>', 'svg/unsupported'],
    ['feMorphology', '<filter id="f"><feMorphology radius="9"/></filter>', 'svg/unsupported'],
    ['feConvolveMatrix', '<filter id="f"><feConvolveMatrix order="3" kernelMatrix="1 1 1 1 1 1 1 1 1"/></filter>', 'svg/unsupported'],
    ['feImage', '<filter id="f"><feImage href="#r"/></filter>', 'svg/unsupported'],
    ['feSpecularLighting', '<filter id="f"><feSpecularLighting><fePointLight/></feSpecularLighting></filter>', 'svg/unsupported'],
  ])('refuses %s, whose cost no limit here bounds', (_name, markup, rule) => {
    expect(checkSvg(`${OPEN}\n${markup}</svg>`, FILE).map((d) => d.rule)).toEqual([rule]);
  });

  it('counts the pixels of embedded images', async () => {
    const png = await sharp({ create: { width: 4096, height: 1024, channels: 3, background: '#fff' } }).png().toBuffer();
    const image = `<image width="100" height="25" href="data:image/png;base64,${png.toString('base64')}"/>`;
    expect(rules(`${OPEN}${image}</svg>`)).toEqual([]);
    expect(rules(`${OPEN}${image}\n${image}\n${image}\n${image}\n${image}\n${image}\n${image}\n${image}\n${image}</svg>`)).toEqual(['8:1 svg/size']);
  });
});
