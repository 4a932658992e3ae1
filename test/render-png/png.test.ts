import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frames } from '../../src/layout/frames.js';
import { layoutTaskPerMoment } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { pagePngs, readItxt, renderPng } from '../../src/render/png/index.js';
import { altText, embedImages, renderSvg, type AltText } from '../../src/render/svg/index.js';
import { profile, SUDWEST, TASKS, taskPerMoment } from '../infographic/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BRAND = [0x00, 0x81, 0x1f];

let frames: Frames;
let svg: string;
let alt: AltText;
let print: Buffer;
let web: Buffer;
const dir = mkdtempSync(join(tmpdir(), 'folderpers-png-'));

const PRINT = { width: 2480, height: 3508 };

async function pngsOf(f: Frames, sizes: { width: number; height?: number }[]): Promise<Buffer[]> {
  const render = pagePngs(f, 0, await embedImages(f), { alt: altText(f), title: f.meta.title });
  const out: Buffer[] = [];
  for (const size of sizes) out.push(await render(size));
  return out;
}

beforeAll(async () => {
  frames = layoutTaskPerMoment(taskPerMoment(), profile(), { fonts: loadFontSet(defaultFontFiles()) }).frames;
  svg = renderSvg(frames, 0, await embedImages(frames));
  alt = altText(frames);
  // As the build makes them: each size composed from strips.
  [print, web] = (await pngsOf(frames, [PRINT, { width: 1200 }])) as [Buffer, Buffer];
});

