/**
 * The real pipeline up to the PDF: content/documents/*.md and content/municipalities/*.yaml
 * through the loaders and resolveDocument, then layout and render.
 */
import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/content/load-document.js';
import { layoutDocument } from '../../src/layout/index.js';
import { loadDefaults, loadMunicipality } from '../../src/profiles/load-profile.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { resolveDocument } from '../../src/resolve/resolve.js';
import type { Block, BundledModel, DocumentModel } from '../../src/content/model.js';
import type { Run } from '../../src/resolve/runs.js';
import { ROOT } from './fixtures.js';
import { DATE, env, readPdf } from './helpers.js';

const CONTENT = join(ROOT, 'content');
const municipalities = readdirSync(join(CONTENT, 'municipalities'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

describe.each(municipalities)('bundled municipality %s', (muni) => {
  it.each(['ouderfolder', 'wijzer-professionals', 'drie-lagen'])('%s fits and carries the local contact', async (id) => {
    const loadedDoc = await loadDocument(join(CONTENT, 'documents', `${id}.md`), CONTENT);
    expect(loadedDoc.model).toBeDefined();
    const defaults = await loadDefaults(join(CONTENT, 'defaults.yaml'), CONTENT);
    const { loaded } = await loadMunicipality(join(CONTENT, 'municipalities', `${muni}.yaml`), defaults, CONTENT);
    expect(loaded).toBeDefined();
    const doc = resolveDocument(loadedDoc.model!, loaded!);
    const { frames, diagnostics } = layoutDocument(doc, loaded!.profile, env);
    expect(diagnostics).toEqual([]);
    const bytes = await renderPdf(frames!, { creationDate: DATE });
    const pdf = await readPdf(bytes);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain(loaded!.profile.name);
    expect(text).not.toContain('{{');
    if (id !== 'drie-lagen') {
      expect(text).toContain(loaded!.profile.contact.phone);
      expect(pdf.links.some((l) => l.url.startsWith('tel:+31'))).toBe(true);
    }
    if (id === 'ouderfolder') expect(pdf.pages).toBe(2);
    if (hasPoppler) {
      // What a screen reader gets: every word of the document, whole (no added hyphens).
      const dir = mkdtempSync(join(tmpdir(), 'folderpers-struct-'));
      writeFileSync(join(dir, 'd.pdf'), bytes);
      const struct = execFileSync('pdfinfo', ['-struct-text', join(dir, 'd.pdf')]).toString();
      const tagged = counts(words(structText(struct)));
      const missing = [...counts(words(allText(doc)))].filter(([w, n]) => (tagged.get(w) ?? 0) < n);
      expect(missing).toEqual([]);
    }
  });
});

const hasPoppler = (() => {
  try {
    execFileSync('which', ['pdfinfo']);
    return true;
  } catch {
    return false;
  }
})();

function words(text: string): string[] {
  return text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
}

function counts(list: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of list) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Every piece of text the document model holds, as a screen reader should hear it. */
function allText(model: DocumentModel<Run[]>): string {
  const doc = model as BundledModel<Run[]>;
  const out: string[] = [doc.title, doc.subtitle ?? ''];
  const runs = (r: readonly Run[]) => out.push(r.map((x) => x.text).join(''));
  const blocks = (bs: readonly Block<Run[]>[]) =>
    bs.forEach((b) => {
      if (b.type === 'paragraph' || b.type === 'pullquote') runs(b.content);
      else if (b.type === 'list') b.items.forEach(runs);
      else {
        b.paragraphs.forEach(runs);
        runs(b.source);
      }
    });
  if (doc.kind === 'task-per-moment') return '';
  blocks(doc.intro);
  for (const s of doc.sections) {
    runs(s.heading);
    blocks(s.blocks);
  }
  doc.colophon.forEach(runs);
  return out.join(' ');
}

/** The text of `pdfinfo -struct-text`: strings of one element joined as they are, elements apart. */
function structText(out: string): string {
  let text = '';
  let prevQuoted = false;
  for (const line of out.split('\n')) {
    // A link's annotation sits between the two halves of a wrapped address; it adds no text.
    if (/^\s*Object \d+ \d+$/.test(line)) continue;
    const quoted = /^\s*".*"$/.test(line);
    if (quoted) text += (prevQuoted ? '' : ' ') + line.trim().slice(1, -1);
    prevQuoted = quoted;
  }
  return text;
}

describe('bundled Rotterdam guide', () => {
  it('fits one page with its tighter type scale, the local contact block and colophon at its foot', async () => {
    const loadedDoc = await loadDocument(join(CONTENT, 'documents', 'wijzer-professionals.md'), CONTENT);
    const defaults = await loadDefaults(join(CONTENT, 'defaults.yaml'), CONTENT);
    const { loaded } = await loadMunicipality(join(CONTENT, 'municipalities', 'rotterdam.yaml'), defaults, CONTENT);
    const doc = resolveDocument(loadedDoc.model!, loaded!);
    const { frames, diagnostics } = layoutDocument(doc, loaded!.profile, env);
    expect(diagnostics).toEqual([]);
    const bytes = await renderPdf(frames!, { creationDate: DATE });
    const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    // At the house's 10 pt it runs a few lines onto a second page; the template's `fit`
    // styles (9.5 pt body) bring it back to the one page the original guide was.
    expect(pdf.numPages).toBe(1);
    const bodySizes = new Set(frames!.pages[0]!.items.flatMap((i) => (i.type === 'text' && i.node !== undefined ? [i.size] : [])));
    expect(bodySizes).toContain(9.5);
    expect(Math.min(...bodySizes)).toBeGreaterThanOrEqual(8);
    const pageText = async (n: number) =>
      (await (await pdf.getPage(n)).getTextContent()).items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ');
    const last = await pageText(pdf.numPages);
    // Rotterdam's own "how to request" text (its replacement section), the card and the colophon.
    expect(last).toContain('Hoe u onafhankelijke cliëntondersteuning aanvraagt');
    expect(last).toContain('informatie- en advieslijn');
    expect(last).toContain('MEE Rotterdam Rijnmond');
    expect(last).toContain(loaded!.profile.contact.phone);
    expect(last).toContain('Gebaseerd op de Wijzer');
  });
});
