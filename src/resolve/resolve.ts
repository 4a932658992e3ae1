/**
 * DocumentModel<Inline[]> × profile → DocumentModel<Run[]>: placeholders filled, links
 * typed, emphasis and strong flattened into italic/bold runs, soft line breaks turned into
 * spaces, and a municipality's section files put in place of the national blocks. Each
 * kind says where its inline content is (`resolve` in src/kinds/); this gives it the tools.
 * Runs after validation: a placeholder without a value is a broken invariant, not content.
 */
import type { Block, DocumentModel, Inline, Section } from '../content/model.js';
import { kindOf } from '../kinds/registry.js';
import { assert } from '../diagnostics/index.js';
import { linkKindOf } from '../profiles/field-kinds.js';
import type { LoadedProfile } from '../profiles/model.js';
import { valueAt } from '../rules/placeholders.js';
import { contentLink, displayUrl, linkFor } from './links.js';
import type { Link, Run } from './runs.js';

interface Style {
  bold: boolean;
  italic: boolean;
  link?: Link;
}

function run(text: string, style: Style, field?: string): Run {
  return {
    text,
    bold: style.bold,
    italic: style.italic,
    ...(style.link ? { link: style.link } : {}),
    ...(field !== undefined ? { atomic: true, field } : {}),
  };
}

function placeholderRuns(path: string, style: Style, profile: LoadedProfile): Run[] {
  const value = valueAt(profile.profile, path);
  assert(typeof value === 'string', `placeholder {{${path}}} has no value for ${profile.profile.id}`);
  const segments = path.split('.');
  const kind = linkKindOf(segments);
  if (!kind) return [run(value, style)];
  const link = linkFor(kind, value);
  // A web address may carry a label beside it (checklist.label) that says how it reads.
  const label = kind === 'https' ? valueAt(profile.profile, [...segments.slice(0, -1), 'label'].join('.')) : undefined;
  const text = kind === 'https' ? (typeof label === 'string' ? label : displayUrl(value)) : value;
  return [run(text, { ...style, link: style.link ?? link }, path)];
}

function toRuns(inlines: readonly Inline[], style: Style, profile: LoadedProfile): Run[] {
  const out: Run[] = [];
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out.push(run(inline.value.replace(/[^\S\n]*\r?\n[^\S\n]*/g, ' '), style));
        break;
      case 'break':
        out.push(run('\n', style));
        break;
      case 'emphasis':
        out.push(...toRuns(inline.children, { ...style, italic: true }, profile));
        break;
      case 'strong':
        out.push(...toRuns(inline.children, { ...style, bold: true }, profile));
        break;
      case 'link':
        out.push(...toRuns(inline.children, { ...style, link: contentLink(inline.href) }, profile));
        break;
      case 'placeholder':
        out.push(...placeholderRuns(inline.path, style, profile));
        break;
    }
  }
  return merge(out);
}

function sameStyle(a: Run, b: Run): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.link === b.link && !a.atomic && !b.atomic;
}

/** Neighbouring runs of one style become one, so the layout sees whole phrases. */
function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (r.text === '') continue;
    if (last && sameStyle(last, r)) out[out.length - 1] = { ...last, text: last.text + r.text };
    else out.push(r);
  }
  return out;
}

const PLAIN: Style = { bold: false, italic: false };

function resolveBlocks(blocks: readonly Block<Inline[]>[], profile: LoadedProfile): Block<Run[]>[] {
  const r = (i: Inline[]) => toRuns(i, PLAIN, profile);
  return blocks.map((b): Block<Run[]> => {
    switch (b.type) {
      case 'paragraph':
        return { ...b, content: r(b.content) };
      case 'pullquote':
        return { ...b, content: r(b.content) };
      case 'list':
        return { ...b, items: b.items.map(r) };
      case 'citation':
        return { ...b, paragraphs: b.paragraphs.map(r), source: r(b.source) };
    }
  });
}

/**
 * What a kind's `resolve` works with: inline content, blocks and sections turned into their
 * resolved form for one municipality (see src/kinds/kind.ts).
 */
export interface Resolver {
  /** Placeholders filled, links typed, emphasis flattened into styles. */
  runs(inlines: readonly Inline[]): Run[];
  blocks(blocks: readonly Block<Inline[]>[]): Block<Run[]>[];
  /** Each section resolved, with the municipality's local text in place of its blocks where its profile gives one. */
  sections(sections: readonly Section<Inline[]>[]): Section<Run[]>[];
}

export function resolverFor(docId: string, profile: LoadedProfile): Resolver {
  const local = profile.overrides?.[docId] ?? {};
  return {
    runs: (inlines) => toRuns(inlines, PLAIN, profile),
    blocks: (blocks) => resolveBlocks(blocks, profile),
    sections: (sections) =>
      sections.map((s) => ({
        ...s,
        heading: toRuns(s.heading, PLAIN, profile),
        blocks: resolveBlocks(local[s.id] ?? s.blocks, profile),
      })),
  };
}

export function resolveDocument(doc: DocumentModel<Inline[]>, profile: LoadedProfile): DocumentModel<Run[]> {
  return kindOf(doc).resolve(doc, resolverFor(doc.id, profile));
}
