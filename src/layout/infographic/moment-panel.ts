/**
 * One moment of the task-per-moment infographic as a panel: a numbered badge and the role
 * as a label, the moment's name and subtitle, its description, and its tasks as a
 * checklist. Measured first, so the three panels can align their rows and the page can
 * tell exactly how much does not fit; drawn second.
 */
import type { Moment } from '../../content/model.js';
import type { Run } from '../../resolve/runs.js';
import type { StructNode } from '../frames.js';
import { measure } from '../text/index.js';
import { checkWidth } from '../fit.js';
import { bodyStyle, sourceOf, styleOf, type Canvas } from './canvas.js';
import { drawBlock, measureBlock, plain, type Block } from './flow.js';
import { checkMark, disc } from './shapes.js';

const BADGE = 30;
const PILL_HEIGHT = 16;
const PILL_PAD = 6.5;
/** Space between the badge and a role label beside it. */
const BESIDE_GAP = 6;
const CHECK = 10;
const CHECK_INDENT = 16;

export interface MeasuredMoment {
  moment: Moment<Run[]>;
  /** Role label beside the badge, or on its own row when it is too wide for that. */
  roleBeside: boolean;
  roleWidth: number;
  name: Block;
  subtitle: Block;
  description: Block[];
  tasks: Block[];
  /** Heights of the three rows: header, description, checklist. */
  rows: [number, number, number];
}

export interface PanelMetrics {
  padding: number;
  paraGap: number;
  taskGap: number;
  rowGap: number;
}

export function panelMetrics(c: Canvas, bodySize: number): PanelMetrics {
  return { padding: c.template.panelPadding, paraGap: bodySize * 0.5, taskGap: bodySize * 0.45, rowGap: bodySize };
}

function roleLabel(role: string): string {
  return role.toLocaleUpperCase('nl-NL');
}

function roleWidth(c: Canvas, role: string): number {
  return measure(c.fonts.bold, roleLabel(role), c.template.type.role.size) + 2 * PILL_PAD;
}

/**
 * The role label goes beside the badge when every panel's label fits there: the three
 * headers then share one arrangement and their names line up.
 */
export function rolesFitBeside(c: Canvas, roles: string[], width: number): boolean {
  return roles.every((role) => BADGE + BESIDE_GAP + roleWidth(c, role) <= width);
}

/** The panel as messages name it: a word that does not fit is reported at the moment's line. */
export function panelSource(c: Canvas, moment: Moment<Run[]>) {
  return sourceOf(c, moment.at, `the panel of moment ${moment.number} ("${moment.name}")`);
}

/**
 * Measures the panel's parts; a word or address wider than the panel, and a role label
 * wider than the panel, are reported as they are measured.
 */
export function measureMoment(c: Canvas, moment: Moment<Run[]>, width: number, bodySize: number, roleBeside: boolean): MeasuredMoment {
  const { palette: p } = c;
  const m = panelMetrics(c, bodySize);
  const source = panelSource(c, moment);
  const name = measureBlock(plain(moment.name, true), styleOf(c, 'momentName', p.heading, { bold: true, hyphenate: false }), width, source);
  const subtitle = measureBlock(plain(moment.subtitle), styleOf(c, 'momentSubtitle', p.text, { italic: true, hyphenate: false }), width, source);
  const body = bodyStyle(c, bodySize, p.text, { linkColor: p.heading });
  const description = moment.description.map((para) => measureBlock(para, body, width, source));
  const tasks = moment.tasks.map((task) => measureBlock(task, body, width - CHECK_INDENT, source));
  checkWidth(roleWidth(c, moment.role), width, source, roleLabel(moment.role));
  const header = BADGE + (roleBeside ? 0 : 6 + PILL_HEIGHT) + 8 + name.height + subtitle.height;
  const stack = (blocks: Block[], gap: number) => blocks.reduce((h, b, i) => h + b.height + (i ? gap : 0), 0);
  return {
    moment,
    roleBeside,
    roleWidth: roleWidth(c, moment.role),
    name,
    subtitle,
    description,
    tasks,
    rows: [header, stack(description, m.paraGap), stack(tasks, m.taskGap)],
  };
}

