/**
 * Just enough of ICC.1 (version 2) to use one output profile: the header's colour spaces and
 * the `lut16Type` (`mft2`) transforms between CMYK and Lab that every v2 printer profile
 * carries (A2B: CMYK → Lab, B2A: Lab → CMYK, one per rendering intent). A transform is
 * input curves, a multidimensional table, output curves; the table is interpolated
 * simplex-wise (the tetrahedral method for three inputs), as Argyll and LittleCMS do, in
 * plain arithmetic, so the same colour gives the same ink on every machine.
 */
import { assert } from '../../../diagnostics/index.js';

export interface Lut {
  inputs: number;
  outputs: number;
  /** Each input's curve: samples 0..1 over 0..1. */
  inputCurves: Float64Array[];
  gridPoints: number;
  /** `gridPoints^inputs` entries of `outputs` values 0..1, the first input varying slowest. */
  grid: Float64Array;
  outputCurves: Float64Array[];
}

export interface IccProfile {
  deviceClass: string;
  colourSpace: string;
  pcs: string;
  /** Transforms by tag signature (`A2B1`, `B2A1` …). */
  luts: Map<string, Lut>;
  /** The `desc` tag's ASCII text. */
  description: string;
}

export function parseIcc(bytes: Uint8Array): IccProfile {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sig = (at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
  assert(bytes.byteLength >= 132 && sig(36) === 'acsp', 'not an ICC profile');
  assert(view.getUint32(0) === bytes.byteLength, 'ICC profile size does not match its header');
  const luts = new Map<string, Lut>();
  let description = '';
  const count = view.getUint32(128);
  for (let i = 0; i < count; i++) {
    const entry = 132 + i * 12;
    const tag = sig(entry);
    const offset = view.getUint32(entry + 4);
    const size = view.getUint32(entry + 8);
    assert(offset + size <= bytes.byteLength, `ICC tag ${tag} lies outside the profile`);
    if (/^(A2B|B2A)[0-2]$/.test(tag)) luts.set(tag, parseLut16(view, offset, tag));
    if (tag === 'desc' && sig(offset) === 'desc') {
      const length = view.getUint32(offset + 8);
      description = String.fromCharCode(...bytes.subarray(offset + 12, offset + 12 + length)).replace(/\0+$/, '');
    }
  }
  return { deviceClass: sig(12), colourSpace: sig(16).trim(), pcs: sig(20).trim(), luts, description };
}

function parseLut16(view: DataView, at: number, tag: string): Lut {
  const type = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
  assert(type === 'mft2', `ICC tag ${tag} is ${type}, not a lut16Type`);
  const inputs = view.getUint8(at + 8);
  const outputs = view.getUint8(at + 9);
  const gridPoints = view.getUint8(at + 10);
  const inEntries = view.getUint16(at + 48);
  const outEntries = view.getUint16(at + 50);
  let p = at + 52;
  const table = (n: number): Float64Array => {
    const t = new Float64Array(n);
    for (let i = 0; i < n; i++, p += 2) t[i] = view.getUint16(p) / 65535;
    return t;
  };
  const inputCurves = Array.from({ length: inputs }, () => table(inEntries));
  const grid = table(gridPoints ** inputs * outputs);
  const outputCurves = Array.from({ length: outputs }, () => table(outEntries));
  return { inputs, outputs, inputCurves, gridPoints, grid, outputCurves };
}

/** A curve at `v` (0..1), linearly between its samples. */
function curve(t: Float64Array, v: number): number {
  const x = Math.min(1, Math.max(0, v)) * (t.length - 1);
  const i = Math.min(t.length - 2, Math.floor(x));
  return t[i]! + (t[i + 1]! - t[i]!) * (x - i);
}

/** The transform at `input` (each 0..1, in the lut's encoding); outputs 0..1. */
export function evaluate(lut: Lut, input: readonly number[]): number[] {
  const n = lut.inputs;
  const last = lut.gridPoints - 1;
  const base: number[] = [];
  const frac: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = curve(lut.inputCurves[i]!, input[i]!) * last;
    const cell = Math.min(last - 1, Math.floor(x));
    base.push(cell);
    frac.push(x - cell);
  }
  // Simplex interpolation: walk from the cell's origin corner towards the opposite one,
  // one axis at a time in order of decreasing fraction, weighting each corner passed.
  const order = [...frac.keys()].sort((a, b) => frac[b]! - frac[a]! || a - b);
  const strides: number[] = [];
  for (let i = n - 1, s = lut.outputs; i >= 0; i--, s *= lut.gridPoints) strides[i] = s;
  let corner = base.reduce((sum, b, i) => sum + b * strides[i]!, 0);
  const out = new Array<number>(lut.outputs).fill(0);
  let previous = 1;
  for (let step = 0; step <= n; step++) {
    const f = step < n ? frac[order[step]!]! : 0;
    const weight = previous - f;
    for (let o = 0; o < lut.outputs; o++) out[o]! += weight * lut.grid[corner + o]!;
    if (step < n) corner += strides[order[step]!]!;
    previous = f;
  }
  return out.map((v, o) => curve(lut.outputCurves[o]!, v));
}
