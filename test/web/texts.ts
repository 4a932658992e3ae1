/**
 * The words of a document three ways, for comparing the web edition with its source and
 * with the PDF: the resolved model's text blocks (what both must say), a page's visible
 * text, and the PDF's tagged text (artifacts such as page numbers and layout hyphens left
 * out, a word broken at a line end joined again).
 */
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentModel } from '../../src/content/model.js';
import { kindOf } from '../../src/kinds/registry.js';
import type { LoadedProfile } from '../../src/profiles/model.js';
import { resolveDocument } from '../../src/resolve/resolve.js';

export function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Each piece of the resolved document's inline content as words, in reading order. */
export async function modelBlocks(doc: DocumentModel, profile: LoadedProfile): Promise<string[][]> {
  const resolved = await resolveDocument(doc, profile);
  const blocks = kindOf(resolved).texts(resolved).map((t: { content: Array<{ text: string }> }) => words(t.content.map((r) => r.text).join('')));
  return [words(resolved.title), ...blocks].filter((b) => b.length > 0);
}

/** The PDF's tagged text as words, page by page in content order. */
export async function pdfWords(file: string): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  let text = '';
  let join = false;
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const open: string[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') open.push((item as { tag?: string }).tag ?? '');
        else if (item.type === 'endMarkedContent') open.pop();
        continue;
      }
      if (item.str === '') continue;
      if (open.includes('Artifact')) {
        // The layout's hyphen at a line break: the word goes on after it.
        if (/^[-\u2010]$/.test(item.str.trim())) join = true;
        continue;
      }
      text += (join ? '' : ' ') + item.str;
      join = false;
    }
    text += ' ';
  }
  await pdf.destroy();
  return words(text);
}

/** Where `part` starts as a run of consecutive words in `all` at or after `from`, or -1. */
export function indexOfRun(all: readonly string[], part: readonly string[], from = 0): number {
  outer: for (let i = from; i <= all.length - part.length; i++) {
    for (let j = 0; j < part.length; j++) if (all[i + j] !== part[j]) continue outer;
    return i;
  }
  return -1;
}

/** The blocks that do not occur word for word (each as one run of consecutive words) in `all`. */
export function missingBlocks(all: readonly string[], blocks: readonly string[][]): string[] {
  return blocks.filter((b) => indexOfRun(all, b) < 0).map((b) => b.join(' '));
}
