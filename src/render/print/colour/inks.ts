/**
 * The ink for every screen colour a page uses. White is no ink; a grey (R = G = B, body text,
 * muted text, the QR code) is black ink alone, as dark as the grey and 100 % K for anything
 * darker than solid black prints, so no text relies on four plates in register; a brand
 * colour is the municipality's own CMYK when its profile gives one (`brand.cmyk`), else its
 * conversion through the profile; a tint of a brand colour (panels, lighter layers) is the
 * same inks screened down, as a printer makes a tint; every other colour is converted.
 */
import { parseHex, tint } from '../../../layout/color.js';
import { rgbToLab } from './lab.js';
import { printProfile, type Cmyk } from './profile.js';

export interface BrandInk {
  hex: string;
  /** The profile's own values, 0..1 each. */
  cmyk?: Cmyk | undefined;
}

export type Inks = (hex: string) => Cmyk;

export function inksFor(brands: readonly BrandInk[]): Inks {
  const known = new Map<string, Cmyk>();
  for (const brand of brands) {
    const solid = brand.cmyk ?? convert(parseHex(brand.hex));
    // Tints in whole per cents, the steps the templates use; the solid colour last, so a
    // tint that rounds to the brand colour itself never replaces it.
    for (let percent = 1; percent < 100; percent++) {
      const screened = solid.map((v) => (v * percent) / 100) as Cmyk;
      const key = tint(brand.hex, percent / 100);
      if (!known.has(key)) known.set(key, screened);
    }
    known.set(brand.hex.toUpperCase(), solid);
  }
  const cache = new Map<string, Cmyk>();
  return (hex) => {
    const key = hex.toUpperCase();
    let ink = cache.get(key);
    if (!ink) {
      ink = known.get(key) ?? convert(parseHex(key));
      cache.set(key, ink);
    }
    return ink;
  };
}

/** A screen colour without a brand role: grey as black ink, anything else through the profile. */
export function convert(rgb: [number, number, number]): Cmyk {
  const profile = printProfile();
  const [r, g, b] = rgb;
  if (r === 255 && g === 255 && b === 255) return [0, 0, 0, 0];
  const lab = rgbToLab(rgb);
  if (r === g && g === b) return [0, 0, 0, profile.blackFor(lab[0])];
  return profile.toCmyk(lab);
}
