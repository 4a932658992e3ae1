/** Aspect ratio of a logo asset, read from the SVG's viewBox/size or the PNG header. */
import { readFileSync } from 'node:fs';

const cache = new Map<string, number>();

/** Width divided by height; 2.5 when the file does not say. */
export function logoAspect(file: string): number {
  let a = cache.get(file);
  if (a !== undefined) return a;
  a = 2.5;
  try {
    const bytes = readFileSync(file);
    if (bytes.subarray(1, 4).toString('latin1') === 'PNG') {
      a = bytes.readUInt32BE(16) / bytes.readUInt32BE(20);
    } else {
      const head = bytes.subarray(0, 4096).toString('utf8');
      const vb = /viewBox\s*=\s*["']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(head);
      const w = /<svg[^>]*\swidth\s*=\s*["']([\d.]+)/.exec(head);
      const h = /<svg[^>]*\sheight\s*=\s*["']([\d.]+)/.exec(head);
      if (vb) a = Number(vb[1]) / Number(vb[2]);
      else if (w && h) a = Number(w[1]) / Number(h[1]);
    }
  } catch {
    // An unreadable logo is reported by validation; the layout keeps the default box.
  }
  if (!Number.isFinite(a) || a <= 0) a = 2.5;
  cache.set(file, a);
  return a;
}
