/**
 * A deterministic national content set for the benchmark: the bundled documents and
 * defaults, and 342 synthetic municipalities with distinct invented names, brand colours
 * that keep white text readable (WCAG AA), small original SVG logos and distinct valid
 * Dutch phone numbers. No randomness: the same set on every run and every machine.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const MUNICIPALITY_COUNT = 342;

const HEADS = ['Aal', 'Berg', 'Dal', 'Eem', 'Gel', 'Hol', 'Kam', 'Lin', 'Mar', 'Noor', 'Oost', 'Pol', 'Ree', 'Stee', 'Ter', 'Vel', 'Wes', 'Zui', 'Bro', 'Hoog'];
const TAILS = ['dam', 'dijk', 'veen', 'hoven', 'broek', 'wolde', 'zijl', 'mond', 'horst', 'laar', 'beek', 'rode', 'sloot', 'meer', 'wijk', 'burg', 'donk', 'hout'];
/** Landline area codes in use, each followed by seven digits. */
const AREA_CODES = ['010', '013', '015', '020', '023', '024', '026', '030', '033', '035', '036', '038', '040', '043', '045', '046', '050', '053', '055', '058', '070', '071', '072', '073', '074', '075', '076', '077', '078', '079'];

export interface SyntheticMunicipality {
  /** Position in generation order; seeds the name, colour, logo and phone number. */
  index: number;
  id: string;
  name: string;
  primary: string;
  phone: string;
}

export function municipality(i: number): SyntheticMunicipality {
  const head = HEADS[i % HEADS.length]!;
  const tail = TAILS[Math.floor(i / HEADS.length) % TAILS.length]!;
  const place = `${head}${tail}`;
  const id = place.toLowerCase();
  return { index: i, id, name: `Gemeente ${place}`, primary: brandColour(i), phone: phone(i, 0) };
}

/** A distinct number per municipality; `variant` gives it another one (the "changed profile" run). */
export function phone(i: number, variant: number): string {
  const area = AREA_CODES[i % AREA_CODES.length]!;
  const subscriber = String(2_000_000 + i * 1_009 + variant * 500_000).padStart(7, '0');
  return `${area} ${subscriber.slice(0, 3)} ${subscriber.slice(3, 5)} ${subscriber.slice(5, 7)}`;
}

/** Hues spread by the golden angle; darkened until white text on it has at least 5:1. */
function brandColour(i: number): string {
  const hue = (i * 137.508) % 360;
  for (let lightness = 0.45; lightness > 0.05; lightness -= 0.01) {
    const rgb = hslToRgb(hue, 0.7, lightness);
    if (contrastWithWhite(rgb) >= 5) return `#${rgb.map((c) => c.toString(16).padStart(2, '0').toUpperCase()).join('')}`;
  }
  return '#1A1A1A';
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as [number, number, number];
}

function contrastWithWhite(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/** An original mark: a rounded band with one of four simple shapes, in the brand colour. */
function logo(m: SyntheticMunicipality, i: number): string {
  const shapes = [
    `<circle cx="40" cy="40" r="22" fill="#FFFFFF"/>`,
    `<path d="M18 60 L40 18 L62 60 Z" fill="#FFFFFF"/>`,
    `<path d="M14 46 Q27 30 40 46 T66 46 V60 H14 Z" fill="#FFFFFF"/>`,
    `<rect x="20" y="20" width="40" height="40" rx="6" fill="#FFFFFF"/>`,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" width="200" height="80">`,
    `  <title>Voorbeeldlogo ${m.name}</title>`,
    `  <rect x="0" y="0" width="80" height="80" rx="12" fill="${m.primary}"/>`,
    `  ${shapes[i % shapes.length]}`,
    `  <rect x="92" y="${28 + (i % 3) * 4}" width="${60 + (i % 40)}" height="10" fill="${m.primary}"/>`,
    `  <rect x="92" y="${46 + (i % 3) * 4}" width="${40 + (i % 60)}" height="6" fill="${m.primary}" opacity="0.6"/>`,
    `</svg>`,
    '',
  ].join('\n');
}

export function profileYaml(m: SyntheticMunicipality): string {
  return [
    `name: ${m.name}`,
    'example: true',
    'brand:',
    `  primary: "${m.primary}"`,
    `  logo: ${m.id}/logo.svg`,
    'contact:',
    `  organisation: Cliëntondersteuning ${m.name.replace('Gemeente ', '')}`,
    `  phone: "${m.phone}"`,
    `  email: clientondersteuning@${m.id}.nl`,
    `  website: https://www.${m.id}.nl/clientondersteuning`,
    '',
  ].join('\n');
}

/** Writes the set (`count` municipalities) under `root/content`; returns them in id order. */
export async function writeNationalSet(toolRoot: string, root: string, count = MUNICIPALITY_COUNT): Promise<SyntheticMunicipality[]> {
  const content = join(root, 'content');
  await mkdir(join(content, 'municipalities'), { recursive: true });
  await cp(join(toolRoot, 'content', 'documents'), join(content, 'documents'), { recursive: true });
  await cp(join(toolRoot, 'content', 'defaults.yaml'), join(content, 'defaults.yaml'));
  // The project's language settings and word list belong to the national content too.
  for (const file of ['words.txt', 'language.yaml']) {
    if (existsSync(join(toolRoot, 'content', file))) await cp(join(toolRoot, 'content', file), join(content, file));
  }
  const all: SyntheticMunicipality[] = [];
  for (let i = 0; i < count; i++) {
    const m = municipality(i);
    await mkdir(join(content, 'municipalities', m.id), { recursive: true });
    await writeFile(join(content, 'municipalities', m.id, 'logo.svg'), logo(m, i));
    await writeFile(join(content, 'municipalities', `${m.id}.yaml`), profileYaml(m));
    all.push(m);
  }
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}
