/**
 * The bundled content through the real loaders and resolveDocument, for every bundled
 * municipality: each infographic fits, passes AA, and shows every word of its Markdown.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TaskPerMoment, ThreeLayerModel } from '../../src/content/model.js';
import { loadDocument } from '../../src/content/load-document.js';
import { auditContrast, layoutTaskPerMoment, layoutThreeLayerDiagram } from '../../src/layout/infographic/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import { loadDefaults, loadMunicipality } from '../../src/profiles/load-profile.js';
import { resolveDocument } from '../../src/resolve/resolve.js';
import type { Run } from '../../src/resolve/runs.js';
import { altText } from '../../src/render/svg/index.js';
import { words } from './helpers.js';

const CONTENT = join(import.meta.dirname, '..', '..', 'content');
const fonts = loadFontSet(defaultFontFiles());
const municipalities = readdirSync(join(CONTENT, 'municipalities'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

async function load(id: string, muni: string) {
  const loaded = await loadDocument(join(CONTENT, 'documents', `${id}.md`), CONTENT);
  expect(loaded.diagnostics).toEqual([]);
  const defaults = await loadDefaults(join(CONTENT, 'defaults.yaml'), CONTENT);
  const { loaded: profile } = await loadMunicipality(join(CONTENT, 'municipalities', `${muni}.yaml`), defaults, CONTENT);
  return { doc: resolveDocument(loaded.model!, profile!), profile: profile!.profile };
}

/** The words of the Markdown body as a reader sees them: no link targets, no markup. */
function markdownWords(id: string): string[] {
  const body = readFileSync(join(CONTENT, 'documents', `${id}.md`), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
  return words(body.replace(/\]\([^)]*\)/g, ']').replace(/<https?:[^>]*>/g, ''));
}

describe.each(municipalities)('bundled municipality %s', (muni) => {
  it('taak-per-moment: fits, passes AA, and shows every word of the document', async () => {
    const { doc, profile } = await load('taak-per-moment', muni);
    const { frames, diagnostics } = layoutTaskPerMoment(doc as TaskPerMoment<Run[]>, profile, { fonts });
    expect(diagnostics).toEqual([]);
    expect(auditContrast(frames.pages[0]!)).toEqual([]);
    const shown = new Set(words(altText(frames).full));
    const missing = markdownWords('taak-per-moment').filter((w) => !shown.has(w));
    expect(missing).toEqual([]);
    for (const w of words(`${doc.title} ${profile.name} ${profile.contact.phone}`)) expect(shown).toContain(w);
  });

  it('drie-lagen diagram: fits, passes AA, and shows every layer', async () => {
    const { doc, profile } = await load('drie-lagen', muni);
    const model = doc as ThreeLayerModel<Run[]>;
    const { frames, diagnostics } = layoutThreeLayerDiagram(model, profile, { fonts });
    expect(diagnostics).toEqual([]);
    expect(auditContrast(frames.pages[0]!)).toEqual([]);
    const shown = new Set(words(altText(frames).full));
    for (const layer of model.layers) {
      for (const w of words(`${layer.title} ${layer.summary.map((r) => r.text).join('')}`)) expect(shown).toContain(w);
    }
  });
});
