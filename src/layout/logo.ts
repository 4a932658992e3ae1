/** Aspect ratio of a logo asset, read from the SVG's viewBox/size or the PNG header. */
import { checkedAsset } from '../assets/checked.js';

/** By the checked bytes, not the path: a path admitted again with other bytes is another logo. */
const cache = new WeakMap<Buffer, number>();

/** Width divided by height; 2.5 when the file does not say. */
export function logoAspect(file: string): number {
  const bytes = checkedAsset(file);
  let a = cache.get(bytes);
  if (a !== undefined) return a;
  a = 2.5;
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
  if (!Number.isFinite(a) || a <= 0) a = 2.5;
  cache.set(bytes, a);
  return a;
}
