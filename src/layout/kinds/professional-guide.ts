/**
 * Professional guide: one A4 page in the house style, two when a municipality's local text
 * needs it. A lower cover band than the leaflet's, the running text in two columns, and the
 * local "how to request" section as the full-width contact block at the foot of the last
 * page, in the arrangement that needs the least height.
 */
import type { ProfessionalGuide } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import { mm } from '../units.js';
import type { KindContext } from './context.js';
import { layoutHouseDocument } from './parent-leaflet.js';

export function layoutProfessionalGuide(k: KindContext): void {
  layoutHouseDocument(k, k.doc as ProfessionalGuide<Run[]>, {
    leadIntro: false,
    contactInFlow: false,
    compactContact: true,
    coverGap: mm(5),
  });
}
