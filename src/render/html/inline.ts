/**
 * Resolved inline content (runs) as HTML: bold and italic as `strong` and `em`, links as `a`
 * with the same typed targets as the PDF (`tel:` in E.164, `mailto:`, `https:`), their text as
 * printed. A link that spans several runs (a bold word inside it) is one `a`.
 */
import type { Run } from '../../resolve/runs.js';
import { html, joinHtml, type Html } from './markup.js';

function styled(run: Run): Html {
  // A hard line break inside a run (Markdown's trailing backslash) is a <br>.
  const parts = run.text.split('\n');
  let out = joinHtml(parts.map((p) => html`${p}`), '<br>');
  if (run.italic) out = html`<em>${out}</em>`;
  if (run.bold) out = html`<strong>${out}</strong>`;
  return out;
}

export interface InlineOptions {
  /** False inside a copy that is hidden from assistive technology (a pull quote): no focusable links. */
  links?: boolean;
}

export function inlineHtml(runs: readonly Run[], options: InlineOptions = {}): Html {
  const out: Html[] = [];
  for (let i = 0; i < runs.length; ) {
    const link = runs[i]!.link;
    let j = i + 1;
    while (j < runs.length && link && runs[j]!.link?.href === link.href) j++;
    const inner = joinHtml(runs.slice(i, j).map(styled));
    out.push(link && options.links !== false ? html`<a href="${link.href}">${inner}</a>` : inner);
    i = j;
  }
  return joinHtml(out);
}

/** The runs' text, for attributes and titles. */
export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('').replace(/\s+/g, ' ').trim();
}
