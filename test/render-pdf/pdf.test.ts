import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundledModel } from '../../src/content/model.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { Run } from '../../src/resolve/runs.js';
import { loadFixture, PROFILES } from './fixtures.js';
import { build, env, readPdf, type ReadPdf } from './helpers.js';
import { admitAssetFiles } from '../checked-assets.js';

const has = (cmd: string) => {
  try {
    execFileSync('which', [cmd]);
    return true;
  } catch {
    return false;
  }
};

describe.each(['rotterdam', 'sudwest-fryslan'])('parent leaflet for %s', (muni) => {
  const profile = PROFILES[muni]!;
  let bytes: Buffer;
  let pdf: ReadPdf;
  beforeAll(async () => {
    bytes = await build(loadFixture('ouderfolder', profile), profile);
    pdf = await readPdf(bytes);
  });

  it('is two pages with the municipality, its contact details and no placeholder', () => {
    expect(pdf.pages).toBe(2);
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain(profile.name);
    expect(flat).toContain(profile.contact.phone);
    expect(flat).toContain(profile.contact.organisation.split(' ')[0]);
    expect(flat).not.toContain('{{');
    expect(flat).not.toContain('\u00ad');
  });

  it('links phone, e-mail and website with descriptions', () => {
    const urls = pdf.links.map((l) => l.url);
    expect(urls.some((u) => /^tel:\+31\d{9}$/.test(u))).toBe(true);
    expect(urls).toContain(`mailto:${profile.contact.email}`);
    expect(urls).toContain(new URL(profile.contact.website).href);
    expect(urls).toContain('tel:+31302843200');
    for (const l of pdf.links) expect(l.contents).not.toBe('');
  });

  it('has a structure tree with headings, paragraphs, lists, quotes, links and figures', () => {
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody', 'BlockQuote', 'Link', 'Figure']) {
      expect(pdf.roles, role).toContain(role);
    }
    const alts: string[] = [];
    const collect = (n: { role: string; alt?: string; children?: unknown[] }) => {
      if (n.role === 'Figure') alts.push(n.alt ?? '');
      (n.children as typeof n[] | undefined)?.forEach((c) => c.role && collect(c));
    };
    pdf.trees.forEach(collect);
    expect(alts).toContain(`Logo van ${profile.name}`);
    expect(alts.some((a) => a.startsWith('QR-code naar'))).toBe(true);
  });

  it('has a bookmark for every section, in reading order', () => {
    const doc = loadFixture('ouderfolder', profile);
    if (doc.kind !== 'parent-leaflet') throw new Error('fixture kind');
    expect(pdf.outline).toEqual(doc.sections.map((s) => s.title));
  });

  it('carries title and language', () => {
    expect(pdf.title).toBe('Onafhankelijke cliëntondersteuning');
    expect(pdf.lang).toBe('nl-NL');
  });

  it('renders identical bytes twice', async () => {
    const again = await build(loadFixture('ouderfolder', profile), profile);
    expect(again.equals(bytes)).toBe(true);
  });

  it.runIf(has('qpdf'))('passes qpdf --check and embeds every font', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folderpers-pdf-'));
    const file = join(dir, 'ouderfolder.pdf');
    writeFileSync(file, bytes);
    execFileSync('qpdf', ['--check', file]);
    if (has('pdffonts')) {
      const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    }
  });
});

describe('links that wrap', () => {
  it('gives one Link element two annotations when the link breaks over two lines', async () => {
    const profile = PROFILES['sudwest-fryslan']!;
    const pdf = await readPdf(await build(loadFixture('ouderfolder', profile), profile));
    // The website wraps in the contact card (narrow value column): two annotations, same target.
    const site = pdf.links.filter((l) => l.url === new URL(profile.contact.website).href);
    expect(site.length).toBeGreaterThanOrEqual(2);
    let linksWithTwoAnnots = 0;
    const visit = (n: { role?: string; type?: string; children?: unknown[] }) => {
      if (n.role === 'Link') {
        const annots = (n.children as Array<{ type?: string }> | undefined)?.filter((c) => c.type === 'object') ?? [];
        if (annots.length >= 2) linksWithTwoAnnots++;
      }
      (n.children as typeof n[] | undefined)?.forEach(visit);
    };
    pdf.trees.forEach(visit);
    expect(linksWithTwoAnnots).toBeGreaterThan(0);
  });
});

