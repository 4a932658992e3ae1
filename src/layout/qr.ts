/**
 * A QR code as one vector path: dark modules merged into horizontal runs, so the PDF and
 * SVG draw crisp squares at any size and the bytes do not depend on a rasteriser.
 */
import QRCode from 'qrcode';

export interface QrPath {
  d: string;
  /** Side of the drawn square in points, including the quiet zone. */
  size: number;
}

interface Matrix {
  n: number;
  /** Dark runs per row: [row, startColumn, length]. */
  runs: Array<[number, number, number]>;
}

/** Encoding (with its mask search) is the expensive part; a municipality's three documents share it. */
const matrices = new Map<string, Matrix>();

function matrix(text: string): Matrix {
  let m = matrices.get(text);
  if (m) return m;
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const runs: Matrix['runs'] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      runs.push([row, start, col - start]);
    }
  }
  if (matrices.size > 256) matrices.clear();
  m = { n, runs };
  matrices.set(text, m);
  return m;
}

/** Path of the QR code of `text` with its top-left corner at (x, y) and side `size`. */
export function qrPath(text: string, x: number, y: number, size: number): QrPath {
  const { n, runs } = matrix(text);
  const quiet = 2;
  const unit = size / (n + 2 * quiet);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const d = runs
    .map(([row, start, len]) => `M${r(x + (start + quiet) * unit)} ${r(y + (row + quiet) * unit)}h${r(len * unit)}v${r(unit)}h${r(-len * unit)}z`)
    .join('');
  return { d, size };
}
