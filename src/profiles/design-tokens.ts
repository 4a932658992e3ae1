/**
 * A municipality's NL Design System design tokens (profile `brand.tokens`): the JSON tree
 * that token packages publish (`dist/tokens.json` of @utrecht/design-tokens, a theme's
 * `tokens.json`, or any DTCG file: leaves are strings or `{ "value" | "$value": … }`,
 * references are `{utrecht.color.blue-35}`). The web edition reads only the tokens its
 * style sheet uses (src/render/html/style.ts); each is checked — a colour must be a plain
 * opaque colour, a font a list of family names — and turned into a value that cannot be
 * anything but that in CSS. Colour pairs must reach WCAG AA contrast. Problems are
 * diagnostics at the token's line in the JSON file.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { SourceText } from '../content/source-text.js';
import { diagnostic, fileStart, type Diagnostic, type SourceRef } from '../diagnostics/index.js';
import { contrast, toHex, type Rgb } from '../layout/color.js';
import { pageTokens, TOKEN_NAMES, type TokenName, type Tokens } from '../render/html/style.js';

export interface DesignTokens {
  /** The tokens the file sets (of those the web edition uses), as safe CSS values. */
  values: Partial<Tokens>;
  diagnostics: Diagnostic[];
}

const MAX_REFERENCE_DEPTH = 16;

interface Leaf {
  value: string;
  /** Path in the JSON tree, for finding the value's place when there is something to report. */
  path: string[];
}

/** Every leaf of the tree by its token name, the path joined with `-` (`utrecht-document-color`). */
function leaves(tree: unknown): Map<string, Leaf> {
  const out = new Map<string, Leaf>();
  const walk = (node: unknown, path: string[], name: string[]) => {
    if (typeof node === 'string' || typeof node === 'number') {
      out.set(name.join('-'), { value: String(node), path });
      return;
    }
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    const record = node as Record<string, unknown>;
    // A token object: its `value` (Style Dictionary) or `$value` (DTCG) is the leaf.
    for (const key of ['$value', 'value']) {
      const v = record[key];
      if (typeof v === 'string' || typeof v === 'number') return walk(v, [...path, key], name);
    }
    for (const [key, child] of Object.entries(record)) if (!key.startsWith('$')) walk(child, [...path, key], [...name, key]);
  };
  walk(tree, [], []);
  return out;
}

/** `{utrecht.color.blue-35}` → that token's value, followed through chains of references. */
function resolveReferences(value: string, all: Map<string, { value: string }>): string | undefined {
  let current = value;
  for (let depth = 0; depth < MAX_REFERENCE_DEPTH; depth++) {
    const ref = /^\{([^{}]+)\}$/.exec(current.trim());
    if (!ref) return current;
    const target = all.get(ref[1]!.split('.').join('-'));
    if (!target) return undefined;
    current = target.value;
  }
  return undefined;
}

/** A CSS colour as RGB, for the forms token files use; undefined for anything else (or not opaque). */
export function parseCssColour(value: string): Rgb | undefined {
  const v = value.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex) {
    const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  if (v === 'white') return [255, 255, 255];
  if (v === 'black') return [0, 0, 0];
  const fn = /^(rgba?|hsla?)\(\s*([^()]*)\)$/.exec(v);
  if (!fn) return undefined;
  const parts = fn[2]!.split(/\s*[,/]\s*|\s+/).filter((p) => p !== '');
  if (parts.length === 4) {
    const alpha = parts.pop()!;
    const a = alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha);
    if (a !== 1) return undefined;
  }
  if (parts.length !== 3) return undefined;
  if (fn[1]!.startsWith('rgb')) {
    const rgb = parts.map((p) => (p.endsWith('%') ? (Number(p.slice(0, -1)) * 255) / 100 : Number(p)));
    return rgb.every((c) => Number.isFinite(c) && c >= 0 && c <= 255) ? (rgb.map((c) => Math.round(c)) as Rgb) : undefined;
  }
  const h = Number(parts[0]!.replace(/deg$/, ''));
  const s = Number(parts[1]!.replace(/%$/, '')) / 100;
  const l = Number(parts[2]!.replace(/%$/, '')) / 100;
  if (![h, s, l].every(Number.isFinite) || s < 0 || s > 1 || l < 0 || l > 1) return undefined;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const hp = (((h % 360) + 360) % 360) / 60;
  const x = c * (1 - Math.abs((hp % 2) - 1));
  const [r, g, b] = hp < 1 ? [c, x, 0] : hp < 2 ? [x, c, 0] : hp < 3 ? [0, c, x] : hp < 4 ? [0, x, c] : hp < 5 ? [x, 0, c] : [c, 0, x];
  const m = l - c / 2;
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as Rgb;
}

