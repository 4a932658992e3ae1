/**
 * The three-layer diagram as a one-page image (drie-lagen.png/.svg): the layers as nested
 * panels, lightest outside to full brand colour inside — each layer a narrower circle of
 * people than the one around it — each with its number, title and summary; the title band
 * above and the municipality's footer below. The multi-page PDF with the full text is the
 * leaflet layout's (kinds/three-layer-model.ts).
 */
import type { ThreeLayerModel } from '../../content/model.js';
import { diagnostic, fileStart, type Diagnostic } from '../../diagnostics/index.js';
import type { MergedProfile } from '../../profiles/model.js';
import type { Run } from '../../resolve/runs.js';
import { textOn, tint } from '../color.js';
import { StructureBuilder } from '../structure.js';
import { measure } from '../text/index.js';
import { fitScope } from '../fit.js';
import { bodyStyle, drawLater, fontsFor, infographicFrames, sourceOf, styleOf, type Canvas, type InfographicEnv, type InfographicResult } from './canvas.js';
import { drawBlock, measureBlock, plain, type Block } from './flow.js';
import { footerBand } from './footer.js';
import { bandColours, brandInk, infographicPalette, standOut, WHITE } from './palette.js';
import { disc } from './shapes.js';
import { defaultTemplatesDir, loadInfographicTemplate, pageGeometry, type PageGeometry } from './template.js';
import { titleBand } from './title-band.js';

const BADGE = 34;

interface LayerColours {
  fill: string;
  text: string;
  heading: string;
  badge: string;
  numeral: string;
}

function layerColours(brand: string, amount: number): LayerColours {
  const fill = amount >= 1 ? bandColours(brand).band : tint(brand, amount);
  const text = textOn(fill);
  const badge = standOut(fill, bandColours(brand).band, WHITE);
  const numeral = textOn(badge) === WHITE ? WHITE : brandInk(brand, badge);
  return { fill, text, heading: text === WHITE ? WHITE : brandInk(brand, fill), badge, numeral };
}

interface Composed {
  canvas: Canvas;
  overflow: Diagnostic[];
}

function compose(doc: ThreeLayerModel<Run[]>, profile: MergedProfile, g: PageGeometry, c: Canvas, bodySize: number): Composed {
  const { builder, palette: p, template: t } = c;
  const { content } = g;
  const overflow = c.fit.diagnostics;
  const titleSect = builder.add(builder.root, 'Sect');
  const head = sourceOf(c, fileStart(doc.file), 'the title band');
  let y = titleBand(c, doc.title, doc.subtitle, content.x, content.width, content.y, titleSect, head) + g.gap;
  if (doc.description) {
    const lead = measureBlock(plain(doc.description), bodyStyle(c, t.type.subtitle.size, p.text), Math.min(content.width, 560), sourceOf(c, fileStart(doc.file), 'the description under the title'));
    y = drawBlock(lead, content.x, y, builder.add(titleSect, 'P'), builder, c.items) + g.gap;
  }
  const layersSect = builder.add(builder.root, 'Sect');
  const footerSect = builder.add(builder.root, 'Sect');
  // Placed now, drawn after the layers: the drawing order is the PDF's reading order.
  const footer = drawLater(c, () => footerBand(c, profile, content.x, content.width, content.y + content.height, footerSect));
  const footerTop = footer.result;

  const n = doc.layers.length;
  const s = t.panelPadding;
  const area = { x: content.x, y, width: content.width, height: footerTop - g.gap - y };
  const textWidth = (area.width - (3 * n - 1) * s) / n - BADGE - s;
  const tints = t.colors.layerTints ?? [0.15, 0.4, 1];
  const list = builder.add(layersSect, 'L');
  let x = area.x;
  let width = area.width;
  doc.layers.forEach((layer, i) => {
    const colours = layerColours(p.brand, tints[i] ?? 1);
    const top = area.y + i * s;
    const height = area.height - 2 * i * s;
    c.items.push({ type: 'rect', x, y: top, width, height, radius: 8, fill: colours.fill });
    // Badge (decoration: the list order carries the number).
    const bx = x + s + BADGE / 2;
    const by = top + s + BADGE / 2;
    c.items.push(disc(bx, by, BADGE, colours.badge));
    const numeral = String(layer.number);
    const size = t.type.badge.size;
    const nw = measure(c.fonts.bold, numeral, size);
    const cap = (c.fonts.bold.capHeight / c.fonts.bold.unitsPerEm) * size;
    c.items.push({ type: 'text', x: bx - nw / 2, y: by + cap / 2, font: c.fonts.bold.id, size, color: colours.numeral, text: numeral, width: nw });

    const tx = x + s + BADGE + s;
    const source = sourceOf(c, layer.at, `layer ${layer.number} ("${layer.title}") of the diagram`);
    const title = measureBlock(plain(layer.title, true), styleOf(c, 'momentName', colours.heading, { bold: true, hyphenate: false }), textWidth, source);
    const summary = measureBlock(layer.summary, bodyStyle(c, bodySize, colours.text, { linkColor: colours.text }), textWidth, source);
    const blocks: Block[] = [title, summary];
    const need = s + blocks.reduce((h, b) => h + b.height, 0) + 6 + s;
    const room = height;
    if (need > room) {
      overflow.push(
        diagnostic(layer.at, 'layout/overflow', `Layer ${layer.number} ("${layer.title}") of the diagram is ${Math.ceil(need - room)} pt too tall for its band, even with text at ${bodySize} pt. Shorten its title or summary.`),
      );
    }
    const li = builder.add(list, 'LI');
    const body = builder.add(li, 'LBody');
    let ty = drawBlock(title, tx, top + s, builder.add(body, 'H2'), builder, c.items) + 6;
    drawBlock(summary, tx, ty, builder.add(body, 'P'), builder, c.items);
    // The next layer nests to the right of this one's text.
    const step = s + BADGE + s + textWidth + s;
    x += step;
    width -= step + s;
  });
  c.items.push(...footer.items);
  return { canvas: c, overflow };
}

export function layoutThreeLayerDiagram(doc: ThreeLayerModel<Run[]>, profile: MergedProfile, env: InfographicEnv): InfographicResult {
  const { fonts, templatesRoot, positions } = fontsFor(profile, env);
  const template = loadInfographicTemplate(templatesRoot ?? defaultTemplatesDir(), 'three-layer-diagram');
  const g = pageGeometry(template);
  const palette = infographicPalette(profile.brand.primary, template);
  let result: Composed | undefined;
  for (const size of template.bodySizes) {
    const fit = fitScope(doc, profile.name, positions, []);
    const canvas: Canvas = { items: [], builder: new StructureBuilder(), fonts, palette, template, fit };
    result = compose(doc, profile, g, canvas, size);
    if (!result.overflow.some((d) => d.severity === 'error')) break;
  }
  const { canvas, overflow } = result!;
  return { frames: infographicFrames(g, canvas, [], doc, profile), diagnostics: [...overflow] };
}
