/**
 * HTML as values, not strings: everything the web edition writes goes through `html`, a
 * tagged template whose literal parts are trusted markup and whose interpolations are
 * escaped unless they are already Html. Content (names, headings, addresses) can then never
 * become markup, whatever it holds. The one escaping function is `escapeHtml`.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes for text and for quoted attribute values alike; drops what HTML may not hold. */
export function escapeHtml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const MARK = Symbol('html');

export interface Html {
  readonly [MARK]: true;
  readonly markup: string;
}

function trusted(markup: string): Html {
  return { [MARK]: true, markup };
}

export function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && MARK in value;
}

export type Interpolation = Html | string | number | false | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value === false || value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (isHtml(value)) return value.markup;
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: literal parts as written, interpolations escaped (Html inserted as is, arrays joined, false/null/undefined left out). */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return trusted(out);
}

/** Markup the program itself wrote — its style sheet (from checked values), its search script — never content: inserted as it is. */
export function trustedMarkup(markup: string): Html {
  return trusted(markup);
}

export function joinHtml(parts: readonly Html[], separator = ''): Html {
  return trusted(parts.map((p) => p.markup).join(separator));
}
