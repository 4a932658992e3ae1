/**
 * Text that does not fit, through the real CLI on a copy of the bundled content: each case
 * either builds into pages where every text stays on the paper and clear of every other
 * text (read back from the PDF with pdfjs), or fails with exit 1 and a diagnostic at the
 * right line, and writes nothing. And a house font whose digits are permuted never prints
 * another phone number: contact values are set in the bundled face.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { defaultFontFiles } from '../../src/layout/text/index.js';
import { runCli, workspacesOfFile } from '../hostile/workspace.js';
import { IDENTITY, permutedFont, SWAPPED, type Permutation } from './permuted-font.js';

const workspace = workspacesOfFile();

interface Report {
  diagnostics: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
}

async function build(dir: string, municipality: string, documents: string[]): Promise<{ code: number | null; report: Report; stderr: string }> {
  const args = ['build', '--content', 'content', '--out', 'out', '--municipality', municipality, '--format', 'json'];
  for (const d of documents) args.push('--document', d);
  const run = await runCli(dir, args, { timeoutMs: 60_000 });
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr };
}

const where = (r: Report, severity: string) => r.diagnostics.filter((d) => d.severity === severity).map((d) => `${d.file}:${d.line}:${d.column} ${d.rule}`);

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const p = path.join(dir, file);
  await writeFile(p, change(await readFile(p, 'utf8')));
}

interface PdfText {
  page: number;
  str: string;
  x: number;
  /** Baseline, from the top of the page. */
  y: number;
  width: number;
  size: number;
  font: string;
}

async function pdfTexts(file: string): Promise<{ pages: Array<{ width: number; height: number }>; texts: PdfText[] }> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const pages: Array<{ width: number; height: number }> = [];
  const texts: PdfText[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , width, height] = page.view as [number, number, number, number];
    pages.push({ width, height });
    await page.getOperatorList();
    for (const it of (await page.getTextContent()).items) {
      if (!('str' in it) || it.str.trim() === '') continue;
      const font = (page.commonObjs.get(it.fontName) as { name?: string } | undefined)?.name ?? it.fontName;
      texts.push({ page: i - 1, str: it.str, x: it.transform[4], y: height - it.transform[5], width: it.width, size: Math.hypot(it.transform[2], it.transform[3]), font });
    }
  }
  await pdf.destroy();
  return { pages, texts };
}

async function linkTargets(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) for (const a of await (await pdf.getPage(i)).getAnnotations()) if (a.subtype === 'Link') out.push(a.url ?? a.unsafeUrl);
  await pdf.destroy();
  return out;
}

const INSET = (5 * 72) / 25.4;

/** Every text on the paper (5 mm clear of the edge), and no two on one baseline overprinting each other. */
async function expectLegible(file: string): Promise<PdfText[]> {
  const { pages, texts } = await pdfTexts(file);
  expect(texts.length, file).toBeGreaterThan(20);
  for (const t of texts) {
    const { width, height } = pages[t.page]!;
    const box = `${path.basename(file)} p${t.page + 1} "${t.str}" at ${t.x.toFixed(1)}..${(t.x + t.width).toFixed(1)} of ${width}`;
    expect(t.x, box).toBeGreaterThanOrEqual(INSET);
    expect(t.x + t.width, box).toBeLessThanOrEqual(width - INSET);
    expect(t.y, box).toBeLessThanOrEqual(height - INSET);
    expect(t.y - t.size, box).toBeGreaterThanOrEqual(INSET);
  }
  for (const a of texts) {
    for (const b of texts) {
      if (a === b || a.page !== b.page || Math.abs(a.y - b.y) > Math.min(a.size, b.size) * 0.5) continue;
      const o = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      expect(o, `${path.basename(file)} p${a.page + 1}: "${a.str}" overprints "${b.str}"`).toBeLessThanOrEqual(0.5);
    }
  }
  return texts;
}

