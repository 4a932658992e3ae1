/**
 * SVG logos come from 342 municipalities and from pull requests: they are parsed with a real
 * XML parser (saxes) and refused when they could run code, read another file, reach the
 * network or make the renderer allocate without bound. Only after this check may the bytes
 * reach sharp, and then as a Buffer: given a path, librsvg resolves references beside it.
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import { MAX_SVG_DEPTH, MAX_SVG_ELEMENTS, MAX_SVG_SIDE } from './limits.js';
import { lineIndex } from './positions.js';
import { pixelLimitProblem, readPngHeader } from './png.js';
import { CostMeter, type ShapeGeometry } from './svg-cost.js';
import { pathCost, pointsCost } from './svg-path.js';
import { UseTracker } from './svg-use.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';
const ANIMATION = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor', 'discard']);
const PNG_DATA_URL = /^data:image\/png;base64,/i;

/** Stops saxes at the first well-formedness error; everything after it is noise. */
class StopParsing extends Error {}

export function checkSvg(text: string, file: string): Diagnostic[] {
  return inspectSvg(text, file).diagnostics;
}

/** The diagnostics of `checkSvg`, and the logo's estimated drawing cost (see svg-cost.ts). */
export function inspectSvg(text: string, file: string): { diagnostics: Diagnostic[]; cost: number } {
  const lines = lineIndex(text);
  const out: Diagnostic[] = [];
  const report = (offset: number, rule: string, message: string) =>
    out.push(diagnostic({ file, ...lines.at(offset) }, rule, message));

  const parser = new SaxesParser({ xmlns: true, position: true });
  let tagOffset = 0;
  let attributeOffsets = new Map<string, number>();
  let depth = 0;
  let elements = 0;
  let sawRoot = false;
  let sawDoctype = false;
  let tooComplex = false;
  let style: { offset: number; depth: number; css: string } | undefined;
  const uses = new UseTracker();
  const cost = new CostMeter();

  parser.on('xmldecl', (decl) => {
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      report(0, 'svg/malformed', `the file declares encoding "${decl.encoding}"; save it as UTF-8 and declare encoding="UTF-8"`);
    }
  });

  parser.on('doctype', () => {
    sawDoctype = true;
    report(
      Math.max(0, text.lastIndexOf('<!DOCTYPE', parser.position)),
      'svg/doctype',
      'a logo may not contain a <!DOCTYPE>: it can define entities that read other files or expand without end; remove the <!DOCTYPE …> declaration',
    );
  });

  parser.on('processinginstruction', (pi) => {
    if (pi.target.toLowerCase() === 'xml-stylesheet') {
      report(
        Math.max(0, text.lastIndexOf('<?', parser.position)),
        'svg/external-reference',
        'a logo may not load a style sheet (<?xml-stylesheet?>); put the styles in the SVG itself',
      );
    }
  });

  parser.on('opentagstart', () => {
    tagOffset = Math.max(0, text.lastIndexOf('<', parser.position - 1));
    attributeOffsets = new Map();
    elements++;
    if (elements > MAX_SVG_ELEMENTS && !tooComplex) {
      tooComplex = true;
      report(tagOffset, 'svg/size', `the logo has more than ${MAX_SVG_ELEMENTS} elements; simplify it`);
    }
  });

  parser.on('attribute', (attr) => {
    attributeOffsets.set(attr.name, attributeStart(text, parser.position));
  });

  parser.on('opentag', (tag) => {
    depth++;
    if (depth > MAX_SVG_DEPTH && !tooComplex) {
      tooComplex = true;
      report(tagOffset, 'svg/size', `the logo nests elements more than ${MAX_SVG_DEPTH} deep; simplify it`);
    }
    const where = (name: string) => attributeOffsets.get(name) ?? tagOffset;
    if (!sawRoot) {
      sawRoot = true;
      checkRoot(tag, tagOffset, where, report);
      cost.root(userSide(tag));
    }
    // A refused element is reported once; its attributes would only repeat the problem.
    if (!checkElement(tag, tagOffset, report)) {
      for (const attr of Object.values(tag.attributes)) checkAttribute(attr, where(attr.name), report);
    }
    if (tag.local.toLowerCase() === 'style' && style === undefined) style = { offset: tagOffset, depth, css: '' };
    const href = Object.values(tag.attributes).find((a) => a.local === 'href')?.value.trim();
    uses.enter(elements, tagOffset, tag.attributes['id']?.value, tag.local === 'use' ? { href } : undefined);
    cost.enter(elements, tagOffset, tag, shapeGeometry(tag), embeddedPixels(tag));
  });

  const collectStyle = (chunk: string) => {
    if (style !== undefined) style.css += chunk;
  };
  parser.on('text', collectStyle);
  parser.on('cdata', collectStyle);

  parser.on('closetag', () => {
    if (style !== undefined && style.depth === depth) {
      for (const problem of cssProblems(style.css)) report(style.offset, problem.rule, problem.message);
      cost.style(style.css, style.offset);
      style = undefined;
    }
    uses.leave(elements);
    cost.leave(elements);
    depth--;
  });

  parser.on('error', (err) => {
    // After a DOCTYPE, errors such as "undefined entity" only repeat that problem.
    if (!sawDoctype) {
      report(Math.min(parser.position, text.length), 'svg/malformed', `the logo is not well-formed XML: ${plainSaxesMessage(err.message)}`);
    }
    throw new StopParsing();
  });

  try {
    parser.write(text).close();
  } catch (err) {
    if (!(err instanceof StopParsing)) throw err;
    return { diagnostics: out, cost: NaN };
  }
  if (!sawRoot) report(0, 'svg/malformed', 'the file contains no <svg> element');
  const useProblems = uses.problems();
  for (const problem of useProblems) report(problem.offset, 'svg/size', problem.message);
  // Uses that multiply are reported as such; the total they make would only say it again.
  const costed = cost.finish({ total: useProblems.length === 0 });
  for (const problem of costed.problems) report(problem.offset, problem.rule, problem.message);
  return { diagnostics: out, cost: costed.total };
}

