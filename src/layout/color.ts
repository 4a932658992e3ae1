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

function toHsl([r, g, b]: Rgb): [number, number, number] {
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? (gn - bn) / d + (gn < bn ? 6 : 0) : max === gn ? (bn - rn) / d + 2 : (rn - gn) / d + 4;
  return [h * 60, s, l];
}

export function fromHsl([h, s, l]: [number, number, number]): Rgb {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = h / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r, g, b] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as Rgb;
}

/**
 * The shade of `hex` nearest to it — the same hue and saturation, only lighter or darker —
 * that reaches `ratio` against `bg`: what to suggest when a brand colour fails contrast.
 */
export function nearestPassingShade(hex: string, bg = '#FFFFFF', ratio = 4.5): string {
  if (contrast(hex, bg) >= ratio) return hex.toUpperCase();
  const [h, s, l] = toHsl(parseHex(hex));
  // Step away from the background's lightness; the first shade that passes is the nearest.
  const darker = luminance(bg) > 0.18;
  for (let step = 1; step <= 1000; step++) {
    const next = darker ? l - step / 1000 : l + step / 1000;
    if (next < 0 || next > 1) break;
    const candidate = toHex(fromHsl([h, s, next]));
    if (contrast(candidate, bg) >= ratio) return candidate;
  }
  return darker ? '#000000' : '#FFFFFF';
}
