/**
 * The layout: DocumentModel × profile → Frames. Each kind brings its own layout and
 * template (src/kinds/); this runs it, with the template's tighter type scale when the
 * document must fit fewer pages, after checking that the fonts have every character.
 */
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import type { DocumentModel } from '../content/model.js';
import { kindOf } from '../kinds/registry.js';
import type { MergedProfile } from '../profiles/model.js';
import type { Run } from '../resolve/runs.js';
import { fitScope } from './fit.js';
import { palette } from './palette.js';
import { StructureBuilder } from './structure.js';
import { geometry, loadTemplate } from './template.js';
import { faceFor, loadFontSet, missingCharacters, type FontFaces, type FontSet } from './text/index.js';
import { toFrames, type KindContext, type KindLayout, type LayoutEnv, type LayoutResult } from './kinds/context.js';

export type { LayoutEnv, KindContext, KindLayout, LayoutResult } from './kinds/context.js';

/**
 * `positions` are the profile's source positions by JSON pointer (LoadedProfile.positions):
 * a value that does not fit is reported at its own line.
 */
export function layoutDocument(
  doc: DocumentModel<Run[]>,
  profile: MergedProfile,
  env: LayoutEnv,
  positions?: ReadonlyMap<string, SourceRef>,
): LayoutResult {
  const kind = kindOf(doc);
  const template = loadTemplate(kind.templates ?? env.templatesRoot, kind.template);
  const fonts = profile.brand.font ? loadFontSet(profile.brand.font) : env.fonts;
  const diagnostics = checkCoverage(doc, fonts, profile, positions);
  if (diagnostics.length > 0) return { frames: undefined, diagnostics };
  const first = run(kind.layout, { doc, profile, env, template, fonts }, positions);
  const fit = template.fit;
  // The tighter type scale is kept when it saves pages, or when the first one does not fit
  // at all (text that overflows at 10 pt may fit at 9.5 pt).
  if (fit && (!first.frames || first.frames.pages.length > fit.pages)) {
    const tighter = run(kind.layout, { doc, profile, env, fonts, template: { ...template, type: { ...template.type, ...fit.type } } }, positions);
    if (tighter.frames && (!first.frames || tighter.frames.pages.length <= fit.pages)) return tighter;
  }
  return first;
}

type LayoutInput = Pick<KindContext, 'doc' | 'profile' | 'env' | 'template' | 'fonts'>;

function run(layout: KindLayout, input: LayoutInput, positions: ReadonlyMap<string, SourceRef> | undefined): LayoutResult {
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

/**
 * The last line of defence behind `text/missing-glyph` (src/rules/glyph-coverage.ts), which
 * validation reports at the character's own line: a character the font lacks would print
 * as an empty box, so the layout refuses the document rather than draw one. Contact values
 * (runs with a `field`) are set in the set's contact faces, the bundled font even with a
 * house font, so they are checked against those, as tokenize.ts sets them.
 */
function checkCoverage(doc: DocumentModel<Run[]>, fonts: FontSet, profile: MergedProfile, positions?: ReadonlyMap<string, SourceRef>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (text: string, at: SourceRef, faces: FontFaces, bold = true, italic = false) => {
    const font = faceFor(faces, bold, italic);
    for (const ch of missingCharacters(font, text)) {
      if (seen.has(ch)) continue;
      seen.add(ch);
      const cp = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      out.push(diagnostic(at, 'layout/missing-glyph', `The font ${font.id} has no glyph for "${ch}" (${cp}); it would print as an empty box. Replace the character or use a font that has it.`));
    }
  };
  const top = fileStart(doc.file);
  // A profile's value is reported at its own line, as text/missing-glyph reports it.
  const at = (pointer: string) => positions?.get(pointer) ?? top;
  check(`${doc.title} ${doc.subtitle ?? ''}`, top, fonts);
  const { phone, email, website, form, ...texts } = profile.contact;
  const own: [string, string][] = [['/name', profile.name], ...Object.entries(texts).map(([k, v]): [string, string] => [`/contact/${k}`, v])];
  // The contact card and the footer band set the profile's texts in the contact faces too.
  for (const [pointer, value] of own) for (const faces of [fonts, fonts.contact]) check(value, at(pointer), faces);
  const links = Object.entries({ phone, email, website, form }).filter(([, v]) => v !== undefined);
  for (const [k, v] of links) check(v!, at(`/contact/${k}`), fonts.contact);
  for (const text of kindOf(doc).texts(doc)) {
    for (const r of text.content) check(r.text, text.at, r.field !== undefined ? fonts.contact : fonts, r.bold, r.italic);
  }
  return out;
}