describe('a closing block that does not fit', () => {
  it("Rotterdam's request section with 45 list items is an overflow error at its file, and no PDF", async () => {
    const dir = await workspace();
    const items = Array.from({ length: 45 }, (_, i) => `- Stap ${i + 1}: u vult het formulier in en stuurt het op`).join('\n');
    await edit(dir, 'content/municipalities/rotterdam/aanvragen.md', (t) => t.replace('cliëntondersteuner.\n\n', `cliëntondersteuner.\n\n${items}\n\n`));
    const { code, report } = await build(dir, 'rotterdam', ['wijzer-professionals']);
    expect(where(report, 'error')).toEqual(['content/municipalities/rotterdam/aanvragen.md:1:1 layout/overflow']);
    expect(report.diagnostics[0]!.message).toMatch(/Gemeente Rotterdam: the closing block \(section "Hoe u onafhankelijke cliëntondersteuning aanvraagt" \(#contact\).* is \d+ pt \(\d+ mm\) too tall/);
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, 'out/rotterdam/wijzer-professionals.pdf'))).toBe(false);
  });

  it("30 more paragraphs in the guide's contact section are an overflow error, not a PDF that shows a fifth of them", async () => {
    const dir = await workspace();
    const sentence = 'Deze zin staat in een extra alinea van de contactsectie en moet gelezen kunnen worden.';
    const more = Array.from({ length: 30 }, () => Array(12).fill(sentence).join(' ')).join('\n\n');
    await edit(dir, 'content/documents/wijzer-professionals.md', (t) => `${t.trimEnd()}\n\n${more}\n`);
    const { code, report } = await build(dir, 'huizen', ['wijzer-professionals']);
    expect(where(report, 'error')).toEqual(['content/documents/wijzer-professionals.md:60:1 layout/overflow']);
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, 'out/huizen/wijzer-professionals.pdf'))).toBe(false);
  });
});

describe('words and values wider than their column', () => {
  it('a name and organisation of 60 wide letters build into pages where every text stays clear of the page number and on the paper', async () => {
    const dir = await workspace();
    await edit(dir, 'content/municipalities/huizen.yaml', (t) =>
      t.replace('name: Gemeente Huizen', `name: ${'W'.repeat(60)}`).replace('organisation: Steunpunt Cliëntondersteuning Huizen', `organisation: ${'M'.repeat(60)}`),
    );
    const { code, report } = await build(dir, 'huizen', ['ouderfolder', 'wijzer-professionals', 'drie-lagen', 'taak-per-moment']);
    expect(where(report, 'error')).toEqual([]);
    expect(code).toBe(0);
    // "MMM…" has no hyphenation point: it is cut between characters, at its line, with a warning.
    expect(where(report, 'warning')).toContain('content/municipalities/huizen.yaml:10:17 layout/word-broken');
    for (const doc of ['ouderfolder', 'wijzer-professionals', 'drie-lagen', 'taak-per-moment']) {
      const texts = await expectLegible(path.join(dir, `out/huizen/${doc}.pdf`));
      expect(texts.some((t) => t.str.includes('W'.repeat(12))), doc).toBe(true);
    }
  });

  it('an unbreakable word in the body text is cut inside its column, with a warning at its line', async () => {
    const dir = await workspace();
    await edit(dir, 'content/documents/ouderfolder.md', (t) => t.replace('## Meer weten? {#contact}', `Een woord als ${'M'.repeat(70)} past in geen kolom.\n\n## Meer weten? {#contact}`));
    const { code, report } = await build(dir, 'huizen', ['ouderfolder']);
    expect(code).toBe(0);
    expect(where(report, 'warning')).toEqual(['content/documents/ouderfolder.md:120:1 layout/word-broken']);
    await expectLegible(path.join(dir, 'out/huizen/ouderfolder.pdf'));
  });

  it('a long e-mail address breaks at its dots and stays whole and clickable', async () => {
    const dir = await workspace();
    const email = 'clientondersteuning.jeugd.en.gezin.huizen.blaricum.laren.eemnes.gooise@loket.nl';
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('email: info@clientondersteuning-huizen.example', `email: ${email}`));
    const { code, report } = await build(dir, 'huizen', ['ouderfolder', 'wijzer-professionals']);
    expect(where(report, 'error')).toEqual([]);
    expect(code).toBe(0);
    for (const doc of ['ouderfolder', 'wijzer-professionals']) {
      const file = path.join(dir, `out/huizen/${doc}.pdf`);
      const texts = await expectLegible(file);
      expect(texts.map((t) => t.str).join('').replace(/\s+/g, ''), doc).toContain(email);
      expect(await linkTargets(file), doc).toContain(`mailto:${email}`);
    }
  });

  it('an e-mail address that cannot break anywhere is an overflow error at its line in the profile', async () => {
    const dir = await workspace();
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('email: info@clientondersteuning-huizen.example', `email: ${'m'.repeat(60)}@huizen.example`));
    const { code, report } = await build(dir, 'huizen', ['wijzer-professionals']);
    expect([...new Set(where(report, 'error'))]).toEqual(['content/municipalities/huizen.yaml:12:10 layout/overflow']);
    expect(report.diagnostics.find((d) => d.rule === 'layout/overflow')!.message).toMatch(/contact\.email "m+…" .*wider than its column and cannot be broken/);
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, 'out/huizen/wijzer-professionals.pdf'))).toBe(false);
  });
});

