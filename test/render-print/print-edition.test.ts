/**
 * The print edition as a print shop's preflight sees it: the real CLI builds Leiden (four
 * documents) with --print, and every print PDF is read back with qpdf (objects and content
 * streams), Ghostscript (CMYK separations, inkcov), poppler (a render of the sheet) and
 * pdf.js (the tags), none of which is folderpers' own code.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../render-pdf/fixtures.js';
import { readPdf } from '../render-pdf/helpers.js';
import { ghostscriptCmyk, inkCoverage, inspect, operations, streamBytes, type Inspected, type PdfValue } from './inspect.js';

const CLI = join(ROOT, 'bin', 'folderpers.js');
const DOCUMENTS = ['ouderfolder', 'wijzer-professionals', 'drie-lagen', 'taak-per-moment'];
const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];
const BLEED = 3 * MM;
const SHEET = 15 * MM;
/** Leiden's #C8102E as FOGRA39 ink (relative colorimetric). */
const LEIDEN_RED = [0, 0.999, 0.791, 0.15];

let dir: string;
const print = new Map<string, Buffer>();
const inspected = new Map<string, Inspected>();

interface CliResult {
  code: number;
  stdout: string;
}

function cli(cwd: string, ...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout }),
    );
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'folderpers-print-'));
  const result = await cli(dir, 'build', '--content', join(ROOT, 'content'), '--out', join(dir, 'out'), '--municipality', 'leiden', '--print', '--format', 'json');
  expect(result.code).toBe(0);
  for (const id of DOCUMENTS) {
    const bytes = readFileSync(join(dir, 'out', 'leiden', `${id}.print.pdf`));
    print.set(id, bytes);
    inspected.set(id, inspect(bytes));
  }
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const near = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) < 0.01);
const box = (v: PdfValue | undefined) => (v as number[]).map(Number);

