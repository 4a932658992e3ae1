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

/** Path of the QR code of `text` with its top-left corner at (x, y) and side `size`. */
export function qrPath(text: string, x: number, y: number, size: number): QrPath {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const unit = size / (n + 2 * quiet);
  const r = (v: number) => Math.round(v * 1000) / 1000;
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col++;
      const px = x + (start + quiet) * unit;
      const py = y + (row + quiet) * unit;
      parts.push(`M${r(px)} ${r(py)}h${r((col - start) * unit)}v${r(unit)}h${r(-(col - start) * unit)}z`);
    }
  }
  return { d: parts.join(''), size };
}
