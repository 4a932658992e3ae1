import { describe, expect, it } from 'vitest';
import { auditContrast, layoutThreeLayerDiagram } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { altText } from '../../src/render/svg/index.js';
import { profile, SUDWEST, threeLayerModel } from './fixtures.js';
import { drawingAndReadingOrder, flat, nodes, texts } from './helpers.js';

const fonts = loadFontSet(defaultFontFiles());
const layout = (doc = threeLayerModel(), prof = profile()) => layoutThreeLayerDiagram(doc, prof, { fonts });

describe('three-layer diagram', () => {
  it('shows each layer with its number, title and summary, and the footer, on one landscape A4', () => {
    const doc = threeLayerModel();
    const { frames, diagnostics } = layout(doc);
    expect(diagnostics).toEqual([]);
    expect([Math.round(frames.width), Math.round(frames.height)]).toEqual([842, 595]);
    const shown = flat(altText(frames).full);
    for (const layer of doc.layers) {
      expect(shown).toContain(flat(layer.title));
      expect(shown).toContain(flat(layer.summary.map((r) => r.text).join('')));
    }
    expect(shown).toContain('gemeente rotterdam');
    expect(shown).toContain('010 282 11 11');
    expect(texts(frames).filter((t) => t.node === undefined).map((t) => t.text)).toEqual(['1', '2', '3']);
    expect(nodes(frames.structure).filter((n) => n.role === 'LI')).toHaveLength(3);
  });

  it('draws in reading order, which the tagged PDF takes as its structure order', () => {
    const { drawn, read } = drawingAndReadingOrder(layout().frames);
    expect(drawn.length).toBeGreaterThan(10);
    expect(drawn).toEqual(read);
  });

  it('tints the layers from light to the full brand colour', () => {
    const { frames } = layout();
    const fills = frames.pages[0]!.items.filter((i) => i.type === 'rect' && i.radius === 8).map((i) => (i.type === 'rect' ? i.fill : ''));
    expect(fills).toEqual(['#D9ECDD', '#99CDA5', '#00811F']);
  });

  it.each(['#00811F', '#005F73', '#FFD200', '#8FD3F5', '#808080'])('meets WCAG AA on %s', (primary) => {
    const { frames, diagnostics } = layout(threeLayerModel(), profile({ ...SUDWEST, brand: { primary } }));
    expect(diagnostics).toEqual([]);
    expect(auditContrast(frames.pages[0]!)).toEqual([]);
  });

  it('reports a layer whose text does not fit its band, naming it', () => {
    const doc = threeLayerModel();
    const layer = doc.layers[2]!;
    layer.summary = [{ text: Array.from({ length: 12 }, () => layer.summary[0]!.text).join(' '), bold: false, italic: false }];
    const { diagnostics } = layout(doc);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'layout/overflow', file: layer.at.file, line: layer.at.line });
    expect(diagnostics[0]!.message).toMatch(/Layer 3 \("Cliëntondersteuning voor mensen/);
  });
});