describe('other kinds', () => {
  it.each(['wijzer-professionals', 'drie-lagen'])('%s renders with contact details or diagram', async (id) => {
    const profile = PROFILES.rotterdam!;
    const pdf = await readPdf(await build(loadFixture(id, profile), profile));
    expect(pdf.text).toContain(profile.name);
    expect(pdf.text).not.toContain('{{');
    expect(pdf.roles).toContain('H1');
    expect(pdf.roles).toContain('Figure');
    if (id === 'wijzer-professionals') {
      expect(pdf.roles).toContain('L');
      expect(pdf.links.map((l) => l.url)).toContain('tel:+31102821111');
    }
  });
});

describe('PNG logo', () => {
  it('embeds a transparent PNG logo as a Figure', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'folderpers-logo-'));
    const logo = join(dir, 'logo.png');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="600"><rect x="100" y="100" width="1400" height="400" rx="80" fill="#7A1F5C"/></svg>';
    await sharp(Buffer.from(svg)).png().toFile(logo);
    admitAssetFiles(logo);
    const base = PROFILES.rotterdam!;
    const profile = { ...base, id: 'png-logo', brand: { ...base.brand, logo } };
    const bytes = await build(loadFixture('wijzer-professionals', profile), profile);
    const pdf = await readPdf(bytes);
    expect(pdf.roles).toContain('Figure');
    expect(bytes.length).toBeLessThan(200_000);
  });
});

describe('metadata', () => {
  it('keeps XMP well-formed when the name holds & and <', async () => {
    const profile = PROFILES['den-bosch']!;
    const bytes = await build(loadFixture('ouderfolder', profile), profile);
    const raw = bytes.toString('latin1');
    const start = raw.indexOf('<?xpacket begin');
    const end = raw.indexOf('<?xpacket end="w"?>') + '<?xpacket end="w"?>'.length;
    const xml = Buffer.from(raw.slice(start, end), 'latin1').toString('utf8');
    expect(xml).toContain('&amp;');
    const parser = new SaxesParser({ xmlns: true });
    expect(() => parser.write(xml).close()).not.toThrow();
    const pdf = await readPdf(bytes);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain("Gemeente 's-Hertogenbosch & <Omstreken>");
    // Optional contact details appear on the card: the contact form as a link, the address.
    expect(pdf.links.map((l) => l.url)).toContain(profile.contact.form);
    expect(text).toContain('Wolvenhoek 1, 5211 HH ’s-Hertogenbosch');
  });
});

describe('overflow', () => {
  it('reports layout/overflow naming document, section and lines instead of clipping', () => {
    const profile = PROFILES.rotterdam!;
    const doc = loadFixture('ouderfolder', profile) as Extract<BundledModel<Run[]>, { kind: 'parent-leaflet' }>;
    const long = { ...doc, sections: [...doc.sections.slice(0, -1), ...doc.sections.slice(1, 4).map((s) => ({ ...s, id: `${s.id}-2` })), doc.sections.at(-1)!] };
    const { frames, diagnostics } = layoutDocument(long, profile, env);
    expect(frames).toBeUndefined();
    const d = diagnostics.find((x) => x.rule === 'layout/overflow');
    expect(d).toBeDefined();
    expect(d!.severity).toBe('error');
    expect(d!.message).toContain('"ouderfolder"');
    expect(d!.message).toMatch(/\d+ lines? of text overflow/);
    expect(d!.message).toMatch(/section "/);
    expect(d!.file).toBe(doc.file);
  });
});