describe('a house font whose digits are permuted', () => {
  const FACES = { regular: 'Regular', bold: 'Bold', italic: 'It' } as const;

  /** Huizen with a house font that is Source Sans 3 under another name, its digits permuted or not. */
  async function withHouseFont(permutation: Permutation): Promise<string> {
    const dir = await workspace();
    const fonts = path.join(dir, 'content/municipalities/huizen/fonts');
    await mkdir(fonts, { recursive: true });
    const source = path.dirname(defaultFontFiles().regular);
    for (const [style, suffix] of Object.entries(FACES)) {
      const bytes = permutedFont(path.join(source, `SourceSans3-${suffix}.ttf`), `FolderpersDigits-${suffix}`, permutation);
      await writeFile(path.join(fonts, `House-${style}.ttf`), bytes);
    }
    const font = Object.keys(FACES).map((style) => `    ${style}: huizen/fonts/House-${style}.ttf`).join('\n');
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('  logo: huizen/logo.svg\n', `  logo: huizen/logo.svg\n  font:\n${font}\n`));
    const { code, report } = await build(dir, 'huizen', ['wijzer-professionals', 'taak-per-moment']);
    expect(where(report, 'error')).toEqual([]);
    expect(code).toBe(0);
    return dir;
  }

  /** The page rendered by poppler, cut to a text item's box (PDF points at 150 dpi). */
  function crop(file: string, page: number, t: PdfText): Buffer {
    const k = 150 / 72;
    const out = path.join(path.dirname(file), `crop-${page}-${Math.round(t.x)}-${Math.round(t.y)}`);
    const args = ['-r', '150', '-f', String(page + 1), '-l', String(page + 1), '-x', String(Math.floor(t.x * k) - 2), '-y', String(Math.floor((t.y - t.size) * k) - 2)];
    args.push('-W', String(Math.ceil(t.width * k) + 4), '-H', String(Math.ceil(t.size * 1.3 * k) + 4), '-gray', '-singlefile', file, out);
    execFileSync('pdftoppm', args);
    return readFileSync(`${out}.pgm`);
  }

  it('prints the phone number in the bundled digits, the same as the text layer and the tel: link', async () => {
    const [permuted, faithful] = await Promise.all([withHouseFont(SWAPPED), withHouseFont(IDENTITY)]);
    const pdf = (dir: string) => path.join(dir, 'out/huizen/wijzer-professionals.pdf');
    const texts = await pdfTexts(pdf(permuted));
    const phone = texts.texts.filter((t) => t.str.includes('035 123 45 67'));
    expect(phone.length).toBe(2);
    // The number is set in the bundled face, the text around it in the house font.
    for (const t of phone) expect(t.font).toMatch(/SourceSans3-/);
    expect(texts.texts.some((t) => t.font.includes('FolderpersDigits-'))).toBe(true);
    for (const t of phone) expect(crop(pdf(permuted), t.page, t).equals(crop(pdf(faithful), t.page, t))).toBe(true);
    // The comparison sees digits: the page number, in the house font, prints other digits.
    const pageNumber = texts.texts.find((t) => t.str.startsWith('Pagina'))!;
    expect(pageNumber.font).toMatch(/FolderpersDigits-/);

    expect(crop(pdf(permuted), pageNumber.page, pageNumber).equals(crop(pdf(faithful), pageNumber.page, pageNumber))).toBe(false);

    // The picture: the footer band's number, in the web PNG, drawn from the same frames as its PDF.
    const band = (await pdfTexts(path.join(permuted, 'out/huizen/taak-per-moment.pdf'))).texts.find((t) => t.str.includes('035 123 45 67'))!;
    const pixels = async (dir: string) => {
      const png = sharp(await readFile(path.join(dir, 'out/huizen/taak-per-moment.web.png')));
      const k = 1200 / ((210 * 72) / 25.4);
      const region = { left: Math.floor(band.x * k) - 2, top: Math.floor((band.y - band.size) * k) - 2, width: Math.ceil(band.width * k) + 4, height: Math.ceil(band.size * 1.3 * k) + 4 };
      return png.extract(region).raw().toBuffer();
    };
    expect((await pixels(permuted)).equals(await pixels(faithful))).toBe(true);
  });
});
