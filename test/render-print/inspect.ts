/**
 * An independent look at a print PDF: qpdf's JSON of every object (streams decoded), and a
 * small tokenizer for content streams, so the tests check what is in the file, not what
 * folderpers meant to write. Ghostscript renders CMYK separations for ink coverage.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };

export interface PdfObject {
  value?: PdfValue;
  stream?: { dict: Record<string, PdfValue>; data?: string };
}

export interface Inspected {
  objects: Map<string, PdfObject>;
  trailer: Record<string, PdfValue>;
  header: string;
  /** Resolves an indirect reference ("12 0 R") to its object's value or stream dictionary. */
  get(ref: PdfValue | undefined): PdfValue | undefined;
  pages: Array<{ dict: Record<string, PdfValue>; content: string }>;
}

export function inspect(bytes: Buffer): Inspected {
  const dir = mkdtempSync(join(tmpdir(), 'folderpers-inspect-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-stream-data=inline', '--decode-level=generalized', file], { maxBuffer: 256 * 1024 * 1024 }).toString(),
    ) as { qpdf: [unknown, Record<string, PdfObject>]; pages: Array<{ object: string; contents: string[] }> };
    const objects = new Map<string, PdfObject>();
    let trailer: Record<string, PdfValue> = {};
    for (const [key, obj] of Object.entries(json.qpdf[1])) {
      if (key === 'trailer') trailer = obj.value as Record<string, PdfValue>;
      else objects.set(key.replace(/^obj:/, ''), obj);
    }
    const get = (ref: PdfValue | undefined): PdfValue | undefined => {
      if (typeof ref !== 'string' || !/^\d+ \d+ R$/.test(ref)) return ref;
      const o = objects.get(ref);
      return o?.stream ? o.stream.dict : o?.value;
    };
    const streamText = (ref: string) => Buffer.from(objects.get(ref)!.stream!.data ?? '', 'base64').toString('latin1');
    const pages = json.pages.map((p) => ({
      dict: get(p.object) as Record<string, PdfValue>,
      content: p.contents.map(streamText).join('\n'),
    }));
    return { objects, trailer, header: bytes.subarray(0, 8).toString('latin1'), get, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bytes of a stream object. */
export function streamBytes(pdf: Inspected, ref: string): Buffer {
  return Buffer.from(pdf.objects.get(ref)!.stream!.data ?? '', 'base64');
}

export interface Operation {
  op: string;
  operands: string[];
}

/** Content-stream operators with their operands (strings and arrays kept whole). */
export function operations(content: string): Operation[] {
  const out: Operation[] = [];
  let operands: string[] = [];
  const re = /\((?:\\.|[^\\)])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[(?:\((?:\\.|[^\\)])*\)|[^\]])*\]|\/[^\s/[\]()<>{}]*|[-+]?\d*\.?\d+|[A-Za-z'"*]+[01]?\*?/g;
  for (const m of content.matchAll(re)) {
    const t = m[0];
    if (/^[A-Za-z'"]/.test(t) && t !== 'true' && t !== 'false') {
      out.push({ op: t, operands });
      operands = [];
    } else operands.push(t);
  }
  return out;
}

/** PAM pixels of a Ghostscript CMYK render: 4 bytes a pixel, 255 = solid ink. */
export interface CmykRaster {
  width: number;
  height: number;
  data: Buffer;
}

/** Every page rendered by Ghostscript to CMYK at `dpi`, at the MediaBox. */
export function ghostscriptCmyk(bytes: Buffer, dpi: number): CmykRaster[] {
  const dir = mkdtempSync(join(tmpdir(), 'folderpers-gs-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pamcmyk32', `-r${dpi}`, `-sOutputFile=${join(dir, 'p-%d.pam')}`, file]);
    const pages: CmykRaster[] = [];
    for (let i = 1; ; i++) {
      let pam: Buffer;
      try {
        pam = readFileSync(join(dir, `p-${i}.pam`));
      } catch {
        break;
      }
      const end = pam.indexOf('ENDHDR\n') + 7;
      const head = pam.subarray(0, end).toString('latin1');
      const width = Number(/WIDTH (\d+)/.exec(head)![1]);
      const height = Number(/HEIGHT (\d+)/.exec(head)![1]);
      pages.push({ width, height, data: pam.subarray(end) });
    }
    return pages;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Ghostscript's inkcov device: per page the average coverage of C, M, Y and K (0..1). */
export function inkCoverage(bytes: Buffer): number[][] {
  const dir = mkdtempSync(join(tmpdir(), 'folderpers-inkcov-'));
  try {
    const file = join(dir, 'f.pdf');
    writeFileSync(file, bytes);
    const out = execFileSync('gs', ['-q', '-dSAFER', '-dBATCH', '-dNOPAUSE', '-dUseTrimBox', '-sDEVICE=inkcov', '-r36', '-o', '-', file]).toString();
    return out
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).slice(0, 4).map(Number));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
