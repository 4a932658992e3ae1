/** Colour roles for one municipality, derived from its brand colour and the template. */
import { readableOn, textOn, tint } from './color.js';
import type { Template } from './template.js';

export interface Palette {
  /** The brand colour itself: cover band, rules, bullets, diagram. */
  brand: string;
  /** Text on the brand colour (white, or near-black for a light brand colour). */
  onBrand: string;
  /** Headings and links on white: the brand colour, darkened if needed for AA. */
  heading: string;
  link: string;
  text: string;
  muted: string;
  /** Panel background: a light tint of the brand colour. */
  panel: string;
  /** Headings and links on the panel. */
  headingOnPanel: string;
}

export function palette(brand: string, t: Template): Palette {
  const panel = tint(brand, t.colors.panelTint);
  return {
    brand: brand.toUpperCase(),
    onBrand: textOn(brand),
    heading: readableOn(brand, '#FFFFFF'),
    link: readableOn(brand, '#FFFFFF'),
    text: t.colors.text,
    muted: readableOn(t.colors.muted, panel),
    panel,
    headingOnPanel: readableOn(brand, panel),
  };
}