/** The outline of a drawn shape, for its cost; undefined for elements that are not shapes. */
function shapeGeometry(tag: SaxesTagNS): ShapeGeometry | undefined {
  const value = (name: string) => tag.attributes[name]?.value;
  const size = (name: string) => Math.abs(parseFloat(value(name) ?? '0')) || 0;
  switch (tag.local.toLowerCase()) {
    case 'path':
      return pathCost(value('d') ?? '');
    case 'polyline':
    case 'polygon':
      return pointsCost(value('points') ?? '', tag.local.toLowerCase() === 'polygon');
    case 'rect':
      return { segments: 4, crossings: 0, length: 2 * (size('width') + size('height')) };
    case 'circle':
      return { segments: 4, crossings: 0, length: 2 * Math.PI * size('r') };
    case 'ellipse':
      return { segments: 4, crossings: 0, length: 2 * Math.PI * Math.max(size('rx'), size('ry')) };
    case 'line':
      return { segments: 1, crossings: 0, length: Math.hypot(size('x2') - size('x1'), size('y2') - size('y1')) };
    default:
      return undefined;
  }
}

/** Pixels of a PNG an `<image>` embeds, from its header (the asset checks decoded it already). */
function embeddedPixels(tag: SaxesTagNS): number {
  if (tag.local.toLowerCase() !== 'image') return 0;
  const href = Object.values(tag.attributes).find((a) => a.local === 'href')?.value.trim() ?? '';
  if (!PNG_DATA_URL.test(href)) return 0;
  const start = href.indexOf(',') + 1;
  const head = readPngHeader(Buffer.from(href.slice(start, start + 256).replace(/\s+/g, '').slice(0, 64), 'base64'));
  // One over the pixel limit is refused as such (asset/too-large).
  return head.ok && !pixelLimitProblem(head.width, head.height) ? head.width * head.height : 0;
}

/** The root's larger side in user units (viewBox, else width/height), for percentages. */
function userSide(tag: SaxesTagNS): number {
  const box = tag.attributes['viewBox']?.value.trim().split(/[\s,]+/).map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite)) return Math.max(box[2]!, box[3]!);
  return Math.max(parseFloat(tag.attributes['width']?.value ?? '') || 0, parseFloat(tag.attributes['height']?.value ?? '') || 0);
}

type Report = (offset: number, rule: string, message: string) => void;

function checkRoot(tag: SaxesTagNS, offset: number, where: (name: string) => number, report: Report): void {
  if (tag.local !== 'svg' || tag.uri !== SVG_NS) {
    report(
      offset,
      'svg/malformed',
      `the outermost element must be <svg xmlns="${SVG_NS}">, not <${tag.name}>${tag.uri ? ` in namespace ${tag.uri}` : ''}`,
    );
    return;
  }
  const sizeProblem = rootSizeProblem(tag);
  if (sizeProblem) report(sizeProblem.attribute ? where(sizeProblem.attribute) : offset, 'svg/size', sizeProblem.message);
}

