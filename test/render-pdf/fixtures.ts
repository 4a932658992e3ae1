/**
 * Test models built in code, independent of the content loaders: a small Markdown reader
 * that understands exactly the subset in docs/content-format.md (sections, paragraphs,
 * lists, quotes, **strong**, *emphasis*, links, {{placeholders}}), enough to lay out the
 * real documents in content/documents/.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Block, BundledModel, Layer, Section } from '../../src/content/model.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import type { Run } from '../../src/resolve/runs.js';
import { displayUrl, emailRun, phoneRun, plain, webRun } from '../../src/layout/kinds/links.js';
import { webLink } from '../../src/resolve/links.js';
import { admitAssetFiles } from '../checked-assets.js';

export const ROOT = resolve(import.meta.dirname, '../..');
const MUNI = join(ROOT, 'content/municipalities');

const national = {
  organisation: 'LOC Zeggenschap in zorg',
  phone: '(030) 284 32 00',
  email: 'vraagbaak@loc.nl',
  website: 'https://www.loc.nl',
};

export const PROFILES: Record<string, MergedProfile> = {
  rotterdam: {
    id: 'rotterdam',
    name: 'Gemeente Rotterdam',
    brand: { primary: '#00811F', logo: join(MUNI, 'rotterdam/logo.svg') },
    contact: {
      organisation: 'MEE Rotterdam Rijnmond',
      phone: '010 282 11 11',
      email: 'toegang@blijfmeedoen.nl',
      website: 'https://www.blijfmeedoen.nl',
      hours: 'maandag t/m vrijdag tussen 9.00 en 17.00 uur',
    },
    national,
    checklist: { url: 'https://www.nji.nl/checklist-clientondersteuning', label: 'www.nji.nl/checklist-clientondersteuning' },
  },
  'sudwest-fryslan': {
    id: 'sudwest-fryslan',
    name: 'Gemeente Súdwest-Fryslân',
    brand: { primary: '#005F73', logo: join(MUNI, 'sudwest-fryslan/logo.svg') },
    contact: {
      organisation: 'Stipepunt Onafhankelijke Cliëntondersteuning Súdwest-Fryslân',
      phone: '0515 123 456',
      email: 'clientondersteuning@sudwest-fryslan.example',
      website: 'https://www.sudwest-fryslan.example/clientondersteuning',
      hours: 'maandag t/m vrijdag tussen 8.30 en 12.30 uur',
    },
    national,
    checklist: { url: 'https://www.nji.nl/checklist-clientondersteuning', label: 'www.nji.nl/checklist-clientondersteuning' },
  },
  'den-bosch': {
    id: 'den-bosch',
    name: "Gemeente 's-Hertogenbosch & <Omstreken>",
    brand: { primary: '#E30613' },
    contact: {
      organisation: 'Zorg & Welzijn ’s-Hertogenbosch',
      phone: '073 615 52 55',
      email: 'info@example.nl',
      website: 'https://www.example.nl/s-hertogenbosch/clientondersteuning/aanvragen',
      form: 'https://www.example.nl/s-hertogenbosch/contact',
      address: 'Wolvenhoek 1, 5211 HH ’s-Hertogenbosch',
    },
    national,
    checklist: { url: 'https://www.nji.nl/checklist-clientondersteuning' },
  },
};

admitAssetFiles(...Object.values(PROFILES).map((p) => p.brand.logo));

const KENNISNETWERK =
  'Deze folder is ontwikkeld door het Kennisnetwerk jeugd en ouders als partner in de jeugdhulp. Dit kennisnetwerk bestaat uit vertegenwoordigers van landelijke en regionale organisaties van jeugdigen, ouders en cliënten en zet zich in voor ontwikkeling en verspreiding van kennis over duurzame participatie. Dit gebeurt met ondersteuning van het Nederlands Jeugdinstituut en Stichting Alexander.';

function lookup(profile: MergedProfile, path: string): Run[] {
  const v = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], profile);
  if (path === 'colophon.kennisnetwerk') return [plain(KENNISNETWERK)];
  if (typeof v !== 'string') throw new Error(`fixture: unknown placeholder ${path}`);
  if (path.endsWith('phone')) return [phoneRun(v, path, false)];
  if (path.endsWith('email')) return [emailRun(v, path, false)];
  if (path.endsWith('website') || path.endsWith('url')) return [webRun(v, path, false)];
  return [plain(v)];
}

/** Inline Markdown → runs. */
export function inline(text: string, profile: MergedProfile): Run[] {
  const out: Run[] = [];
  const re = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)]+)\)|<(https:[^>]+)>|\{\{([\w.]+)\}\}/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(plain(text.slice(last, m.index)));
    if (m[1]) out.push(...inline(m[1], profile).map((r) => ({ ...r, bold: true })));
    else if (m[2]) out.push(...inline(m[2], profile).map((r) => ({ ...r, italic: true })));
    else if (m[3]) out.push({ ...plain(m[3]), atomic: true, link: { kind: 'https', href: m[4]!, description: m[3] } });
    else if (m[5]) out.push({ text: displayUrl(m[5]), bold: false, italic: false, atomic: true, link: webLink(m[5]) });
    else if (m[6]) out.push(...lookup(profile, m[6]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(plain(text.slice(last)));
  return out;
}

const at = (file: string, line = 1) => ({ file, line, column: 1 });

function blocksOf(chunks: string[], file: string, profile: MergedProfile): Block<Run[]>[] {
  const out: Block<Run[]>[] = [];
  for (const chunk of chunks) {
    const lines = chunk.split('\n');
    if (lines[0]!.startsWith('>')) {
      const paras = lines.map((l) => l.replace(/^>\s?/, '')).join('\n').split(/\n\s*\n/).map((p) => p.replace(/\n/g, ' ').trim());
      const last = paras[paras.length - 1]!;
      if (last.startsWith('—')) {
        out.push({ type: 'citation', paragraphs: paras.slice(0, -1).map((p) => inline(p, profile)), source: inline(last.replace(/^—\s*/, ''), profile), at: at(file) });
      } else out.push({ type: 'pullquote', content: inline(paras.join(' '), profile), at: at(file) });
    } else if (/^(-|\d+\.) /.test(lines[0]!)) {
      const items = chunk.split(/\n(?=-|\d+\. )/).map((i) => i.replace(/^(-|\d+\.)\s+/, '').replace(/\n\s*/g, ' '));
      out.push({ type: 'list', ordered: /^\d/.test(lines[0]!), items: items.map((i) => inline(i, profile)), at: at(file) });
    } else {
      out.push({ type: 'paragraph', content: inline(lines.join(' ').trim(), profile), at: at(file) });
    }
  }
  return out;
}

export function loadFixture(id: string, profile: MergedProfile): BundledModel<Run[]> {
  const file = join(ROOT, 'content/documents', `${id}.md`);
  const raw = readFileSync(file, 'utf8');
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw)!;
  const field = (name: string) => new RegExp(`^${name}: (.*)$`, 'm').exec(front!)?.[1];
  const colophon = [...front!.matchAll(/^ {2}- "(.*)"$/gm)].map((m) => inline(m[1]!.replace(/\\"/g, '"'), profile));
  const parts = body!.split(/^## /m);
  const chunksOf = (text: string) => text.split(/\n\s*\n/).map((c) => c.trim()).filter(Boolean);
  const intro = blocksOf(chunksOf(parts[0]!), file, profile);
  const sections: Section<Run[]>[] = parts.slice(1).map((p) => {
    const [headLine, ...rest] = p.split('\n');
    const idm = /\s*\{#([\w-]+)\}\s*$/.exec(headLine!);
    const title = headLine!.replace(/\s*\{#[\w-]+\}\s*$/, '').trim();
    const sid = idm?.[1] ?? title.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    return { id: sid, title, heading: inline(title, profile), blocks: blocksOf(chunksOf(rest.join('\n')), file, profile), at: at(file, 10) };
  });
  const base = { id, file, title: field('title')!, subtitle: field('subtitle'), description: field('description'), intro, sections, colophon };
  const kind = field('kind');
  if (kind === 'three-layer-model') {
    const all = [...intro, ...sections.flatMap((s) => s.blocks)];
    const list = all.find((b): b is Extract<Block<Run[]>, { type: 'list' }> => b.type === 'list' && b.ordered)!;
    const layers: Layer<Run[]>[] = list.items.map((runs, i) => {
      const title = runs[0]!.text.replace(/\.$/, '');
      const summary = runs.slice(1).map((r) => ({ ...r }));
      if (summary[0]) summary[0].text = summary[0].text.replace(/^\s+/, '');
      return { number: i + 1, title, summary, at: at(file) };
    });
    return { ...base, kind: 'three-layer-model', layers } as BundledModel<Run[]>;
  }
  return { ...base, kind } as BundledModel<Run[]>;
}
