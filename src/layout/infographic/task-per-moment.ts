/**
 * The task-per-moment infographic: one A4 page (portrait: three columns of checklists read
 * best at web width, where a landscape page would shrink the text to 2/3). From top to
 * bottom: the title band, the introduction in three balanced columns, the three moments as
 * panels joined by arrows, the reading list, the colophon and the municipality's footer.
 *
 * Everything is measured before it is drawn. The body size steps down through the
 * template's sizes (never below the last, the legible minimum) until the panels fit; if
 * they still do not, each panel that is too tall (or holds a word wider than itself) is a
 * `layout/overflow` error naming it. Nothing is clipped or dropped.
 */
import type { TaskPerMoment } from '../../content/model.js';
import { diagnostic, fileStart, type Diagnostic } from '../../diagnostics/index.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import type { Bookmark } from '../frames.js';
import { StructureBuilder } from '../structure.js';
import type { KindLayout } from '../kinds/context.js';
import { fitScope } from '../fit.js';
import { bodyStyle, drawLater, fontsFor, infographicFrames, sourceOf, styleOf, type Canvas, type InfographicEnv, type InfographicResult } from './canvas.js';
import { balanceColumns } from './columns.js';
import { displayUrl } from '../kinds/links.js';
import { drawBlock, measureBlock, plain } from './flow.js';
import { footerBand } from './footer.js';
import { drawMoment, measureMoment, panelHeight, rolesFitBeside } from './moment-panel.js';
import { infographicPalette } from './palette.js';
import { chevron } from './shapes.js';
import { defaultTemplatesDir, loadInfographicTemplate, pageGeometry, type PageGeometry } from './template.js';
import { titleBand } from './title-band.js';

/** A reference as printed: its runs, then the linked site's domain, so paper readers can find it. */
function referenceRuns(item: Run[]): Run[] {
  const hrefs = [...new Set(item.flatMap((r) => (r.link?.kind === 'https' ? [r.link.href] : [])))];
  const visible = item.map((r) => r.text).join('');
  const domains = hrefs.map((h) => displayUrl(h).split('/')[0]!.replace(/^www\./, '')).filter((d) => !visible.includes(d));
  if (domains.length === 0) return item;
  return [...item, { text: ` (${domains.join(', ')})`, bold: false, italic: false }];
}

interface Attempt {
  canvas: Canvas;
  bookmarks: Bookmark[];
  overflow: Diagnostic[];
}

