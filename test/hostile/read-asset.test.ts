/**
 * readAsset, the gate every logo, font and local text passes: containment, limits, type by
 * content. Each case builds a small content folder in a temporary directory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { readAsset, readTextFile, type AssetRef } from '../../src/assets/index.js';

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>';
const FONT = path.resolve('node_modules/source-sans/TTF/SourceSans3-Regular.ttf');
const OTF = path.resolve('node_modules/source-sans/OTF/SourceSans3-Regular.otf');

let tmp: string;
let content: string;
let municipalities: string;
const at = { file: 'content/municipalities/evil.yaml', line: 4, column: 9 };

async function put(rel: string, data: string | Buffer): Promise<void> {
  const file = path.join(content, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

function ref(p: string, expect: AssetRef['expect'] = 'image'): AssetRef {
  return { path: p, at, expect, base: municipalities };
}

async function rulesOf(p: string, expect: AssetRef['expect'] = 'image'): Promise<string[]> {
  const result = await readAsset(content, ref(p, expect));
  return result.ok ? [] : result.diagnostics.map((d) => `${path.basename(d.file)}:${d.line}:${d.column} ${d.rule}`);
}

function pngHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b.writeUInt8(8, 24);
  b.writeUInt8(2, 25);
  return b;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folderpers-assets-'));
  content = path.join(tmp, 'content');
  municipalities = path.join(content, 'municipalities');
  await put('municipalities/ok/logo.svg', SVG);
  await put('municipalities/ok/logo.png', await sharp({ create: { width: 8, height: 8, channels: 3, background: '#00811F' } }).png().toBuffer());
  await put('municipalities/ok/logo.gif', await readFile(path.join(municipalities, 'ok', 'logo.png')));
  await put('municipalities/ok/House.ttf', await readFile(FONT));
  await put('municipalities/ok/House.otf', await readFile(OTF));
  await put('municipalities/ok/local.md', '\uFEFFLokale tekst.\r\n');
  await writeFile(path.join(tmp, 'secret.svg'), SVG);
  await mkdir(path.join(tmp, 'elsewhere'));
  await writeFile(path.join(tmp, 'elsewhere', 'logo.svg'), SVG);
  await symlink('../../../secret.svg', path.join(municipalities, 'ok', 'link-out.svg'));
  await symlink('../../elsewhere', path.join(municipalities, 'dir-out'));
  await symlink('logo.svg', path.join(municipalities, 'ok', 'link-in.svg'));
  await symlink('nowhere.svg', path.join(municipalities, 'ok', 'dangling.svg'));
  await mkdir(path.join(municipalities, 'ok', 'folder.svg'));
  execFileSync('mkfifo', [path.join(municipalities, 'ok', 'fifo.svg')]);
  await put('municipalities/bad/empty.svg', '');
  await put('municipalities/bad/huge.svg', Buffer.alloc(2 * 1024 * 1024 + 1, 0x20));
  await put('municipalities/bad/png-named.svg', await readFile(path.join(municipalities, 'ok', 'logo.png')));
  await put('municipalities/bad/svg-named.png', SVG);
  await put('municipalities/bad/text.ttf', 'not a font at all');
  await put('municipalities/bad/broken.otf', Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(200, 0xff)]));
  await put('municipalities/bad/too-many-pixels.png', pngHeader(5000, 5000));
  await put('municipalities/bad/truncated.png', pngHeader(10, 10));
  await put('municipalities/bad/latin1.md', Buffer.from('Eerste regel\nCli\xebnt\n', 'latin1'));
  await put('municipalities/bad/script.svg', `${SVG.slice(0, -6)}\n<script>alert(1)</script></svg>`);
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('readAsset accepts', () => {
  it.each([
    ['ok/logo.svg', 'image', 'svg'],
    ['ok/logo.png', 'image', 'png'],
    ['ok/link-in.svg', 'image', 'svg'],
    ['ok/House.ttf', 'font', 'ttf'],
    ['ok/House.otf', 'font', 'otf'],
    ['ok/local.md', 'markdown', 'md'],
  ] as const)('%s as %s', async (p, expect_, type) => {
    const result = await readAsset(content, ref(p, expect_));
    expect(result).toMatchObject({ ok: true, type, absPath: path.join(municipalities, p) });
  });

  it('returns Markdown text without its BOM and with its line endings', async () => {
    const result = await readAsset(content, ref('ok/local.md', 'markdown'));
    expect(result.ok && result.text).toBe('Lokale tekst.\r\n');
  });
});

describe('readAsset refuses', () => {
  it.each([
    ['../../secret.svg', 'asset/outside-content'],
    ['ok/../../../secret.svg', 'asset/outside-content'],
    ['/etc/passwd', 'asset/outside-content'],
    ['C:/logo.svg', 'asset/outside-content'],
    ['ok\\logo.svg', 'asset/invalid-path'],
    ['https://example.org/logo.svg', 'asset/remote'],
    ['ok/link-out.svg', 'asset/outside-content'],
    ['dir-out/logo.svg', 'asset/outside-content'],
    ['ok/dangling.svg', 'asset/missing'],
    ['ok/nothing.svg', 'asset/missing'],
    ['ok/folder.svg', 'asset/not-a-file'],
    ['ok/fifo.svg', 'asset/not-a-file'],
    ['ok/logo.gif', 'asset/type'],
    ['bad/empty.svg', 'asset/empty'],
    ['bad/huge.svg', 'asset/too-large'],
    ['bad/png-named.svg', 'asset/type'],
    ['bad/svg-named.png', 'asset/type'],
    ['bad/too-many-pixels.png', 'asset/too-large'],
    ['bad/truncated.png', 'asset/invalid'],
  ])('%s with %s at the reference', async (p, rule) => {
    expect(await rulesOf(p)).toEqual([`evil.yaml:4:9 ${rule}`]);
  });

  it.each([
    ['bad/text.ttf', 'asset/type'],
    ['bad/broken.otf', 'font/invalid'],
    ['ok/logo.svg', 'asset/type'],
  ])('font %s with %s', async (p, rule) => {
    expect(await rulesOf(p, 'font')).toEqual([`evil.yaml:4:9 ${rule}`]);
  });

  it('Markdown that is not UTF-8, at the offending byte', async () => {
    expect(await rulesOf('bad/latin1.md', 'markdown')).toEqual(['latin1.md:2:4 file/encoding']);
  });

  it('an SVG with a script, inside the SVG file', async () => {
    expect(await rulesOf('bad/script.svg')).toEqual(['script.svg:2:1 svg/script']);
  });
});

describe('readTextFile', () => {
  it('keeps CRLF and drops the BOM', async () => {
    expect(await readTextFile(path.join(municipalities, 'ok', 'local.md'))).toEqual({ ok: true, text: 'Lokale tekst.\r\n' });
  });

  it.each([
    ['bad/empty.svg', 'file/empty'],
    ['ok/nothing.md', 'file/missing'],
    ['ok/folder.svg', 'file/not-a-file'],
    ['ok/fifo.svg', 'file/not-a-file'],
    ['bad/huge.svg', 'file/too-large'],
    ['ok/link-in.svg', 'file/symlink'],
  ])('%s: %s', async (p, rule) => {
    const result = await readTextFile(path.join(municipalities, p));
    expect(result.ok ? [] : result.diagnostics.map((d) => d.rule)).toEqual([rule]);
  });

  it.each([
    ['ok/logo.svg', []],
    ['ok/link-in.svg', ['file/symlink']],
    ['ok/link-out.svg', ['file/symlink']],
    ['dir-out/logo.svg', ['file/outside-content']],
    ['ok/nothing.svg', ['file/missing']],
  ])('with the content folder given, %s: %j', async (p, rules) => {
    const result = await readTextFile(path.join(municipalities, p), { contentRoot: content });
    expect(result.ok ? [] : result.diagnostics.map((d) => d.rule)).toEqual(rules);
  });
});
