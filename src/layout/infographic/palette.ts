/**
 * Colour roles of the infographics. Text on the brand colour needs AA (4.5:1) at the small
 * sizes of labels and footers; when neither white nor near-black reaches it on the brand
 * colour itself, the bands use the brand colour darkened until white does.
 */
import { contrast, readableOn, textOn, tint } from '../color.js';
import type { InfographicTemplate } from './template.js';

export const WHITE = '#FFFFFF';
export const INK = '#1A1A1A';

export interface InfographicPalette {
  brand: string;
  /** Fill of the title band, footer band, badges and role labels. */
  band: string;
  /** Text on `band`. */
  onBand: string;
  /** Panel background: a light tint of the brand colour. */
  panel: string;
  /** Headings on white and on the panel. */
  heading: string;
  text: string;
  muted: string;
  /** Vector icons (check marks, arrows): 3:1 against white and the panel (WCAG 1.4.11). */
  icon: string;
  /** The check drawn inside an icon disc. */
  onIcon: string;
}

export function bandColours(brand: string): { band: string; onBand: string } {
  const best = textOn(brand);
  if (contrast(best, brand) >= 4.5) return { band: brand.toUpperCase(), onBand: best };
  // Contrast is symmetric: darkening the brand colour until it reads on white is exactly
  // darkening it until white reads on it.
  return { band: readableOn(brand, WHITE, 4.5), onBand: WHITE };
}

/**
 * The brand colour as text on a light background: darkened to AA where needed. A light
 * brand colour (yellow, light blue) darkened that far turns muddy, so near-black replaces it.
 */
export function brandInk(brand: string, background: string): string {
  if (contrast(brand, WHITE) < 2.5) return INK;
  return readableOn(readableOn(brand, background), WHITE);
}

/** Of two fills, the one that stands out more from `background` (for badges on panels). */
export function standOut(background: string, a: string, b: string): string {
  return contrast(a, background) >= contrast(b, background) ? a : b;
}

export function infographicPalette(brand: string, t: InfographicTemplate): InfographicPalette {
  const panel = tint(brand, t.colors.panelTint);
  const { band, onBand } = bandColours(brand);
  const heading = brandInk(brand, panel);
  const icon = readableOn(readableOn(brand, panel, 3), WHITE, 3);
  return {
    brand: brand.toUpperCase(),
    band,
    onBand,
    panel,
    heading,
    text: t.colors.text,
    muted: readableOn(t.colors.muted, panel),
    icon,
    onIcon: textOn(icon),
  };
}
