/**
 * `<use>` draws another part of the logo again. A `<use>` of a part that itself holds a
 * `<use>` multiplies: ten groups of ten uses make 10^10 shapes out of 100 elements, the SVG
 * form of "billion laughs". librsvg gives up after 500,000 and fails the render, so such a
 * logo is refused when it is validated, as is one whose uses add up to too many shapes.
 */
export const MAX_USE_INSTANCES = 10_000;

export class UseTracker {
  private readonly open: { id: string | undefined; start: number }[] = [];
  private readonly sizes = new Map<string, number>();
  private readonly holdsUse = new Set<string>();
  private readonly uses: { target: string; offset: number }[] = [];

  /** An element opens; `index` is its number in document order. */
  enter(index: number, offset: number, id: string | undefined, use: { href: string | undefined } | undefined): void {
    if (use) {
      for (const ancestor of this.open) if (ancestor.id !== undefined) this.holdsUse.add(ancestor.id);
      if (id !== undefined) this.holdsUse.add(id);
      if (use.href?.startsWith('#')) this.uses.push({ target: use.href.slice(1), offset });
    }
    this.open.push({ id, start: index });
  }

  /** The innermost open element closes; `lastIndex` is the number of the last element seen. */
  leave(lastIndex: number): void {
    const element = this.open.pop();
    if (element?.id !== undefined) this.sizes.set(element.id, lastIndex - element.start + 1);
  }

  problems(): { offset: number; message: string }[] {
    const out: { offset: number; message: string }[] = [];
    const nested = this.uses.find((u) => this.holdsUse.has(u.target));
    if (nested) {
      out.push({
        offset: nested.offset,
        message: `this <use> repeats '#${nested.target}', which itself contains a <use>; repeat plain shapes only`,
      });
    }
    let instances = 0;
    for (const use of this.uses) {
      instances += this.sizes.get(use.target) ?? 0;
      if (instances > MAX_USE_INSTANCES) {
        out.push({ offset: use.offset, message: `the <use> elements repeat more than ${MAX_USE_INSTANCES} shapes in all; simplify the logo` });
        break;
      }
    }
    return out;
  }
}
