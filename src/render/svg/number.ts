/**
 * Fixed-precision numbers, so the same frames always give the same bytes and the SVG stays
 * small. Two decimals of a point is 0.04 px at 300 dpi: invisible.
 */
export function num(value: number, decimals = 2): string {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  // Avoid "-0", which is valid but differs from "0" byte-wise.
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