/** A font-family list of names and generic families only: nothing else can reach the CSS. */
function safeFontFamily(value: string): string | undefined {
  const families = value.split(',').map((f) => f.trim());
  if (families.length === 0 || families.length > 12 || value.length > 300) return undefined;
  const ok = families.every((f) => /^"[\p{L}\p{N} ._-]+"$/u.test(f) || /^'[\p{L}\p{N} ._-]+'$/u.test(f) || /^[\p{L}][\p{L}\p{N} _-]*$/u.test(f));
  return ok ? families.map((f) => f.replace(/^'(.*)'$/, '"$1"')).join(', ') : undefined;
}

/** Colour pairs that carry text (4.5:1) or mark focus (3:1, WCAG 1.4.11). */
const PAIRS: Array<[TokenName, TokenName, number]> = [
  ['utrecht-document-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-heading-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-link-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-link-hover-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-link-visited-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-blockquote-content-color', 'utrecht-document-background-color', 4.5],
  ['utrecht-page-header-color', 'utrecht-page-header-background-color', 4.5],
  ['utrecht-page-footer-color', 'utrecht-page-footer-background-color', 4.5],
  ['nl-skip-link-color', 'nl-skip-link-background-color', 4.5],
  ['utrecht-focus-outline-color', 'utrecht-document-background-color', 3],
];

/**
 * Reads a token file. `brand` is the profile's primary colour: tokens the file leaves out
 * keep the values the brand colour gives them, and contrast is checked on the result.
 */
export function readDesignTokens(file: string, text: string, brand: string): DesignTokens {
  const source = new SourceText(file, text);
  const diagnostics: Diagnostic[] = [];
  let data: unknown;
  try {
    // JSON.parse is fifty times quicker than a parser that keeps places; places are looked
    // up only for what there is to report.
    data = JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    diagnostics.push(diagnostic(source.at(first?.offset ?? 0), 'tokens/json', `this is not valid JSON: ${first ? printParseErrorCode(first.error) : 'unreadable'}`));
    return { values: {}, diagnostics };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push(diagnostic(fileStart(file), 'tokens/format', 'a design token file is a JSON object of token groups, e.g. { "utrecht": { "document": { "color": { "value": "#1A1A1A" } } } }'));
    return { values: {}, diagnostics };
  }
  let tree: ReturnType<typeof parseTree> | undefined;
  const placeOf = (leaf: Leaf): SourceRef => {
    tree ??= parseTree(text);
    const node = tree && findNodeAtLocation(tree, leaf.path);
    return node ? source.at(node.offset) : fileStart(file);
  };
  const all = leaves(data);
  const values: Partial<Tokens> = {};
  const found = new Map<TokenName, Leaf>();
  for (const name of TOKEN_NAMES) {
    const leaf = all.get(name);
    if (!leaf) continue;
    found.set(name, leaf);
    const resolved = resolveReferences(leaf.value, all);
    if (resolved === undefined) {
      diagnostics.push(diagnostic(placeOf(leaf), 'tokens/reference', `${name} refers to a token the file does not have (or to itself): ${leaf.value}`));
      continue;
    }
    if (name.endsWith('-color')) {
      const rgb = parseCssColour(resolved);
      if (rgb) values[name] = toHex(rgb);
      else diagnostics.push(diagnostic(placeOf(leaf), 'tokens/value', `${name} is '${resolved}'; write an opaque colour as #RRGGBB, rgb(…) or hsl(…)`));
    } else {
      const font = safeFontFamily(resolved);
      if (font) values[name] = font;
      else diagnostics.push(diagnostic(placeOf(leaf), 'tokens/value', `${name} is '${resolved}'; write a list of font family names, e.g. "Noto Sans", Arial, sans-serif`));
    }
  }
  const merged = pageTokens(brand, values);
  for (const [fg, bg, ratio] of PAIRS) {
    if (values[fg] === undefined && values[bg] === undefined) continue;
    const r = contrast(merged[fg], merged[bg]);
    if (r >= ratio) continue;
    const leaf = found.get(values[fg] !== undefined ? fg : bg);
    diagnostics.push(
      diagnostic(
        leaf ? placeOf(leaf) : fileStart(file),
        'tokens/contrast',
        `${fg} ${merged[fg]} on ${bg} ${merged[bg]} has a contrast of ${r.toFixed(2)}:1; the web pages need at least ${ratio}:1 (WCAG 2.1 AA)`,
      ),
    );
  }
  return { values, diagnostics };
}
