/**
 * The diagnostics of many jobs as one list. A value that does not fit (a profile's e-mail
 * address too wide for the contact card, a document's section too long for its page) is
 * found by every job that lays it out: four documents for one profile value, every
 * municipality for one document's text. It is one problem to fix at one place, so it is
 * reported once, at that place, naming the other leaflets it also spoils.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import { compareIds, jobKey } from './plan.js';

export interface JobDiagnostics {
  job: { municipality: string; document: string };
  diagnostics: readonly Diagnostic[];
}

/** Beyond this many, the other leaflets are counted, not named. */
const NAMED = 5;

/**
 * Per place (file, line, column), rule and severity: the diagnostics of the first job that
 * reported it, each naming the later jobs that reported the same there; theirs are dropped.
 */
export function oncePerPlace(results: readonly JobDiagnostics[]): Diagnostic[] {
  const byPlace = new Map<string, { job: string; list: Diagnostic[]; others: Set<string> }>();
  // In job order, whatever order the jobs finished in: `validate` and `build` say the same.
  const named = results.map((r) => ({ name: jobKey(r.job), diagnostics: r.diagnostics })).sort((a, b) => compareIds(a.name, b.name));
  for (const { name, diagnostics } of named) {
    for (const d of diagnostics) {
      const key = JSON.stringify([d.file, d.line, d.column, d.rule, d.severity]);
      const known = byPlace.get(key);
      if (!known) byPlace.set(key, { job: name, list: [d], others: new Set() });
      else if (known.job === name) known.list.push(d);
      else known.others.add(name);
    }
  }
  return [...byPlace.values()].flatMap(({ list, others }) => {
    if (others.size === 0) return list;
    const names = [...others];
    const more = names.length > NAMED ? ` and ${names.length - NAMED} more` : '';
    const also = ` The same here for ${names.slice(0, NAMED).join(', ')}${more}.`;
    return list.map((d) => ({ ...d, message: d.message.replace(/\s*$/, '') + also }));
  });
}