/** Height of a panel whose rows are `rows` tall. */
export function panelHeight(c: Canvas, rows: readonly number[], bodySize: number): number {
  const m = panelMetrics(c, bodySize);
  return 2 * m.padding + rows.reduce((h, r) => h + r, 0) + m.rowGap * (rows.length - 1);
}

export interface PanelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws the panel. `rows` are the row heights to use (the tallest of the three panels when
 * they align, else this panel's own). Returns the badge centre, for the arrows between panels.
 */
export function drawMoment(
  c: Canvas,
  mom: MeasuredMoment,
  box: PanelBox,
  rows: readonly number[],
  bodySize: number,
  sect: StructNode,
): { badgeY: number } {
  const { palette: p, items, builder } = c;
  const m = panelMetrics(c, bodySize);
  items.push({ type: 'rect', ...box, radius: 6, fill: p.panel });
  const x = box.x + m.padding;
  let y = box.y + m.padding;

  // Badge: decoration (the order is already the reading order), so no structure node.
  const badgeY = y + BADGE / 2;
  items.push(disc(x + BADGE / 2, badgeY, BADGE, p.band));
  const badgeStyle = c.template.type.badge;
  const numeral = String(mom.moment.number);
  const numeralWidth = measure(c.fonts.bold, numeral, badgeStyle.size);
  const cap = (c.fonts.bold.capHeight / c.fonts.bold.unitsPerEm) * badgeStyle.size;
  items.push({
    type: 'text',
    x: x + (BADGE - numeralWidth) / 2,
    y: badgeY + cap / 2,
    font: c.fonts.bold.id,
    size: badgeStyle.size,
    color: p.onBand,
    text: numeral,
    width: numeralWidth,
  });

  // Reading order — name, subtitle, role, description, tasks — is also the drawing order
  // (the PDF's structure follows it), though the role label sits above the name.
  const pillX = mom.roleBeside ? x + BADGE + BESIDE_GAP : x;
  const pillY = mom.roleBeside ? badgeY - PILL_HEIGHT / 2 : y + BADGE + 6;
  y += BADGE + (mom.roleBeside ? 0 : 6 + PILL_HEIGHT) + 8;
  y = drawBlock(mom.name, x, y, builder.add(sect, 'H2'), builder, items);
  drawBlock(mom.subtitle, x, y, builder.add(sect, 'P'), builder, items);

  items.push({ type: 'rect', x: pillX, y: pillY, width: mom.roleWidth, height: PILL_HEIGHT, radius: PILL_HEIGHT / 2, fill: p.band });
  const roleStyle = styleOf(c, 'role', p.onBand, { bold: true, hyphenate: false });
  const role = measureBlock(plain(roleLabel(mom.moment.role), true), roleStyle, mom.roleWidth, panelSource(c, mom.moment));
  drawBlock(role, pillX + PILL_PAD, pillY + (PILL_HEIGHT - role.height) / 2, builder.add(sect, 'P'), builder, items);

  y = box.y + m.padding + rows[0]! + m.rowGap;
  mom.description.forEach((block, i) => {
    if (i) y += m.paraGap;
    y = drawBlock(block, x, y, builder.add(sect, 'P'), builder, items);
  });

  y = box.y + m.padding + rows[0]! + m.rowGap + rows[1]! + m.rowGap;
  const list = builder.add(sect, 'L');
  mom.tasks.forEach((block, i) => {
    if (i) y += m.taskGap;
    const firstLineTop = y + (block.style.leading - CHECK) / 2;
    items.push(disc(x + CHECK / 2, firstLineTop + CHECK / 2, CHECK + 2, p.icon));
    items.push(checkMark(x + 1.5, firstLineTop + 1.5, CHECK - 3, p.onIcon));
    const li = builder.add(list, 'LI');
    y = drawBlock(block, x + CHECK_INDENT, y, builder.add(li, 'LBody'), builder, items);
  });
  return { badgeY };
}
