/**
 * `print/ink-limit`: a profile's own CMYK for a brand colour (`brand.cmyk`) is printed as it
 * is, so it must keep to what coated offset paper takes: at most 300 % of ink together
 * (the limit of the FOGRA39 separation the print edition uses, src/render/print/colour).
 * More smears and sets off between sheets, and the printer's preflight rejects the file.
 */
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';

export const MAX_INK_PERCENT = 300;

export function checkBrandInk(cmyk: Record<string, unknown>, at: (role: string) => SourceRef): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const role of ['primary', 'secondary']) {
    const values = cmyk[role];
    // Shape and range are the schema's to report.
    if (!Array.isArray(values) || values.length !== 4 || !values.every((v) => typeof v === 'number')) continue;
    const total = (values as number[]).reduce((a, b) => a + b, 0);
    if (total <= MAX_INK_PERCENT) continue;
    out.push(
      diagnostic(
        at(role),
        'print/ink-limit',
        `brand.cmyk.${role} [${values.join(', ')}] puts ${Math.round(total * 10) / 10} % of ink on the paper; coated offset paper (FOGRA39) takes at most ${MAX_INK_PERCENT} %: lower the colour values, keeping black`,
      ),
    );
  }
  return out;
}
