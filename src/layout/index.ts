/**
 * The layout: DocumentModel × profile → Frames. One module per kind, registered in KINDS;
 * adding a kind is one entry here plus its module and template.
 */
import { diagnostic, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import type { Block, DocumentKind, DocumentModel } from '../content/model.js';
import type { MergedProfile } from '../profiles/model.js';
import type { Run } from '../resolve/runs.js';
import { fitScope } from './fit.js';
import type { Frames } from './frames.js';
import { palette } from './palette.js';
import { StructureBuilder } from './structure.js';
import { geometry, loadTemplate } from './template.js';
import { faceFor, loadFontSet, missingCharacters, type FontSet } from './text/index.js';
import { toFrames, type KindContext, type KindLayout, type LayoutEnv } from './kinds/context.js';
import { layoutParentLeaflet } from './kinds/parent-leaflet.js';
import { layoutProfessionalGuide } from './kinds/professional-guide.js';
import { layoutThreeLayerModel } from './kinds/three-layer-model.js';
import { taskPerMomentKind } from './infographic/task-per-moment.js';

export type { LayoutEnv, KindContext, KindLayout } from './kinds/context.js';

const KINDS = new Map<DocumentKind, KindLayout>([
  ['parent-leaflet', layoutParentLeaflet],
  ['professional-guide', layoutProfessionalGuide],
  ['three-layer-model', layoutThreeLayerModel],
  ['task-per-moment', taskPerMomentKind],
]);

/** Adds (or replaces) the layout of a kind, e.g. `task-per-moment` from its own module. */
export function registerKindLayout(kind: DocumentKind, layout: KindLayout): void {
  KINDS.set(kind, layout);
}

/**
 * `positions` are the profile's source positions by JSON pointer (LoadedProfile.positions):
 * a value that does not fit is reported at its own line.
 */
export function layoutDocument(
  doc: DocumentModel<Run[]>,
  profile: MergedProfile,
  env: LayoutEnv,
  positions?: ReadonlyMap<string, SourceRef>,
): { frames: Frames | undefined; diagnostics: Diagnostic[] } {
  const layout = KINDS.get(doc.kind);
  if (!layout) throw new Error(`no layout registered for kind ${doc.kind}`);
  const template = loadTemplate(env.templatesRoot, doc.kind);
  const fonts = profile.brand.font ? loadFontSet(profile.brand.font) : env.fonts;
  const diagnostics = checkCoverage(doc, fonts, profile);
  if (diagnostics.length > 0) return { frames: undefined, diagnostics };
  const first = run(layout, { doc, profile, env, template, fonts }, positions);
  const fit = template.fit;
  // The tighter type scale is kept when it saves pages, or when the first one does not fit
  // at all (text that overflows at 10 pt may fit at 9.5 pt).
  if (fit && (!first.frames || first.frames.pages.length > fit.pages)) {
    const tighter = run(layout, { doc, profile, env, fonts, template: { ...template, type: { ...template.type, ...fit.type } } }, positions);
    if (tighter.frames && (!first.frames || tighter.frames.pages.length <= fit.pages)) return tighter;
  }
  return first;
}

type LayoutInput = Pick<KindContext, 'doc' | 'profile' | 'env' | 'template' | 'fonts'>;

function run(layout: KindLayout, input: LayoutInput, positions: ReadonlyMap<string, SourceRef> | undefined): { frames: Frames | undefined; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const k: KindContext = {
    ...input,
    g: geometry(input.template),
    colors: palette(input.profile.brand.primary, input.template),
    builder: new StructureBuilder(),
    pages: [{ items: [] }],
    bookmarks: [],
    diagnostics,
    fit: fitScope(input.doc, input.profile.name, positions, diagnostics),
  };
  layout(k);
  const failed = k.diagnostics.some((d) => d.severity === 'error');
  return { frames: failed ? undefined : toFrames(k), diagnostics: k.diagnostics };
}

/** A character the font lacks would print as an empty box: report it where it stands. */
function checkCoverage(doc: DocumentModel<Run[]>, fonts: FontSet, profile: MergedProfile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (runs: readonly Run[], at: { file: string; line: number; column: number }) => {
    for (const r of runs) {
      const font = faceFor(fonts, r.bold, r.italic);
      for (const ch of missingCharacters(font, r.text)) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        out.push(diagnostic(at, 'layout/missing-glyph', `The font ${font.id} has no glyph for "${ch}" (${cp}); it would print as an empty box. Replace the character or use a font that has it.`));
      }
    }
  };
  const blocks = (list: readonly Block<Run[]>[]) => {
    for (const b of list) {
      if (b.type === 'paragraph' || b.type === 'pullquote') check(b.content, b.at);
      else if (b.type === 'list') b.items.forEach((i) => check(i, b.at));
      else {
        b.paragraphs.forEach((p) => check(p, b.at));
        check(b.source, b.at);
      }
    }
  };
  const top = { file: doc.file, line: 1, column: 1 };
  check([{ text: `${doc.title} ${doc.subtitle ?? ''} ${profile.name} ${Object.values(profile.contact).join(' ')}`, bold: true, italic: false }], top);
  doc.colophon.forEach((c) => check(c, top));
  if (doc.kind === 'task-per-moment') {
    doc.intro.paragraphs.forEach((p) => check(p, doc.intro.at));
    for (const m of doc.moments) [...m.description, ...m.tasks].forEach((p) => check(p, m.at));
    doc.references.items.forEach((p) => check(p, doc.references.at));
    return out;
  }
  blocks(doc.intro);
  for (const s of doc.sections) {
    check(s.heading, s.at);
    blocks(s.blocks);
  }
  if (doc.kind === 'three-layer-model') doc.layers.forEach((l) => check(l.summary, l.at));
  return out;
}
