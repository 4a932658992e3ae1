/**
 * Checks what was actually drawn: every text item against the fill beneath it (the last
 * rect painted before it under its centre, else the white page). WCAG AA: 4.5:1, or 3:1
 * for large text (18 pt and up). The palette is built to pass; this keeps it honest when
 * a template or a colour rule changes.
 */
import { contrast } from '../color.js';
import type { Page, RectItem, TextItem } from '../frames.js';

export interface ContrastFailure {
  text: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
}

function under(rect: RectItem, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.width && y >= rect.y && y <= rect.y + rect.height;
}

export function auditContrast(page: Page): ContrastFailure[] {
  const failures: ContrastFailure[] = [];
  const painted: RectItem[] = [];
  for (const item of page.items) {
    if (item.type === 'rect' && item.fill) painted.push(item);
    if (item.type !== 'text') continue;
    const t: TextItem = item;
    const cx = t.x + t.width / 2;
    const cy = t.y - t.size * 0.3;
    const bg = [...painted].reverse().find((r) => under(r, cx, cy))?.fill ?? '#FFFFFF';
    const required = t.size >= 18 ? 3 : 4.5;
    const ratio = contrast(t.color, bg);
    if (ratio < required) failures.push({ text: t.text, color: t.color, background: bg, ratio, required });
  }
  return failures;
}
