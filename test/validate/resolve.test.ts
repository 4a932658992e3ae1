/** resolveDocument fills placeholders with typed, atomic links and puts local sections in place. */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundledModel, DocumentModel } from '../../src/content/model.js';
import type { LoadedProfile } from '../../src/profiles/model.js';
import { resolveDocument } from '../../src/resolve/resolve.js';
import { placeholdersIn } from '../../src/content/walk.js';
import { inlinesOf } from '../../src/kinds/registry.js';
import type { Run } from '../../src/resolve/runs.js';
import { validateContent } from '../../src/validate/index.js';
import { contentFor } from './fixture-content.js';

let documents: DocumentModel[];
let alpha: LoadedProfile;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const content = await contentFor(undefined);
  dispose = content.dispose;
  const root = content.contentRoot;
  await writeFile(join(root, 'municipalities', 'alpha', 'contact.md'), 'Kom langs bij *{{contact.organisation}}*.\n');
  const profile = join(root, 'municipalities', 'alpha.yaml');
  await writeFile(profile, (await readFile(profile, 'utf8')) + 'sections:\n  folder:\n    contact: alpha/contact.md\n');
  const result = await validateContent({ contentRoot: root });
  expect(result.diagnostics).toEqual([]);
  documents = result.documents;
  alpha = result.profiles[0]!;
});

afterAll(() => dispose());

function doc<K extends BundledModel['kind']>(kind: K): Extract<BundledModel, { kind: K }> {
  return documents.find((d) => d.kind === kind) as Extract<BundledModel, { kind: K }>;
}

function contentOf(block: { type: string } | undefined): Run[] {
  if (!block || !('content' in block)) throw new Error('expected a block with content');
  return block.content as Run[];
}

describe('resolveDocument', () => {
  it('turns phone, e-mail and website placeholders into atomic typed links', () => {
    const resolved = resolveDocument(doc('parent-leaflet'), { ...alpha, overrides: {} }) as BundledModel<Run[]>;
    if (resolved.kind !== 'parent-leaflet') throw new Error('kind changed');
    const runs = contentOf(resolved.sections[1]!.blocks[0]);
    expect(runs.find((r) => r.link?.kind === 'tel')).toEqual({
      text: '010 282 11 11',
      bold: false,
      italic: false,
      atomic: true,
      link: { kind: 'tel', href: 'tel:+31102821111', description: 'Bel 010 282 11 11' },
      field: 'contact.phone',
    });
    expect(runs.find((r) => r.link?.kind === 'mailto')).toMatchObject({
      text: 'toegang@alpha.example',
      link: { href: 'mailto:toegang@alpha.example' },
    });
    expect(runs.find((r) => r.link?.href === 'https://www.alpha.example')).toMatchObject({ text: 'www.alpha.example', atomic: true });
    expect(runs.find((r) => r.link?.href === 'https://www.loc.nl')).toMatchObject({ text: 'LOC', link: { kind: 'https' } });
    // A soft line break inside a paragraph reads as a space.
    expect(runs.map((r) => r.text).join('')).toContain('toegang@alpha.example of kijk op');
    expect(runs.map((r) => r.text).join('')).not.toContain('\n');
  });

  it('flattens emphasis and strong into italic and bold runs', () => {
    const resolved = resolveDocument(doc('parent-leaflet'), { ...alpha, overrides: {} }) as BundledModel<Run[]>;
    if (resolved.kind !== 'parent-leaflet') throw new Error('kind changed');
    expect(contentOf(resolved.sections[0]!.blocks[0])).toEqual([
      { text: 'Een cliëntondersteuner helpt u ', bold: false, italic: false },
      { text: 'op weg', bold: false, italic: true },
      { text: '.', bold: false, italic: false },
    ]);
  });

  it("replaces a section's blocks with the municipality's section file", () => {
    const resolved = resolveDocument(doc('parent-leaflet'), alpha) as BundledModel<Run[]>;
    if (resolved.kind !== 'parent-leaflet') throw new Error('kind changed');
    expect(resolved.sections[1]!.title).toBe('Meer weten?');
    expect(resolved.sections[1]!.blocks).toHaveLength(1);
    expect(contentOf(resolved.sections[1]!.blocks[0])).toEqual([
      { text: 'Kom langs bij ', bold: false, italic: false },
      { text: 'MEE Alpha', bold: false, italic: true },
      { text: '.', bold: false, italic: false },
    ]);
  });

  it('reads a URL with a label as its label, and resolves colophon and references', () => {
    const resolved = resolveDocument(doc('task-per-moment'), alpha) as BundledModel<Run[]>;
    if (resolved.kind !== 'task-per-moment') throw new Error('kind changed');
    expect(resolved.references.items[0]).toEqual([
      { text: 'Checklist: ', bold: false, italic: false },
      {
        text: 'www.nji.nl/checklist-clientondersteuning',
        bold: false,
        italic: false,
        atomic: true,
        link: {
          kind: 'https',
          href: 'https://www.nji.nl/checklist-clientondersteuning',
          description: 'Website www.nji.nl/checklist-clientondersteuning',
        },
        field: 'checklist.url',
      },
    ]);
    const leaflet = resolveDocument(doc('parent-leaflet'), alpha) as BundledModel<Run[]>;
    expect(leaflet.colophon).toEqual([[{ text: 'Deze folder is ontwikkeld door het Kennisnetwerk.', bold: false, italic: false }]]);
  });

  it('lists the placeholders of a document with their places', () => {
    const uses = placeholdersIn(inlinesOf(doc('parent-leaflet')));
    expect(uses.map((u) => u.path)).toEqual([
      'contact.organisation',
      'contact.phone',
      'contact.hours',
      'contact.email',
      'contact.website',
      'national.phone',
      'colophon.kennisnetwerk',
    ]);
    expect(uses[0]!.at).toMatchObject({ line: 26, column: 5 });
  });
});