/** Reports an element that is refused as a whole; true when it was. */
function checkElement(tag: SaxesTagNS, offset: number, report: Report): boolean {
  const local = tag.local.toLowerCase();
  if (local === 'script') {
    report(offset, 'svg/script', 'a logo may not contain a <script> element; remove it');
  } else if (tag.uri === XINCLUDE_NS || tag.prefix === 'xi') {
    report(offset, 'svg/external-reference', `a logo may not include other files (<${tag.name}>); remove it`);
  } else if (local === 'foreignobject') {
    report(offset, 'svg/foreign-object', 'a logo may not contain a <foreignObject> (embedded HTML or other content); remove it');
  } else if (local === 'text') {
    // librsvg would draw it with whatever fonts the rendering computer has: neither the
    // same on every machine nor read from the content folder.
    report(offset, 'svg/text', 'a logo may not contain <text>: it would be drawn with the fonts of the computer that builds; convert the text to outlines (paths) in your drawing program');
  } else if (ANIMATION.has(local)) {
    report(offset, 'svg/animation', `a logo is printed, so it may not animate (<${tag.name}>); remove the animation`);
  } else {
    return false;
  }
  return true;
}

function checkAttribute(attr: SaxesAttributeNS, offset: number, report: Report): void {
  const local = attr.local.toLowerCase();
  if (attr.prefix === 'xmlns' || attr.name === 'xmlns') return;
  if (attr.prefix === '' && local.startsWith('on')) {
    report(offset, 'svg/script', `a logo may not contain event handlers such as ${attr.name}="…"; remove the attribute`);
    return;
  }
  if (local === 'href') {
    const problem = referenceProblem(attr.value);
    if (problem) report(offset, problem.rule, `${attr.name}="${clip(attr.value)}": ${problem.message}`);
    return;
  }
  // Presentation attributes (fill="url(#g)") take only url(); a style attribute is full CSS.
  const problems = local === 'style' ? cssProblems(attr.value) : urlProblems(attr.value);
  for (const problem of problems) report(offset, problem.rule, `${attr.name}: ${problem.message}`);
}

interface Problem {
  rule: string;
  message: string;
}

/** A reference may point inside the file (`#id`) or embed a PNG; anything else leaves the file. */
function referenceProblem(raw: string): Problem | undefined {
  const value = raw.trim();
  if (/^#[^\s#]+$/.test(value)) return undefined;
  if (PNG_DATA_URL.test(value)) return embeddedPngProblem(value);
  return {
    rule: 'svg/external-reference',
    message:
      'a logo may only refer to its own parts (#id) or embed a PNG as data:image/png;base64,…; references to other files or web addresses are not allowed',
  };
}

function embeddedPngProblem(dataUrl: string): Problem | undefined {
  const payload = dataUrl.slice(dataUrl.indexOf(',') + 1).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) {
    return { rule: 'svg/malformed', message: 'the embedded PNG is not valid base64' };
  }
  const header = readPngHeader(Buffer.from(payload, 'base64'));
  if (!header.ok) return { rule: 'svg/malformed', message: `the embedded image is not a PNG: ${header.reason}` };
  const tooLarge = pixelLimitProblem(header.width, header.height);
  return tooLarge ? { rule: 'asset/too-large', message: `the embedded PNG is ${tooLarge}` } : undefined;
}

/**
 * CSS, in a style attribute or a <style> element: nothing may be imported and every url(),
 * src(), image() and image-set() must stay inside the logo. Escapes are refused outright
 * because `u\72l(` is also url( to a CSS parser.
 */
export function cssProblems(css: string): Problem[] {
  if (css.includes('\\')) {
    return [{ rule: 'svg/external-reference', message: 'CSS escapes (\\) are not allowed in a logo' }];
  }
  const problems: Problem[] = [];
  if (/@import/i.test(css)) {
    problems.push({ rule: 'svg/external-reference', message: 'a logo may not import style sheets (@import).' });
  }
  return problems.concat(functionProblems(css, /\b(url|src|image-set|image)\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi));
}

/**
 * A presentation attribute such as fill="url(#g)" takes only url(); librsvg parses these
 * as CSS too, so escapes are refused here as well.
 */
function urlProblems(value: string): Problem[] {
  if (value.includes('\\')) {
    return [{ rule: 'svg/external-reference', message: 'escapes (\\) are not allowed in a logo' }];
  }
  return functionProblems(value, /\b(url)\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))/gi);
}

