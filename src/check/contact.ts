/**
 * The contact self-check: after layout, every artifact's own frames must show every contact
 * value the template places — whole (its pieces, joined, give exactly the value as printed;
 * a web address broken after `/` is fine), inside the page's printable area, not overprinted
 * by other text and not covered by a shape or image painted after it. What must be there is
 * derived from the resolved document and the profile, not from the layout, so a layout that
 * drops or cuts a value cannot vouch for itself.
 */
import type { DocumentModel } from '../content/model.js';
import { kindOf } from '../kinds/registry.js';
import { displayUrl } from '../resolve/links.js';
import type { MergedProfile } from '../profiles/model.js';
import type { Run } from '../resolve/runs.js';
import type { Frames, TextItem } from '../layout/frames.js';
import { intersects } from './geometry.js';
import { indexPage, outside, printableArea, type PageIndex } from './frames.js';

export type { Artifact } from '../kinds/kind.js';
import type { Artifact } from '../kinds/kind.js';

export interface ContactValue {
  /** Profile field, e.g. `contact.phone`. */
  field: string;
  /** As printed. */
  text: string;
  /** Where the template places it, for messages. */
  places: string[];
}

/**
 * Every contact value the artifact must show, with how often: the placeholders of phone
 * numbers, e-mail and web addresses in its text, the contact card of the leaflet and the
 * guide (organisation, phone, e-mail, website, address and opening hours), and the footer
 * band of the pictures (name, organisation, phone, website).
 */
export function expectedContacts(doc: DocumentModel<Run[]>, profile: MergedProfile, artifact: Artifact): ContactValue[] {
  const values: ContactValue[] = [];
  const expect = (field: string, text: string, place: string) => {
    const known = values.find((v) => v.field === field && v.text === text);
    if (known) known.places.push(place);
    else values.push({ field, text, places: [place] });
  };
  const shown = kindOf(doc).shows(doc, artifact);
  for (const r of shown.texts.flat()) if (r.field !== undefined) expect(r.field, r.text, 'the text');
  const c = profile.contact;
  if (shown.contactCard) {
    expect('contact.organisation', c.organisation, 'the contact card');
    expect('contact.phone', c.phone, 'the contact card');
    expect('contact.email', c.email, 'the contact card');
    expect('contact.website', displayUrl(c.website), 'the contact card');
    if (c.address) expect('contact.address', c.address, 'the contact card');
    if (c.hours) expect('contact.hours', c.hours, 'the contact card');
  }
  if (shown.footerBand) {
    expect('name', profile.name, 'the footer band');
    expect('contact.organisation', c.organisation, 'the footer band');
    expect('contact.phone', c.phone, 'the footer band');
    expect('contact.website', displayUrl(c.website), 'the footer band');
  }
  return values;
}

/** One printed occurrence of a value: its pieces in drawing order, with their pages. */
interface Occurrence {
  field: string;
  items: Array<{ item: TextItem; page: number }>;
}

/**
 * A value's pieces follow each other in drawing order: a line break may put a link
 * underline or a panel slice between them (or a page break), never other text. A new link
 * (another Link element) starts a new occurrence.
 */
function occurrences(frames: Frames): Occurrence[] {
  const out: Occurrence[] = [];
  let open: Occurrence | undefined;
  frames.pages.forEach((page, p) => {
    for (const item of page.items) {
      if (item.type !== 'text' || item.hyphen) continue;
      if (item.contact === undefined) {
        open = undefined;
        continue;
      }
      const last = open?.items[open.items.length - 1]?.item;
      if (open && open.field === item.contact && last?.link?.node === item.link?.node) open.items.push({ item, page: p });
      else {
        open = { field: item.contact, items: [{ item, page: p }] };
        out.push(open);
      }
    }
  });
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The occurrence's text as a reader gets it: its pieces, with the spaces lost at line breaks. */
function joined(o: Occurrence): string {
  return norm(o.items.map(({ item }, i) => item.text + (i < o.items.length - 1 ? (item.actualTextSuffix ?? '') : '')).join(''));
}

export interface ContactProblem {
  value: ContactValue;
  /** What is wrong, for the message. */
  problem: string;
}

/** Why an occurrence is not legible: off the paper, overprinted or covered (undefined: it is fine). */
function hidden(frames: Frames, indexes: readonly PageIndex[], o: Occurrence): string | undefined {
  const area = printableArea(frames);
  const mine = new Set<TextItem>(o.items.map(({ item }) => item));
  for (const { item: t, page } of o.items) {
    const shown = `"${t.text.trim()}" on page ${page + 1}`;
    const by = outside(t, area);
    if (by > 0.5) return `${shown} reaches ${Math.ceil(by)} pt outside the printable area`;
    const index = indexes[page]!;
    const me = index.texts.find((x) => x.item === t);
    if (!me) continue;
    const over = index.texts.find((x) => !mine.has(x.item) && intersects(me.core, x.core));
    if (over) return `${shown} is overprinted by "${over.item.text.trim()}"`;
    const cover = index.paints.find((p) => p.index > me.index && intersects(me.core, p.box));
    if (cover) return `${shown} is covered by a ${cover.type} drawn after it`;
  }
  return undefined;
}

export function checkContacts(frames: Frames, expected: readonly ContactValue[], indexes: readonly PageIndex[] = frames.pages.map(indexPage)): ContactProblem[] {
  const problems: ContactProblem[] = [];
  const found = occurrences(frames);
  for (const value of expected) {
    const mine = found.filter((o) => o.field === value.field && (joined(o) === norm(value.text) || value.text.includes(joined(o))));
    let good = 0;
    for (const o of mine) {
      const text = joined(o);
      if (text !== norm(value.text)) {
        problems.push({ value, problem: `it is printed as "${text}", not whole` });
        continue;
      }
      const why = hidden(frames, indexes, o);
      if (why) problems.push({ value, problem: why });
      else good++;
    }
    const need = value.places.length;
    if (good < need) {
      problems.push({ value, problem: `it must be printed ${need} time${need === 1 ? '' : 's'} (${describe(value.places)}) and is legible ${good} time${good === 1 ? '' : 's'}` });
    }
  }
  return problems;
}

function describe(places: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const p of places) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].map(([p, n]) => (n > 1 ? `${n}× in ${p}` : `in ${p}`)).join(', ');
}
