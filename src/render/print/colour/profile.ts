/**
 * The print edition's colour condition: FOGRA39 (ISO 12647-2:2004, coated paper, offset), through
 * the profile vendored in data/icc/ (see data/icc/README.md for how it was made from Fogra's
 * characterisation data, and its licence). Its sha256 is checked when it is loaded, so a
 * changed file can never change the ink of a print PDF unnoticed.
 *
 * Conversions use the relative colorimetric intent (paper white for screen white, in-gamut
 * colours kept as they are): the profile's B2A1 to go to ink, its A2B1 to see what the ink
 * prints. Neutral greys are printed with black ink only, so text and the QR code never depend
 * on four plates in register.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOOL_ROOT } from '../../../build/inputs.js';
import { sha256 } from '../../../build/hash.js';
import { assert } from '../../../diagnostics/index.js';
import { evaluate, parseIcc } from './icc.js';
import type { Lab } from './lab.js';

/** C, M, Y, K, each 0..1. */
export type Cmyk = [number, number, number, number];

export const OUTPUT_CONDITION = {
  /** The ICC registry's name for the condition, which the OutputIntent names. */
  identifier: 'FOGRA39',
  registry: 'http://www.color.org',
  info: 'Coated FOGRA39 (ISO 12647-2:2004)',
  file: join(TOOL_ROOT, 'data', 'icc', 'fogra39-300.icc'),
  sha256: '413b79ef30daa6e60a0a48217e28954d4baddc6cee5ed4a380371c9dad0ceff6',
  /** Total area coverage the profile's separation keeps to, and every colour here too. */
  inkLimit: 3,
} as const;

export interface PrintProfile {
  /** The ICC file's bytes, embedded as the OutputIntent's DestOutputProfile. */
  bytes: Buffer;
  description: string;
  /** Lab (D50, relative to paper white) → ink, at most the ink limit. */
  toCmyk(lab: Lab): Cmyk;
  /** What ink prints, as Lab relative to paper white. */
  toLab(cmyk: Cmyk): Lab;
  /** Black ink alone for a neutral of lightness `l` (1 when darker than solid black). */
  blackFor(l: number): number;
}

let loaded: PrintProfile | undefined;

/** Why the vendored profile cannot be used (missing, or not the file it was made with), if it cannot. */
export function printProfileProblem(): string | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(OUTPUT_CONDITION.file);
  } catch (err) {
    return `the print edition's colour profile could not be read (${(err as Error).message}): reinstall folderpers`;
  }
  if (sha256(bytes) !== OUTPUT_CONDITION.sha256) return "the print edition's colour profile is not the file folderpers was made with (its sha256 differs): reinstall folderpers";
  return undefined;
}

/** The profile; the build asks `printProfileProblem` first, so a failure here is a fault. */
export function printProfile(): PrintProfile {
  loaded ??= load(readFileSync(OUTPUT_CONDITION.file));
  return loaded;
}

function load(bytes: Buffer): PrintProfile {
  assert(sha256(bytes) === OUTPUT_CONDITION.sha256, `${OUTPUT_CONDITION.file} is not the ICC profile folderpers was made with (sha256 differs): reinstall folderpers`);
  const icc = parseIcc(bytes);
  assert(icc.colourSpace === 'CMYK' && icc.pcs === 'Lab' && icc.deviceClass === 'prtr', 'the print ICC profile is not a CMYK printer profile with a Lab connection space');
  const toInk = icc.luts.get('B2A1');
  const toPcs = icc.luts.get('A2B1');
  assert(toInk?.inputs === 3 && toInk.outputs === 4 && toPcs?.inputs === 4 && toPcs.outputs === 3, 'the print ICC profile has no relative colorimetric CMYK transforms');
  const toLab = (cmyk: Cmyk) => decodeLab(evaluate(toPcs, cmyk));
  const solidBlack = toLab([0, 0, 0, 1])[0];
  return {
    bytes,
    description: icc.description,
    toCmyk: (lab) => limitInk(evaluate(toInk, encodeLab(lab)) as Cmyk),
    toLab,
    blackFor: (l) => (l <= solidBlack ? 1 : bisect((k) => toLab([0, 0, 0, k])[0], l)),
  };
}

/** ICC v2 16-bit Lab (the legacy encoding lut16Type uses): L 0–100 → 0–0xFF00, a/b −128… → 0…. */
function encodeLab([l, a, b]: Lab): number[] {
  const clamp = (v: number) => Math.min(0xffff, Math.max(0, v)) / 0xffff;
  return [clamp((l / 100) * 0xff00), clamp((a + 128) * 256), clamp((b + 128) * 256)];
}

function decodeLab([l, a, b]: number[]): Lab {
  return [(l! * 0xffff * 100) / 0xff00, (a! * 0xffff) / 256 - 128, (b! * 0xffff) / 256 - 128];
}

/**
 * The table keeps to the ink limit at its grid points; between them the output curves could
 * add a fraction of a per cent. Should a value pass the limit, its colour inks give way.
 */
function limitInk([c, m, y, k]: Cmyk): Cmyk {
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const ink: Cmyk = [clamp(c), clamp(m), clamp(y), clamp(k)];
  const colour = ink[0] + ink[1] + ink[2];
  const room = OUTPUT_CONDITION.inkLimit - ink[3];
  if (colour <= room) return ink;
  const scale = room / colour;
  return [ink[0] * scale, ink[1] * scale, ink[2] * scale, ink[3]];
}

/** The k in 0..1 where the decreasing `lightness(k)` reaches `target`. */
function bisect(lightness: (k: number) => number, target: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (lightness(mid) > target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

