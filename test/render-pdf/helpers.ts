/** Lays out and renders fixtures, and reads PDFs back with pdfjs-dist. */
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentModel } from '../../src/content/model.js';
import { layoutDocument, type LayoutEnv } from '../../src/layout/index.js';
import { defaultFontFiles, loadFontSet } from '../../src/layout/text/index.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { Run } from '../../src/resolve/runs.js';
import { ROOT } from './fixtures.js';

export const DATE = new Date('2026-01-01T00:00:00Z');

export const env: LayoutEnv = {
  fonts: loadFontSet(defaultFontFiles()),
  templatesRoot: join(ROOT, 'templates'),
  date: DATE,
};

export async function build(doc: DocumentModel<Run[]>, profile: MergedProfile): Promise<Buffer> {
  const { frames, diagnostics } = layoutDocument(doc, profile, env);
  if (!frames) throw new Error(`layout failed: ${diagnostics.map((d) => d.message).join('; ')}`);
  return renderPdf(frames, { creationDate: DATE });
}

export interface StructEntry {
  role: string;
  alt?: string;
  children?: StructEntry[];
  type?: string;
}

export interface ReadPdf {
  pages: number;
  text: string;
  links: Array<{ url: string; contents: string }>;
  roles: Set<string>;
  trees: StructEntry[];
  title: string | undefined;
  lang: string | undefined;
  outline: string[];
}

export async function readPdf(bytes: Buffer): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  let text = '';
  const links: ReadPdf['links'] = [];
  const roles = new Set<string>();
  const trees: StructEntry[] = [];
  const visit = (n: StructEntry) => {
    if (n.role) roles.add(n.role);
    n.children?.forEach(visit);
  };
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('') + '\n';
    for (const a of await page.getAnnotations()) {
      if (a.subtype === 'Link') links.push({ url: a.url ?? a.unsafeUrl, contents: a.contentsObj?.str ?? '' });
    }
    const tree = (await page.getStructTree()) as unknown as StructEntry | null;
    if (tree) {
      trees.push(tree);
      visit(tree);
    }
  }
  const outline = ((await pdf.getOutline()) ?? []).map((o) => o.title);
  const meta = await pdf.getMetadata();
  const info = meta.info as { Title?: string; Language?: string };
  await pdf.destroy();
  return { pages: pdf.numPages, text, links, roles, trees, title: info.Title, lang: info.Language, outline };
}
