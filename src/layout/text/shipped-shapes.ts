/**
 * Words shaped when the tool was built. Shaping a word with fontkit first parses the parts
 * of the font's GSUB and GPOS tables it touches; for the ~2000 words of the bundled
 * documents that is most of a fresh worker's first job, on every cold build. So the tool's
 * build (src/build/compile-shipped.ts) keeps every run it shaped, per font file, in
 * `dist/shapes/`: glyph ids, their code points and positions, exactly as fontkit gave them.
 *
 * Part of the tool like the compiled validators: a file is used only for the font whose
 * bytes have the sha256 it is named for, when its own bytes have the sha256 the index
 * gives and it was made with the installed fontkit. Text not in it is shaped as before,
 * so anything missing or wrong costs time, never a glyph.
 */
import type * as fontkit from 'fontkit';
import { sha256 } from '../../build/hash.js';
import { readShipped, shippedIndex, type ShippedIndex } from '../../build/shipped-files.js';
import { installedVersion } from '../../patches/versions.js';

/** sha256 of a font file → sha256 of `dir/<font sha256>.json`. */
export type ShapesIndex = ShippedIndex<'fonts'>;

/** One run: script, language, direction, features, glyph ids, each glyph's code points, and four numbers per glyph (x/y advance, x/y offset). */
export interface StoredRun {
  s: string;
  l: string | null;
  d: string;
  f: string[];
  g: number[];
  c: number[][];
  p: number[];
}

export interface ShapesFile {
  format: 1;
  fontkit: string;
  runs: Record<string, StoredRun>;
}

/** What fontkit's GlyphRun offers its callers here (measure.ts, pdfkit, the SVG glyphs). */
class ShippedRun {
  constructor(
    public glyphs: fontkit.Glyph[],
    public positions: fontkit.GlyphPosition[],
    public script: string,
    public language: string | null,
    public direction: string,
    public features: Record<string, boolean>,
  ) {}

  get advanceWidth(): number {
    let width = 0;
    for (const p of this.positions) width += p.xAdvance;
    return width;
  }

  get advanceHeight(): number {
    let height = 0;
    for (const p of this.positions) height += p.yAdvance;
    return height;
  }
}

function parsed(bytes: Buffer | undefined): Partial<ShapesFile> | undefined {
  try {
    return bytes && (JSON.parse(bytes.toString('utf8')) as Partial<ShapesFile>);
  } catch {
    return undefined;
  }
}

/**
 * The shipped runs of the font with these bytes, as a lookup for shapeOnce (patches/fontkit.ts);
 * undefined when none were shipped for it.
 */
export function shippedShapes(dir: string, bytes: Uint8Array, font: fontkit.Font): ((text: string) => fontkit.GlyphRun | undefined) | undefined {
  const fontHash = sha256(bytes);
  const file = parsed(readShipped(dir, `${fontHash}.json`, shippedIndex(dir, 'fonts').get(fontHash)));
  if (!file || file.format !== 1 || file.fontkit !== installedVersion('fontkit') || typeof file.runs !== 'object' || file.runs === null) return undefined;
  const runs = file.runs;
  return (text) => {
    const stored = Object.hasOwn(runs, text) ? runs[text] : undefined;
    if (!stored) return undefined;
    const glyphs = stored.g.map((id, i) => font.getGlyph(id, stored.c[i]));
    const positions = stored.g.map((_, i) => {
      const [xAdvance, yAdvance, xOffset, yOffset] = stored.p.slice(4 * i, 4 * i + 4) as [number, number, number, number];
      return { xAdvance, yAdvance, xOffset, yOffset } as fontkit.GlyphPosition;
    });
    const features = Object.fromEntries(stored.f.map((tag) => [tag, true]));
    return new ShippedRun(glyphs, positions, stored.s, stored.l, stored.d, features) as unknown as fontkit.GlyphRun;
  };
}

/** A run as stored. */
function storedRun(run: fontkit.GlyphRun): StoredRun {
  const r = run as fontkit.GlyphRun & { language: string | null; features: Record<string, boolean> };
  return {
    s: r.script,
    l: r.language,
    d: r.direction,
    f: Object.keys(r.features).filter((tag) => r.features[tag]),
    g: r.glyphs.map((g) => g.id),
    c: r.glyphs.map((g) => [...g.codePoints]),
    p: r.positions.flatMap((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
  };
}

/** The contents of a shapes file and its name, for the tool's build. */
export function shapesFile(fontBytes: Uint8Array, runs: ReadonlyMap<string, fontkit.GlyphRun>): { name: string; text: string } {
  const file: ShapesFile = { format: 1, fontkit: installedVersion('fontkit') ?? 'missing', runs: {} };
  for (const text of [...runs.keys()].sort()) file.runs[text] = storedRun(runs.get(text)!);
  return { name: `${sha256(fontBytes)}.json`, text: `${JSON.stringify(file)}\n` };
}

