/**
 * Professional guide: one or two A4 pages in the house style. The contact block stays in
 * the columns (a compact card) so a one-page guide stays one page.
 */
import type { ProfessionalGuide } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import type { KindContext } from './context.js';
import { layoutHouseDocument } from './parent-leaflet.js';

export function layoutProfessionalGuide(k: KindContext): void {
  layoutHouseDocument(k, k.doc as ProfessionalGuide<Run[]>, { leadIntro: false, contactInFlow: false });
}