function functionProblems(css: string, functions: RegExp): Problem[] {
  const problems: Problem[] = [];
  for (const match of css.matchAll(functions)) {
    const isUrl = (match[1] ?? '').toLowerCase() === 'url';
    const target = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (isUrl && /^#[^\s#]+$/.test(target)) continue;
    const problem =
      isUrl && PNG_DATA_URL.test(target)
        ? embeddedPngProblem(target)
        : {
            rule: 'svg/external-reference',
            message: `${clip(match[0])}…) refers outside the logo; only url(#id) and embedded data:image/png are allowed`,
          };
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The size the renderer will draw at: width/height when absolute, else the viewBox. */
function rootSizeProblem(tag: SaxesTagNS): { attribute?: string; message: string } | undefined {
  const attribute = (name: string) => tag.attributes[name]?.value;
  const viewBoxText = attribute('viewBox');
  let viewBox: { width: number; height: number } | undefined;
  if (viewBoxText !== undefined) {
    const parts = viewBoxText.trim().split(/[\s,]+/).map(Number);
    const [, , w, h] = parts;
    if (parts.length !== 4 || !parts.every(Number.isFinite) || w === undefined || h === undefined || w <= 0 || h <= 0) {
      return { attribute: 'viewBox', message: `viewBox="${clip(viewBoxText)}" must be four numbers with a positive width and height` };
    }
    viewBox = { width: w, height: h };
  }
  const sides: { name: 'width' | 'height'; px: number | undefined }[] = [];
  for (const name of ['width', 'height'] as const) {
    const value = attribute(name);
    if (value === undefined) {
      sides.push({ name, px: undefined });
      continue;
    }
    const px = lengthInPixels(value);
    if (px === null) return { attribute: name, message: `${name}="${clip(value)}" is not a length such as 120, 120px or 30mm` };
    if (px !== undefined && !(px > 0)) return { attribute: name, message: `${name}="${clip(value)}" must be more than 0` };
    sides.push({ name, px });
  }
  const width = sides[0]?.px ?? viewBox?.width;
  const height = sides[1]?.px ?? viewBox?.height;
  if (width === undefined || height === undefined) {
    return { message: 'the <svg> element needs a viewBox (or both width and height) so the logo has a known size' };
  }
  if (width > MAX_SVG_SIDE || height > MAX_SVG_SIDE) {
    const attr = sides.find((s) => s.px !== undefined && s.px > MAX_SVG_SIDE)?.name ?? (viewBox ? 'viewBox' : undefined);
    return {
      ...(attr ? { attribute: attr } : {}),
      message: `the logo's size (${Math.round(width)} × ${Math.round(height)} px) is more than ${MAX_SVG_SIDE} px a side; use a smaller width/height or viewBox`,
    };
  }
  return undefined;
}

const UNIT_PX: Record<string, number> = { '': 1, px: 1, pt: 96 / 72, pc: 16, mm: 96 / 25.4, cm: 96 / 2.54, in: 96, em: 16, ex: 8 };

/** Pixels for an absolute length, undefined for a percentage (relative), null when invalid. */
function lengthInPixels(value: string): number | undefined | null {
  const m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*(px|pt|pc|mm|cm|in|em|ex|%)?\s*$/i.exec(value);
  if (!m) return null;
  const unit = (m[2] ?? '').toLowerCase();
  if (unit === '%') return undefined;
  const px = Number(m[1]) * (UNIT_PX[unit] ?? 1);
  return Number.isFinite(px) ? px : null;
}

/**
 * saxes reports an attribute after its closing quote; walk back over the quoted value,
 * `=` and white space to the start of the name, so the diagnostic points at the name.
 */
function attributeStart(text: string, after: number): number {
  let i = after - 1;
  const quote = text[i];
  if (quote !== '"' && quote !== "'") return Math.max(0, text.lastIndexOf('<', after));
  i = text.lastIndexOf(quote, i - 1) - 1;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  if (text[i] === '=') i--;
  while (i > 0 && /\s/.test(text[i] ?? '')) i--;
  while (i > 0 && !/[\s<]/.test(text[i - 1] ?? '')) i--;
  return Math.max(0, i);
}

/** saxes prefixes messages with "file:line:column: "; the diagnostic carries the place. */
function plainSaxesMessage(message: string): string {
  return message.replace(/^(?:[^:]*:)?\d+:\d+:\s*/, '').replace(/\.$/, '');
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
