/**
 * Colour roles from one brand colour. Every text colour is checked against its background
 * and darkened until it meets WCAG AA, so a light brand colour still gives legible headings.
 */
export type Rgb = [number, number, number];

export function parseHex(hex: string): Rgb {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** Mix with white: `amount` 0.12 gives a 12 % tint. */
export function tint(hex: string, amount: number): string {
  const c = parseHex(hex);
  return toHex(c.map((v) => 255 - (255 - v) * amount) as Rgb);
}

function luminance(hex: string): number {
  const lin = parseHex(hex).map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** `fg`, darkened in small steps until it reaches `ratio` against `bg`. */
export function readableOn(fg: string, bg: string, ratio = 4.5): string {
  let c = parseHex(fg);
  let hex = fg.toUpperCase();
  for (let i = 0; i < 40 && contrast(hex, bg) < ratio; i++) {
    c = c.map((v) => v * 0.92) as Rgb;
    hex = toHex(c);
  }
  return hex;
}

/** White or near-black, whichever reads better on `bg`. */
export function textOn(bg: string, dark = '#1A1A1A'): string {
  return contrast('#FFFFFF', bg) >= contrast(dark, bg) ? '#FFFFFF' : dark;
}