describe.each(DOCUMENTS)('%s.print.pdf', (id) => {
  it('is PDF 1.4 with the PDF/X-1a:2003 identification in Info and XMP, and Trapped /False', () => {
    const pdf = inspected.get(id)!;
    expect(pdf.header).toBe('%PDF-1.4');
    const info = pdf.get(pdf.trailer['/Info']) as Record<string, PdfValue>;
    expect(pdf.get(info['/GTS_PDFXVersion'])).toBe('u:PDF/X-1a:2003');
    expect(pdf.get(info['/Trapped'])).toBe('/False');
    expect(pdf.get(info['/Title'])).toMatch(/^u:/);
    const catalog = pdf.get(pdf.trailer['/Root']) as Record<string, PdfValue>;
    const xmp = streamBytes(pdf, catalog['/Metadata'] as string).toString('utf8');
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-1a:2003</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdfx:GTS_PDFXVersion>PDF/X-1a:2003</pdfx:GTS_PDFXVersion>');
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(catalog['/MarkInfo']).toBeDefined();
    expect(catalog['/StructTreeRoot']).toBeDefined();
  });

  it('names FOGRA39 in a GTS_PDFX OutputIntent with the vendored CMYK profile', () => {
    const pdf = inspected.get(id)!;
    const catalog = pdf.get(pdf.trailer['/Root']) as Record<string, PdfValue>;
    const intents = (pdf.get(catalog['/OutputIntents']) as PdfValue[]).map((r) => pdf.get(r) as Record<string, PdfValue>);
    expect(intents).toHaveLength(1);
    const intent = intents[0]!;
    expect(intent['/S']).toBe('/GTS_PDFX');
    expect(intent['/OutputConditionIdentifier']).toBe('u:FOGRA39');
    expect(intent['/RegistryName']).toBe('u:http://www.color.org');
    const profile = intent['/DestOutputProfile'] as string;
    expect((pdf.get(profile) as Record<string, PdfValue>)['/N']).toBe(4);
    const icc = streamBytes(pdf, profile);
    expect(icc.subarray(16, 20).toString('latin1')).toBe('CMYK');
    expect(createHash('sha256').update(icc).digest('hex')).toBe(createHash('sha256').update(readFileSync(join(ROOT, 'data', 'icc', 'fogra39-300.icc'))).digest('hex'));
  });

  it('has an A4 TrimBox, a BleedBox 3 mm outside it and a MediaBox with room for the marks, on every page', () => {
    for (const { dict } of inspected.get(id)!.pages) {
      const trim = box(dict['/TrimBox']);
      expect(near([trim[2]! - trim[0]!, trim[3]! - trim[1]!], A4)).toBe(true);
      expect(near(box(dict['/BleedBox']), [trim[0]! - BLEED, trim[1]! - BLEED, trim[2]! + BLEED, trim[3]! + BLEED])).toBe(true);
      expect(near(box(dict['/MediaBox']), [0, 0, A4[0] + 2 * SHEET, A4[1] + 2 * SHEET])).toBe(true);
      expect(dict['/Annots']).toBeUndefined();
    }
  });

  it('uses no RGB or ICC colour, no transparency, only DeviceCMYK images, and embeds every font', () => {
    const pdf = inspected.get(id)!;
    for (const { content } of pdf.pages) {
      const ops = operations(content);
      expect(ops.filter((o) => ['rg', 'RG'].includes(o.op))).toEqual([]);
      // sc/scn only with the four components of DeviceCMYK or the one of the registration colour.
      for (const o of ops.filter((o) => ['sc', 'scn', 'SC', 'SCN'].includes(o.op))) expect([1, 4]).toContain(o.operands.length);
      for (const o of ops.filter((o) => o.op === 'cs' || o.op === 'CS')) expect(o.operands[0]).toMatch(/^\/(DeviceCMYK|CS\d+)$/);
    }
    for (const [, obj] of pdf.objects) {
      const dict = (obj.stream?.dict ?? obj.value) as Record<string, PdfValue> | PdfValue[] | undefined;
      const text = JSON.stringify(dict ?? null);
      expect(text).not.toMatch(/DeviceRGB|CalRGB|\/Lab"|ICCBased|\/SMask|\/Group/);
      if (dict && !Array.isArray(dict) && typeof dict === 'object') {
        if (dict['/Subtype'] === '/Image') {
          expect(dict['/ColorSpace']).toBe('/DeviceCMYK');
          expect(dict['/BitsPerComponent']).toBe(8);
        }
        if (dict['/Type'] === '/ExtGState') {
          expect(dict['/CA'] ?? 1).toBe(1);
          expect(dict['/ca'] ?? 1).toBe(1);
        }
        if (dict['/Type'] === '/FontDescriptor') expect(dict['/FontFile2'] ?? dict['/FontFile3'] ?? dict['/FontFile']).toBeDefined();
        if (dict['/Type'] === '/Font' && dict['/Subtype'] !== '/Type0') expect(dict['/FontDescriptor']).toBeDefined();
      }
    }
  });

  it('sets body text in black ink alone, and colour text only in the brand inks', () => {
    const pdf = inspected.get(id)!;
    let kOnly = 0;
    let total = 0;
    for (const { content } of pdf.pages) {
      const ops = operations(content);
      for (let i = 0; i < ops.length; i++) {
        if (ops[i]!.op !== 'BT') continue;
        const colour = ops.slice(i, ops.findIndex((o, j) => j > i && o.op === 'ET')).find((o) => o.op === 'k' || o.op === 'scn');
        if (colour?.op !== 'k') continue; // the slug line, in registration colour
        const [c, m, y, k] = colour.operands.map(Number) as [number, number, number, number];
        total += 1;
        if (c === 0 && m === 0 && y === 0 && k > 0) kOnly += 1;
        // Rich black on text (colour under black) would print blurred at small sizes.
        else if (k > 0) expect(near([c, m, y, k], LEIDEN_RED)).toBe(true);
      }
    }
    expect(total).toBeGreaterThan(20);
    expect(kOnly / total).toBeGreaterThan(0.5);
    const body = pdf.pages.map((p) => p.content).join('\n');
    expect(body).toContain('0 0 0 1 k');
  });

  it('keeps total ink within 300 % inside the bleed, and draws marks in registration colour only outside it', () => {
    for (const [i, page] of ghostscriptCmyk(print.get(id)!, 50).entries()) {
      const scale = 50 / 72;
      const bleed = box(inspected.get(id)!.pages[i]!.dict['/BleedBox']);
      const [x0, x1] = [bleed[0]! * scale, bleed[2]! * scale];
      // The raster's rows run top-down; the PDF's y upwards.
      const [y0, y1] = [page.height - bleed[3]! * scale, page.height - bleed[1]! * scale];
      let maxInside = 0;
      let marks = 0;
      for (let y = 0; y < page.height; y++) {
        for (let x = 0; x < page.width; x++) {
          const o = (y * page.width + x) * 4;
          const sum = page.data[o]! + page.data[o + 1]! + page.data[o + 2]! + page.data[o + 3]!;
          const inside = x >= x0 + 1 && x < x1 - 1 && y >= y0 + 1 && y < y1 - 1;
          if (inside) maxInside = Math.max(maxInside, sum);
          // Only registration colour has all four inks together beyond 300 %.
          else if (sum > 3 * 255 && page.data[o]! > 0 && page.data[o + 3]! > 0) marks += 1;
        }
      }
      expect(maxInside / 255).toBeLessThanOrEqual(3.005);
      expect(marks).toBeGreaterThan(8);
    }
    for (const [c, m, y, k] of inkCoverage(print.get(id)!)) expect(c! + m! + y! + k!).toBeLessThan(3);
  });

  it('keeps the PDF/UA tags and the text, without link annotations', async () => {
    const pdf = await readPdf(print.get(id)!);
    expect(pdf.lang).toBe('nl-NL');
    expect(pdf.links).toEqual([]);
    expect(pdf.roles.has('H1')).toBe(true);
    expect(pdf.text).toContain('Leiden');
    if (id !== 'drie-lagen') expect(pdf.text.replace(/\s+/g, ' ')).toContain('071 123 45 67');
  });
});

describe('the rendered sheet', () => {
  it('runs the cover band into the bleed and leaves the rest of the sheet outside it white', async () => {
    const dpi = 30;
    const out = join(dir, 'sheet');
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-png', join(dir, 'out', 'leiden', 'ouderfolder.print.pdf'), out]);
    const { data, info } = await sharp(`${out}-1.png`).raw().toBuffer({ resolveWithObject: true });
    const px = (xPt: number, yPt: number) => {
      const o = (Math.round((yPt * dpi) / 72) * info.width + Math.round((xPt * dpi) / 72)) * info.channels;
      return [data[o]!, data[o + 1]!, data[o + 2]!];
    };
    const red = (rgb: number[]) => rgb[0]! > 150 && rgb[1]! < 90 && rgb[2]! < 110;
    // Top-left corner of the sheet, y down: the trim's corner is at (SHEET, SHEET).
    const inBleed = SHEET - BLEED / 2;
    expect(red(px(inBleed, inBleed))).toBe(true); // the bleed's corner, above and left of the page
    expect(red(px(SHEET + A4[0] + BLEED / 2, SHEET + 20))).toBe(true); // right of the page, beside the band
    expect(red(px(SHEET + 100, SHEET + 2))).toBe(true); // the page's own top edge
    expect(px(SHEET - BLEED - 6, SHEET + 40)).toEqual([255, 255, 255]); // beyond the bleed: paper
    expect(px(SHEET + 100, SHEET + A4[1] + BLEED / 2)).toEqual([255, 255, 255]); // bottom bleed of page 1: nothing runs off there
  });
});

describe('brand colours in print', () => {
  let content: string;
  beforeAll(() => {
    content = join(dir, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
  });

  it('prints brand.cmyk as given, and the screen PDFs are the same with or without --print', async () => {
    const file = join(content, 'municipalities', 'leiden.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  logo: leiden/logo.svg\n', '  logo: leiden/logo.svg\n  cmyk:\n    primary: [0, 100, 75, 4]\n'));
    const out = join(dir, 'own-cmyk');
    const result = await cli(dir, 'build', '--content', content, '--out', out, '--municipality', 'leiden', '--document', 'ouderfolder', '--print', '--format', 'json');
    expect(result.code).toBe(0);
    const ops = inspect(readFileSync(join(out, 'leiden', 'ouderfolder.print.pdf'))).pages[0]!.content;
    expect(ops).toContain('0 1 0.75 0.04 k'); // headings in the brand's own inks
    expect(ops).toContain('0 0.12 0.09 0.0048 scn'); // the 12 % panel tint: the same inks screened
    const screen = readFileSync(join(out, 'leiden', 'ouderfolder.pdf'));
    const plain = join(dir, 'no-print');
    expect((await cli(dir, 'build', '--content', join(ROOT, 'content'), '--out', plain, '--municipality', 'leiden', '--document', 'ouderfolder')).code).toBe(0);
    expect(screen.equals(readFileSync(join(plain, 'leiden', 'ouderfolder.pdf')))).toBe(true);
  });

  it('warns print/gamut at the colour when the paper cannot print it, and refuses more than 300 % ink', async () => {
    const file = join(content, 'municipalities', 'huizen.yaml');
    const original = readFileSync(file, 'utf8');
    const line = original.split('\n').findIndex((l) => l.startsWith('  primary:')) + 1;
    writeFileSync(file, original.replace(/  primary: "#[0-9A-Fa-f]{6}"/, '  primary: "#0050FF"'));
    const result = await cli(dir, 'validate', '--content', content, '--municipality', 'huizen', '--format', 'json');
    expect(JSON.parse(result.stdout).diagnostics.filter((d: { rule: string }) => d.rule === 'print/gamut')).toEqual([]);
    const built = await cli(dir, 'build', '--content', content, '--out', join(dir, 'gamut'), '--municipality', 'huizen', '--document', 'wijzer-professionals', '--print', '--format', 'json');
    const gamut = (JSON.parse(built.stdout) as { diagnostics: Array<{ rule: string; file: string; line: number; severity: string; message: string }> }).diagnostics.filter((d) => d.rule === 'print/gamut');
    expect(gamut).toHaveLength(1);
    expect(gamut[0]).toMatchObject({ line, severity: 'warning' });
    expect(gamut[0]!.file).toMatch(/huizen\.yaml$/);
    expect(gamut[0]!.message).toMatch(/ΔE \d+\.\d/);

    writeFileSync(file, original.replace(/(  primary: "#[0-9A-Fa-f]{6}".*\n)/, '$1  cmyk:\n    primary: [100, 100, 60, 50]\n'));
    const refused = await cli(dir, 'validate', '--content', content, '--municipality', 'huizen', '--format', 'json');
    expect(refused.code).toBe(1);
    const ink = (JSON.parse(refused.stdout) as { diagnostics: Array<{ rule: string; line: number }> }).diagnostics.filter((d) => d.rule === 'print/ink-limit');
    expect(ink).toEqual([expect.objectContaining({ line: line + 2 })]);
  });
});
