/** The loaders keep what authors wrote: leading zeros, positions in both files, no code run. */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundledModel } from '../../src/content/model.js';
import { loadDocument } from '../../src/content/load-document.js';
import { validateContent } from '../../src/validate/index.js';
import { contentFor } from './fixture-content.js';

async function withContent<T>(fn: (contentRoot: string) => Promise<T>): Promise<T> {
  const { contentRoot, dispose } = await contentFor(undefined);
  try {
    return await fn(contentRoot);
  } finally {
    await dispose();
  }
}

describe('profile loading', () => {
  it('keeps the leading zero of a phone number written without quotes, and warns that other tools would not', async () => {
    await withContent(async (root) => {
      const file = join(root, 'municipalities', 'alpha.yaml');
      const text = (await readFile(file, 'utf8')).replace('phone: "010 282 11 11"', 'phone: 0102821111');
      await writeFile(file, text);
      const result = await validateContent({ contentRoot: root });
      expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.rule}`)).toEqual(['8:10 warning phone/unquoted']);
      expect(result.profiles[0]!.profile.contact.phone).toBe('0102821111');
    });
  });

  it('merges defaults under the municipality with a position for every value of both files', async () => {
    await withContent(async (root) => {
      const [alpha] = (await validateContent({ contentRoot: root })).profiles;
      expect(alpha!.profile.national.phone).toBe('(030) 284 32 00');
      expect(alpha!.positions.get('/contact/phone')).toEqual({ file: join(root, 'municipalities', 'alpha.yaml'), line: 8, column: 10 });
      expect(alpha!.positions.get('/national/phone')).toEqual({ file: join(root, 'defaults.yaml'), line: 3, column: 10 });
    });
  });

  it('gives asset paths as absolute paths inside the content folder', async () => {
    await withContent(async (root) => {
      const [alpha] = (await validateContent({ contentRoot: root })).profiles;
      const logo = alpha!.profile.brand.logo!;
      expect(isAbsolute(logo)).toBe(true);
      expect(logo.endsWith(join('municipalities', 'alpha', 'logo.svg'))).toBe(true);
    });
  });
});

describe('document loading', () => {
  it.each(['js', 'javascript', 'coffee', 'JS'])('never runs ---%s front matter', async (engine) => {
    await withContent(async (root) => {
      const file = join(root, 'documents', 'evil.md');
      await writeFile(file, `---${engine}\n{ kind: (globalThis.folderpersPwned = "parent-leaflet") }\n---\n\nTekst.\n`);
      const loaded = await loadDocument(file, root);
      expect((globalThis as Record<string, unknown>)['folderpersPwned']).toBeUndefined();
      expect(loaded.model).toBeUndefined();
      expect(loaded.diagnostics.map((d) => [d.rule, d.line, d.column])).toEqual([['frontmatter/engine', 1, 1]]);
    });
  });

  it('reports a file that is not UTF-8 instead of reading garbage', async () => {
    await withContent(async (root) => {
      const file = join(root, 'documents', 'latin1.md');
      await writeFile(file, Buffer.from('---\nkind: parent-leaflet\ntitle: Caf\xe9\n---\n', 'latin1'));
      const loaded = await loadDocument(file, root);
      expect(loaded.diagnostics.map((d) => [d.rule, d.line])).toEqual([['file/encoding', 3]]);
    });
  });

  it('extracts sections, quotes, citations and the contact section of a leaflet', async () => {
    await withContent(async (root) => {
      const { model: loaded, diagnostics } = await loadDocument(join(root, 'documents', 'folder.md'), root);
      const model = loaded as BundledModel | undefined;
      expect(diagnostics).toEqual([]);
      if (model?.kind !== 'parent-leaflet') throw new Error('expected a parent leaflet');
      expect(model.sections.map((s) => s.id)).toEqual(['wat-doet-een-clientondersteuner', 'contact']);
      expect(model.sections[1]!.title).toBe('Meer weten?');
      const blocks = model.sections[0]!.blocks.map((b) => b.type);
      expect(blocks).toEqual(['paragraph', 'list', 'pullquote', 'citation']);
      const citation = model.sections[0]!.blocks[3]!;
      if (citation.type !== 'citation') throw new Error('expected a citation');
      expect(citation.source).toMatchObject([{ type: 'text', value: 'Wmo artikel 1.1.1 lid 1' }]);
      expect(model.colophon[0]).toMatchObject([{ type: 'placeholder', path: 'colophon.kennisnetwerk', at: { line: 6, column: 6 } }]);
    });
  });

  it('extracts the moments and the layers', async () => {
    await withContent(async (root) => {
      const taken = (await loadDocument(join(root, 'documents', 'taken.md'), root)).model as BundledModel | undefined;
      if (taken?.kind !== 'task-per-moment') throw new Error('expected task-per-moment');
      expect(taken.moments.map((m) => [m.number, m.name, m.subtitle, m.role, m.tasks.length])).toEqual([
        [1, 'Oriëntatiefase', 'Bij reflectie op het eigen leven', 'Wegwijzer', 2],
        [2, 'Toegang', 'Bij de toegang tot ondersteuning', 'Toeleider', 1],
        [3, 'Ondersteuning', 'Bij het gebruik van voorzieningen', 'Belangenbehartiger', 1],
      ]);
      expect(taken.references.heading).toBe('Meer lezen');
      const lagen = (await loadDocument(join(root, 'documents', 'lagen.md'), root)).model as BundledModel | undefined;
      if (lagen?.kind !== 'three-layer-model') throw new Error('expected three-layer-model');
      expect(lagen.layers.map((l) => [l.number, l.title])).toEqual([
        [1, 'Reflectie op het eigen leven'],
        [2, 'Toegang tot ondersteuning'],
        [3, 'Gebruik van voorzieningen'],
      ]);
      expect(lagen.layers[0]!.summary).toMatchObject([{ type: 'text', value: 'Ambities en levensvragen.' }]);
    });
  });
});

describe('content folder layout', () => {
  it('reports a content folder without documents/ and municipalities/', async () => {
    await withContent(async (root) => {
      await rm(join(root, 'documents'), { recursive: true });
      await rm(join(root, 'municipalities'), { recursive: true });
      const result = await validateContent({ contentRoot: root });
      expect(result.diagnostics.map((d) => [d.rule, d.file])).toEqual([
        ['content/folder', join(root, 'documents')],
        ['content/folder', join(root, 'municipalities')],
      ]);
    });
  });
});

describe('usage problems', () => {
  it('an unknown municipality or a missing content folder is a usage error', async () => {
    await withContent(async (root) => {
      await expect(validateContent({ contentRoot: root, municipalities: ['alfa'] })).rejects.toThrow(
        "unknown municipality 'alfa' (did you mean 'alpha'?)",
      );
      await expect(validateContent({ contentRoot: join(root, 'nope') })).rejects.toThrow('not found');
    });
  });
});
