/**
 * `print/gamut`: a brand colour that coated offset paper cannot print (a bright screen blue,
 * green or orange) comes out visibly duller than on screen. The build says so, with how far
 * off it is (CIEDE2000) and the CMYK it prints instead, so the communication officer can ask
 * the brand's own CMYK values (`brand.cmyk`) or accept the difference before the print run.
 */
import { parseHex } from '../../../layout/color.js';
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../../../diagnostics/index.js';
import type { LoadedProfile } from '../../../profiles/model.js';
import { convert } from './inks.js';
import { deltaE2000, hexToLab } from './lab.js';
import { OUTPUT_CONDITION, printProfile } from './profile.js';

/** A difference most readers see at a glance, side by side. */
export const GAMUT_TOLERANCE = 5;

export function gamutWarnings({ profile, positions, file }: LoadedProfile): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const role of ['primary', 'secondary'] as const) {
    const hex = profile.brand[role];
    // The municipality's own CMYK is what it wants printed.
    if (!hex || profile.brand.cmyk?.[role]) continue;
    const ink = convert(parseHex(hex));
    const difference = deltaE2000(hexToLab(hex), printProfile().toLab(ink));
    if (difference <= GAMUT_TOLERANCE) continue;
    const at: SourceRef = positions.get(`/brand/${role}`) ?? fileStart(file);
    const percent = ink.map((v) => Math.round(v * 100)).join(', ');
    out.push(
      diagnostic(
        at,
        'print/gamut',
        `brand.${role} ${hex} lies outside what ${OUTPUT_CONDITION.identifier} (coated paper, offset) can print: the print edition shows it as CMYK [${percent}], ` +
          `ΔE ${difference.toFixed(1)} from the screen colour (more than ${GAMUT_TOLERANCE} is plainly visible). Give the brand's own print values in brand.cmyk.${role} to choose them yourself`,
        'warning',
      ),
    );
  }
  return out;
}
