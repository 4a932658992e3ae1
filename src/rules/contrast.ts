/**
 * `contrast/too-low`: brand colours against white, WCAG 2.1. The layouts set white text on
 * the primary colour (cover band, contact block) and primary-coloured text on white
 * (headings, role labels, links): that is body-size text too, so the primary colour needs
 * 4.5:1. The secondary colour is only used for rules, shapes and large text: 3:1.
 * Contrast is symmetric, so one ratio covers both directions.
 */
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { nearestPassingShade } from '../layout/color.js';

export const CONTRAST_RULE = 'contrast/too-low';

export const MIN_CONTRAST_TEXT = 4.5;
export const MIN_CONTRAST_LARGE = 3;

function channel(hex: string): number {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of `#RRGGBB`. */
export function luminance(colour: string): number {
  const h = colour.replace('#', '');
  return 0.2126 * channel(h.slice(0, 2)) + 0.7152 * channel(h.slice(2, 4)) + 0.0722 * channel(h.slice(4, 6));
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function checkBrandContrast(role: 'primary' | 'secondary', colour: string, at: SourceRef): Diagnostic | undefined {
  if (!/^#[0-9A-Fa-f]{6}$/.test(colour)) return undefined;
  const ratio = contrastRatio(colour, '#FFFFFF');
  const needed = role === 'primary' ? MIN_CONTRAST_TEXT : MIN_CONTRAST_LARGE;
  if (ratio >= needed) return undefined;
  const shade = nearestPassingShade(colour, '#FFFFFF', needed);
  const use =
    role === 'primary'
      ? 'white text on it and text in it on white need'
      : 'shapes and large text in it on white need';
  return diagnostic(
    at,
    CONTRAST_RULE,
    `brand.${role} ${colour} has a contrast of ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1 with white; ${use} at least ${needed}:1 (WCAG 2.1). The nearest darker shade of the same hue that passes is ${shade} (${(Math.floor(contrastRatio(shade, '#FFFFFF') * 100) / 100).toFixed(2)}:1): write ${role}: "${shade}"`,
  );
}