async function pixels(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

function count(data: Buffer, test: (r: number, g: number, b: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < data.length; i += 3) if (test(data[i]!, data[i + 1]!, data[i + 2]!)) n++;
  return n;
}

describe('renderPng', () => {
  it('gives the exact A4 size when asked for its width at a whole dpi', async () => {
    const tiny = svg.replace(/<desc[\s\S]*<\/svg>/, '<rect width="10" height="10" fill="#00811F"/></svg>');
    const png = await renderPng(tiny, { width: 2480, alt: { short: 'x', full: 'y' } });
    const m = await sharp(png).metadata();
    expect([m.width, m.height, m.density]).toEqual([2480, 3508, 300]);
  });

  it('renders A4 at 300 dpi and the web size at 1200 px wide', async () => {
    const p = await sharp(print).metadata();
    expect([p.width, p.height]).toEqual([2480, 3508]);
    expect(p.density).toBe(300);
    const w = await sharp(web).metadata();
    expect([w.width, w.height]).toEqual([1200, 1697]);
  });

  it('shows the brand colour in bands and badges, and dark text', async () => {
    const { data, width, height } = await pixels(print);
    const brand = count(data, (r, g, b) => Math.abs(r - BRAND[0]!) + Math.abs(g - BRAND[1]!) + Math.abs(b - BRAND[2]!) <= 6);
    // Title band and footer band alone cover several per cent of the page.
    expect(brand / (width * height)).toBeGreaterThan(0.05);
    const ink = count(data, (r, g, b) => r < 60 && g < 60 && b < 60);
    expect(ink / (width * height)).toBeGreaterThan(0.01);
    const webPixels = await pixels(web);
    expect(count(webPixels.data, (r, g, b) => r < 60 && g < 60 && b < 60)).toBeGreaterThan(5000);
  });

  it('gives identical bytes on a second render, after another municipality\'s page', async () => {
    const other = layoutTaskPerMoment(taskPerMoment(), profile(SUDWEST), { fonts: loadFontSet(defaultFontFiles()) }).frames;
    const [otherPrint] = await pngsOf(other, [PRINT]);
    expect(otherPrint!.equals(print)).toBe(false);
    const [printAgain, webAgain] = await pngsOf(frames, [PRINT, { width: 1200 }]);
    expect(printAgain!.equals(print)).toBe(true);
    expect(webAgain!.equals(web)).toBe(true);
  });

  it.each([
    ['print', PRINT],
    ['web', { width: 1200 }],
  ])('composes the %s PNG to look like the page rasterised whole', async (_, size) => {
    // The composed page mixes its inks in sixteen steps and the whole page is quantised by
    // libimagequant: anti-aliased edges differ by a few levels, flat colours and text not.
    const composed = await pixels((await pngsOf(frames, [size]))[0]!);
    const whole = await pixels(await renderPng(svg, { ...size, alt }));
    expect([composed.width, composed.height]).toEqual([whole.width, whole.height]);
    let sum = 0;
    let far = 0;
    for (let i = 0; i < whole.data.length; i++) {
      const d = Math.abs(whole.data[i]! - composed.data[i]!);
      sum += d;
      if (d > 24) far++;
    }
    expect(sum / whole.data.length).toBeLessThan(1);
    expect(far / whole.data.length).toBeLessThan(0.0005);
  });

  it('writes an 8-bit palette PNG whose palette holds the brand colour exactly', () => {
    const ihdr = print.subarray(16, 29);
    expect([ihdr[8], ihdr[9]]).toEqual([8, 3]);
    const at = print.indexOf('PLTE');
    const plte = print.subarray(at + 4, at + 4 + print.readUInt32BE(at - 4));
    expect(plte.length / 3).toBeLessThanOrEqual(256);
    const entries = Array.from({ length: plte.length / 3 }, (_, i) => [...plte.subarray(i * 3, i * 3 + 3)].join(','));
    expect(entries).toContain(BRAND.join(','));
    expect(entries).toContain('255,255,255');
  });

  it('gives identical bytes in a fresh process that has no fonts at all', () => {
    // Compile the renderers alone and run them in a child whose fontconfig knows no font
    // and whose strip cache starts empty: the bytes depend on neither.
    const out = join(dir, 'build');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules/typescript/bin/tsc'), join(ROOT, 'src/render/png/index.ts'), '--outDir', out, '--rootDir', join(ROOT, 'src'),
        '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--esModuleInterop'],
      { stdio: 'pipe' },
    );
    writeFileSync(join(out, 'package.json'), '{"type":"module"}');
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'));
    const empty = join(dir, 'no-fonts');
    mkdirSync(empty);
    const conf = join(dir, 'fonts.conf');
    writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${empty}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>\n`);
    writeFileSync(join(dir, 'page.svg'), svg);
    writeFileSync(join(dir, 'frames.json'), JSON.stringify({ frames, alt, title: frames.meta.title, size: PRINT }));
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { pagePngs, renderPng } from ${JSON.stringify(join(out, 'render/png/index.js'))};
      import { embedImages } from ${JSON.stringify(join(out, 'render/svg/index.js'))};
      import { admitCheckedAsset } from ${JSON.stringify(join(out, 'assets/checked.js'))};
      const o = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'frames.json'))}, 'utf8'));
      // The child stands in for validation: it admits the logo the frames draw.
      for (const p of o.frames.pages) for (const it of p.items) if (it.type === 'image') admitCheckedAsset(it.asset, readFileSync(it.asset));
      const composed = await pagePngs(o.frames, 0, await embedImages(o.frames), o)(o.size);
      writeFileSync(${JSON.stringify(join(dir, 'child.png'))}, composed);
      const whole = await renderPng(readFileSync(${JSON.stringify(join(dir, 'page.svg'))}, 'utf8'), { ...o, ...o.size });
      writeFileSync(${JSON.stringify(join(dir, 'child-whole.png'))}, whole);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: dir, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir, XDG_DATA_DIRS: empty },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(readFileSync(join(dir, 'child.png')).equals(print)).toBe(true);
    return renderPng(svg, { ...PRINT, alt, title: frames.meta.title }).then((whole) => {
      expect(readFileSync(join(dir, 'child-whole.png')).equals(whole)).toBe(true);
    });
  });

  it('embeds the alternative text as an iTXt Description holding every task', () => {
    const chunks = readItxt(print);
    const description = chunks.find((c) => c.keyword === 'Description')!;
    expect(description.text.startsWith(alt.short)).toBe(true);
    for (const task of TASKS) expect(description.text).toContain(task);
    expect(chunks.find((c) => c.keyword === 'Title')?.text).toBe(frames.meta.title);
    expect(readItxt(web).find((c) => c.keyword === 'Description')?.text).toContain(TASKS[0]);
  });

  it('passes pngcheck', (ctx) => {
    const which = spawnSync('pngcheck', ['-h']);
    // .ci/run installs it: under CI a missing pngcheck fails the test instead of skipping it.
    if (which.error && process.env.CI === 'true') throw new Error('pngcheck is not installed (apt-get install pngcheck)');
    if (which.error) ctx.skip();
    for (const [name, png] of [['print.png', print], ['web.png', web]] as const) {
      writeFileSync(join(dir, name), png);
      const r = spawnSync('pngcheck', ['-v', join(dir, name)], { encoding: 'utf8' });
      expect(r.stdout).toMatch(/iTXt/);
      expect(r.stdout).toMatch(/No errors detected/);
      expect(r.status).toBe(0);
    }
  });
});
