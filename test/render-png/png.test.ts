import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Frames } from '../../src/layout/frames.js';
import { layoutTaskPerMoment } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { pixelSize, readItxt, renderPng, renderPngs } from '../../src/render/png/index.js';
import { altText, embedImages, renderSvg, type AltText } from '../../src/render/svg/index.js';
import { profile, TASKS, taskPerMoment } from '../infographic/fixtures.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BRAND = [0x00, 0x81, 0x1f];

let frames: Frames;
let svg: string;
let alt: AltText;
let print: Buffer;
let web: Buffer;
const dir = mkdtempSync(join(tmpdir(), 'folderpers-png-'));

beforeAll(async () => {
  frames = layoutTaskPerMoment(taskPerMoment(), profile(), { fonts: loadFontSet(defaultFontFiles()) }).frames;
  svg = renderSvg(frames, 0, await embedImages(frames));
  alt = altText(frames);
  // As the build makes them: one rasterisation at print size, the web PNG resized from it.
  [print, web] = (await renderPngs(svg, {
    sizes: [pixelSize(frames.width, frames.height, 300), { width: 1200 }],
    alt,
    title: frames.meta.title,
  })) as [Buffer, Buffer];
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

  it('gives identical bytes on a second render', async () => {
    const again = await renderPng(svg, { ...pixelSize(frames.width, frames.height, 300), alt, title: frames.meta.title });
    expect(again.equals(print)).toBe(true);
    const sizes = [pixelSize(frames.width, frames.height, 300), { width: 1200 }];
    const [, webAgain] = await renderPngs(svg, { sizes, alt, title: frames.meta.title });
    expect(webAgain!.equals(web)).toBe(true);
  });

  it('resizes the web PNG from the print raster to look like a direct rasterisation', async () => {
    // Mean channel difference against rasterising the SVG at 1200 px: resampling and the
    // palette shift anti-aliased edges a little, never the flat colours or the text.
    const direct = await pixels(await renderPng(svg, { width: 1200, alt }));
    const resized = await pixels(web);
    expect([resized.width, resized.height]).toEqual([direct.width, direct.height]);
    let sum = 0;
    for (let i = 0; i < direct.data.length; i++) sum += Math.abs(direct.data[i]! - resized.data[i]!);
    expect(sum / direct.data.length).toBeLessThan(3);
  });

  it('gives identical bytes in a process that has no fonts at all', () => {
    // Compile the PNG renderer alone and run it in a child whose fontconfig knows no font.
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
    writeFileSync(join(dir, 'alt.json'), JSON.stringify({ alt, title: frames.meta.title, ...pixelSize(frames.width, frames.height, 300) }));
    const script = `
      import { readFileSync, writeFileSync } from 'node:fs';
      import { renderPng } from ${JSON.stringify(join(out, 'render/png/index.js'))};
      const o = JSON.parse(readFileSync(${JSON.stringify(join(dir, 'alt.json'))}, 'utf8'));
      const png = await renderPng(readFileSync(${JSON.stringify(join(dir, 'page.svg'))}, 'utf8'), o);
      writeFileSync(${JSON.stringify(join(dir, 'child.png'))}, png);`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH, HOME: dir, FONTCONFIG_FILE: conf, FONTCONFIG_PATH: dir, XDG_DATA_DIRS: empty },
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(readFileSync(join(dir, 'child.png')).equals(print)).toBe(true);
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
