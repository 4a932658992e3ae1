/**
 * The municipality's footer band, shared by both infographics: the logo on a white field
 * (so any logo stays legible on any brand colour), the municipality's name and contact
 * organisation, and its phone number and website as links. Every value is set in the
 * bundled face and tagged with its field for the contact self-check. A long name or
 * organisation wraps and the band grows; a web address breaks after its `/` (or before a
 * `.`) and may take the room the left side can spare; one that still does not fit is a
 * `layout/overflow` error at its line in the profile.
 */
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import { fieldSource } from '../fit.js';
import type { StructNode } from '../frames.js';
import { mm } from '../units.js';
import type { Canvas } from './canvas.js';
import { styleOf } from './canvas.js';
import { phoneRun, webRun } from '../kinds/links.js';
import { logoAspect } from '../logo.js';
import { drawBlock, measureBlock } from './flow.js';
import { WHITE } from './palette.js';

const PAD = 10;
const LOGO_MAX_WIDTH = 120;
/** Share of the band the name and organisation keep, however wide the web address. */
const LEFT_MIN_SHARE = 0.3;

function value(text: string, field: string, bold = false): Run[] {
  return [{ text, bold, italic: false, field }];
}

/** Draws the footer band with its bottom edge at `bottom` into `parent` (a Sect); returns its top. */
export function footerBand(c: Canvas, profile: MergedProfile, x: number, width: number, bottom: number, parent: StructNode): number {
  const { palette: p } = c;
  const minHeight = mm(c.template.footerHeight);
  const nameStyle = styleOf(c, 'footerName', p.onBand, { bold: true, hyphenate: false });
  const smallStyle = styleOf(c, 'footer', p.onBand);
  const phoneStyle = styleOf(c, 'footerName', p.onBand, { bold: true, linkColor: p.onBand });
  const webStyle = styleOf(c, 'footer', p.onBand, { linkColor: p.onBand });

  const fieldHeight = minHeight - 2 * PAD;
  let fieldWidth = 0;
  let logo: { width: number; height: number } | undefined;
  if (profile.brand.logo) {
    let height = fieldHeight - 8;
    let w = height * logoAspect(profile.brand.logo);
    if (w > LOGO_MAX_WIDTH) [w, height] = [LOGO_MAX_WIDTH, (height * LOGO_MAX_WIDTH) / w];
    logo = { width: w, height };
    fieldWidth = w + 12;
  }

  const rightMax = width * 0.42;
  const leftX = x + PAD + (fieldWidth ? fieldWidth + PAD : 0);
  const rightLimit = Math.max(rightMax, x + width - PAD - PAD - leftX - width * LEFT_MIN_SHARE);
  const where = (field: string) => fieldSource(c.fit, field, 'the footer band');
  const phone = measureBlock([phoneRun(profile.contact.phone, 'contact.phone')], phoneStyle, rightMax, where('contact.phone'), rightLimit);
  const web = measureBlock([webRun(profile.contact.website, 'contact.website', false)], webStyle, rightMax, where('contact.website'), rightLimit);
  const rightWidth = Math.max(phone.width, web.width);
  const leftWidth = x + width - PAD - rightWidth - PAD - leftX;
  const name = measureBlock(value(profile.name, 'name', true), nameStyle, leftWidth, where('name'));
  const org = measureBlock(value(profile.contact.organisation, 'contact.organisation'), smallStyle, leftWidth, where('contact.organisation'));

  const leftHeight = name.height + org.height;
  const rightHeight = phone.height + web.height;
  const height = Math.max(minHeight, leftHeight + 2 * PAD, rightHeight + 2 * PAD);
  const top = bottom - height;

  c.items.push({ type: 'rect', x, y: top, width, height, fill: p.band, bleed: ['left', 'right', 'bottom'] });
  const sect = parent;
  if (logo && profile.brand.logo) {
    const fy = top + (height - fieldHeight) / 2;
    c.items.push({ type: 'rect', x: x + PAD, y: fy, width: fieldWidth, height: fieldHeight, radius: 3, fill: WHITE });
    const figure = c.builder.add(sect, 'Figure', { alt: `Logo van ${profile.name}` });
    c.items.push({
      type: 'image',
      x: x + PAD + (fieldWidth - logo.width) / 2,
      y: fy + (fieldHeight - logo.height) / 2,
      width: logo.width,
      height: logo.height,
      asset: profile.brand.logo,
      node: figure.id,
    });
  }
  let y = top + (height - leftHeight) / 2;
  y = drawBlock(name, leftX, y, c.builder.add(sect, 'P'), c.builder, c.items);
  drawBlock(org, leftX, y, c.builder.add(sect, 'P'), c.builder, c.items);

  const rightX = x + width - PAD - rightWidth;
  y = top + (height - rightHeight) / 2;
  y = drawBlock(phone, rightX, y, c.builder.add(sect, 'P'), c.builder, c.items);
  drawBlock(web, rightX, y, c.builder.add(sect, 'P'), c.builder, c.items);
  return top;
}