function compose(doc: TaskPerMoment<Run[]>, profile: MergedProfile, g: PageGeometry, c: Canvas, bodySize: number, wholeIntro: boolean): Attempt {
  const { palette: p, builder } = c;
  const root = builder.root;
  const { content } = g;
  const bookmarks: Bookmark[] = [];
  const overflow = c.fit.diagnostics;
  const titleSource = sourceOf(c, fileStart(doc.file), 'the title band');
  const introSource = sourceOf(c, doc.intro.at, `the introduction ("${doc.intro.heading}")`);
  const refSource = sourceOf(c, doc.references.at, `the reading list ("${doc.references.heading}")`);

  // Sections first, in reading order; they are filled in layout order below.
  const titleSect = builder.add(root, 'Sect');
  const introSect = builder.add(root, 'Sect');
  const momentSects = doc.moments.map(() => builder.add(root, 'Sect'));
  const refSect = builder.add(root, 'Sect');
  const colophonSect = doc.colophon.length ? builder.add(root, 'Sect') : undefined;

  // Title band.
  let y = titleBand(c, doc.title, doc.subtitle, content.x, content.width, content.y, titleSect, titleSource) + g.gap;

  // Introduction: heading, then the paragraphs balanced over the grid's three columns.
  const h2 = styleOf(c, 'h2', p.heading, { bold: true, hyphenate: false });
  const introHeading = measureBlock(plain(doc.intro.heading, true), h2, content.width, introSource);
  bookmarks.push({ title: doc.intro.heading, page: 0, y });
  y = drawBlock(introHeading, content.x, y, builder.add(introSect, 'H2'), builder, c.items) + (c.template.type.h2.spaceAfter ?? 0);
  const cols = [0, 1, 2].map((i) => g.column(i, 3));
  const body = bodyStyle(c, bodySize, p.text, { linkColor: p.heading });
  const introBlocks = doc.intro.paragraphs.map((para) => measureBlock(para, body, cols[0]!.width, introSource));
  const intro = balanceColumns(introBlocks, 3, body.leading * 0.5, wholeIntro);
  intro.draw(cols.map((col) => col.x), y, introBlocks.map(() => builder.add(introSect, 'P')), builder, c.items);
  const panelsTop = y + intro.height + g.gap;

  // Bottom up: footer, colophon, references — so the panels get what is left. They are
  // drawn aside and appended after the moments, keeping the drawing in reading order.
  const footerSect = builder.add(root, 'Sect');
  const footer = drawLater(c, () => footerBand(c, profile, content.x, content.width, content.y + content.height, footerSect));
  let bottom = footer.result - g.gap * 0.6;
  const colophon = drawLater(c, () => {
    if (!colophonSect) return;
    const style = styleOf(c, 'colophon', p.muted);
    const blocks = doc.colophon.map((para) => measureBlock(para, style, content.width, sourceOf(c, fileStart(doc.file), 'the colophon')));
    const height = blocks.reduce((h, b) => h + b.height, 0);
    let cy = bottom - height;
    for (const block of blocks) cy = drawBlock(block, content.x, cy, builder.add(colophonSect, 'P'), builder, c.items);
    bottom -= height + g.gap * 0.5;
  });
  const small = styleOf(c, 'small', p.text, { linkColor: p.heading });
  const refBlocks = doc.references.items.map((item) => measureBlock(referenceRuns(item), small, cols[0]!.width, refSource));
  const refRows: number[] = [];
  refBlocks.forEach((b, i) => {
    const row = Math.floor(i / 3);
    refRows[row] = Math.max(refRows[row] ?? 0, b.height);
  });
  const refGap = c.template.type.small.spaceAfter ?? 0;
  const refsHeight = refRows.reduce((h, r) => h + r, 0) + refGap * Math.max(0, refRows.length - 1);
  const refHeading = measureBlock(
    plain(doc.references.heading, true),
    styleOf(c, 'h2', p.heading, { bold: true, hyphenate: false, size: 11, leading: 14 }),
    content.width,
    refSource,
  );
  const refsTop = bottom - refsHeight - refHeading.height - 2;
  const references = drawLater(c, () => {
    let ry = drawBlock(refHeading, content.x, refsTop, builder.add(refSect, 'H2'), builder, c.items) + 2;
    const refList = builder.add(refSect, 'L');
    refRows.forEach((rowHeight, row) => {
      for (let k = 0; k < 3; k++) {
        const block = refBlocks[row * 3 + k];
        if (!block) continue;
        const li = builder.add(refList, 'LI');
        drawBlock(block, cols[k]!.x, ry, builder.add(li, 'LBody'), builder, c.items);
      }
      ry += rowHeight + refGap;
    });
  });

  // The moments: three panels filling the space between introduction and references.
  const available = refsTop - g.gap - panelsTop;
  const inner = cols[0]!.width - 2 * c.template.panelPadding;
  const beside = rolesFitBeside(c, doc.moments.map((m) => m.role), inner);
  const measured = doc.moments.map((m) => measureMoment(c, m, inner, bodySize, beside));
  const aligned = [0, 1, 2].map((r) => Math.max(...measured.map((m) => m.rows[r]!)));
  const align = panelHeight(c, aligned, bodySize) <= available;
  for (const m of measured) {
    const panel = `The panel of moment ${m.moment.number} ("${m.moment.name}")`;
    const need = panelHeight(c, m.rows, bodySize);
    if (need > available) {
      const message = `${panel} is ${Math.ceil(need - available)} pt too tall for the ${Math.floor(available)} pt left between the introduction and the references, even with body text at ${bodySize} pt. Shorten its description or tasks (or the introduction).`;
      overflow.push(diagnostic(m.moment.at, 'layout/overflow', message));
    }
  }
  const badges: number[] = [];
  measured.forEach((m, i) => {
    const col = g.column(i, measured.length);
    const box = { x: col.x, y: panelsTop, width: col.width, height: available };
    bookmarks.push({ title: m.moment.name, page: 0, y: panelsTop });
    badges.push(drawMoment(c, m, box, align ? aligned : m.rows, bodySize, momentSects[i]!).badgeY);
  });
  // Arrows in the gutters: the moments are a sequence, read left to right.
  for (let i = 0; i + 1 < measured.length; i++) {
    const col = g.column(i, measured.length);
    c.items.push(chevron(col.x + col.width + g.gutter / 2, badges[i]!, g.gutter * 0.55, p.icon));
  }
  bookmarks.push({ title: doc.references.heading, page: 0, y: refsTop });
  c.items.push(...references.items, ...colophon.items, ...footer.items);
  return { canvas: c, bookmarks, overflow };
}

/** The page's canvas after the body size that fits (or the legible minimum) was found. */
export function composeTaskPerMoment(doc: TaskPerMoment<Run[]>, profile: MergedProfile, env: InfographicEnv): Attempt & { geometry: PageGeometry } {
  const template = loadInfographicTemplate(env.templatesRoot ?? defaultTemplatesDir(), 'task-per-moment');
  const g = pageGeometry(template);
  const palette = infographicPalette(profile.brand.primary, template);
  // Largest body size first; at each size, intro paragraphs kept whole if that fits, else
  // flowed across the columns: a larger body size matters more than an unsplit paragraph.
  let attempt: Attempt | undefined;
  search: for (const size of template.bodySizes) {
    for (const wholeIntro of [true, false]) {
      const fit = fitScope(doc, profile.name, env.positions, []);
      const canvas: Canvas = { items: [], builder: new StructureBuilder(), fonts: env.fonts, palette, template, fit };
      attempt = compose(doc, profile, g, canvas, size, wholeIntro);
      if (!attempt.overflow.some((d) => d.severity === 'error')) break search;
    }
  }
  return { ...attempt!, geometry: g };
}

export function layoutTaskPerMoment(doc: TaskPerMoment<Run[]>, profile: MergedProfile, env: InfographicEnv): InfographicResult {
  const { canvas, bookmarks, overflow, geometry: g } = composeTaskPerMoment(doc, profile, fontsFor(profile, env));
  return {
    frames: infographicFrames(g, canvas, bookmarks, doc, profile),
    diagnostics: [...overflow],
  };
}

/** The same page through the leaflets' dispatch (src/layout/index.ts), for the tagged PDF. */
export const taskPerMomentKind: KindLayout = (k) => {
  const { canvas, bookmarks, overflow } = composeTaskPerMoment(k.doc as TaskPerMoment<Run[]>, k.profile, {
    fonts: k.fonts,
    templatesRoot: k.env.templatesRoot,
    positions: k.fit.positions,
  });
  k.builder = canvas.builder;
  k.pages.splice(0, k.pages.length, { items: canvas.items });
  k.bookmarks.push(...bookmarks);
  k.diagnostics.push(...overflow);
};
