/**
 * A house font that prints other digits: a copy of a Source Sans 3 TTF whose `cmap` maps
 * each digit to the glyph of another digit ("1" draws a "7"), under a name of its own so a
 * PDF tells it from the bundled face. Written in the test, not committed: the new font is
 * the original's tables with a new `cmap` (one format 12 subtable) and a new `name` table.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';

/** digit → the digit whose glyph it draws. The identity gives a renamed but faithful copy. */
export type Permutation = readonly number[];

export const SWAPPED: Permutation = [8, 7, 5, 3, 9, 2, 6, 1, 0, 4];
export const IDENTITY: Permutation = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export function permutedFont(file: string, postscriptName: string, permutation: Permutation): Buffer {
  const bytes = readFileSync(file);
  const font = fontkit.create(bytes) as fontkit.Font;
  const map = new Map<number, number>();
  for (const cp of font.characterSet) map.set(cp, font.glyphForCodePoint(cp).id);
  const digit = (d: number) => map.get(0x30 + d)!;
  const digits = Array.from({ length: 10 }, (_, d) => digit(permutation[d]!));
  digits.forEach((gid, d) => map.set(0x30 + d, gid));

  const tables = readTables(bytes);
  tables.set('cmap', cmap(map));
  tables.set('name', names(postscriptName));
  tables.delete('DSIG');
  return writeFont(bytes.readUInt32BE(0), tables);
}

function readTables(bytes: Buffer): Map<string, Buffer> {
  const tables = new Map<string, Buffer>();
  const count = bytes.readUInt16BE(4);
  for (let i = 0; i < count; i++) {
    const rec = 12 + 16 * i;
    const tag = bytes.toString('latin1', rec, rec + 4);
    const offset = bytes.readUInt32BE(rec + 8);
    const length = bytes.readUInt32BE(rec + 12);
    tables.set(tag, bytes.subarray(offset, offset + length));
  }
  return tables;
}

/** A cmap with one (3, 10) format 12 subtable: groups of consecutive code points and glyph ids. */
function cmap(map: Map<number, number>): Buffer {
  const cps = [...map.keys()].sort((a, b) => a - b);
  const groups: Array<[number, number, number]> = [];
  for (const cp of cps) {
    const gid = map.get(cp)!;
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else groups.push([cp, cp, gid]);
  }
  const sub = Buffer.alloc(16 + 12 * groups.length);
  sub.writeUInt16BE(12, 0);
  sub.writeUInt32BE(sub.length, 4);
  sub.writeUInt32BE(groups.length, 12);
  groups.forEach(([start, end, gid], i) => {
    sub.writeUInt32BE(start, 16 + 12 * i);
    sub.writeUInt32BE(end, 20 + 12 * i);
    sub.writeUInt32BE(gid, 24 + 12 * i);
  });
  const head = Buffer.alloc(12);
  head.writeUInt16BE(1, 2);
  head.writeUInt16BE(3, 4);
  head.writeUInt16BE(10, 6);
  head.writeUInt32BE(12, 8);
  return Buffer.concat([head, sub]);
}

/** A name table (Windows, US English) with family, style, full and PostScript names. */
function names(postscriptName: string): Buffer {
  const [family, style] = postscriptName.split('-') as [string, string];
  const records: Array<[number, string]> = [
    [1, family],
    [2, style],
    [4, `${family} ${style}`],
    [6, postscriptName],
  ];
  const strings = records.map(([, s]) => Buffer.from(s, 'utf16le').swap16());
  const header = Buffer.alloc(6 + 12 * records.length);
  header.writeUInt16BE(records.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  records.forEach(([id], i) => {
    const r = 6 + 12 * i;
    header.writeUInt16BE(3, r);
    header.writeUInt16BE(1, r + 2);
    header.writeUInt16BE(0x409, r + 4);
    header.writeUInt16BE(id, r + 6);
    header.writeUInt16BE(strings[i]!.length, r + 8);
    header.writeUInt16BE(offset, r + 10);
    offset += strings[i]!.length;
  });
  return Buffer.concat([header, ...strings]);
}

function checksum(b: Buffer): number {
  const padded = Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

function writeFont(version: number, tables: Map<string, Buffer>): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const dir = Buffer.alloc(12 + 16 * n);
  dir.writeUInt32BE(version, 0);
  dir.writeUInt16BE(n, 4);
  dir.writeUInt16BE(pow * 16, 6);
  dir.writeUInt16BE(Math.log2(pow), 8);
  dir.writeUInt16BE(n * 16 - pow * 16, 10);
  const body: Buffer[] = [];
  let offset = dir.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const r = 12 + 16 * i;
    dir.write(tag, r, 'latin1');
    dir.writeUInt32BE(checksum(data), r + 4);
    dir.writeUInt32BE(offset, r + 8);
    dir.writeUInt32BE(data.length, r + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    body.push(padded);
    offset += padded.length;
  });
  return Buffer.concat([dir, ...body]);
}
