/**
 * Writes the structure tree from frames. Elements are created for every StructNode up
 * front; an element joins its parent when its first content is drawn, so the order of
 * kids (marked content, child elements, link annotations) is the drawing order, which the
 * layout keeps in reading order.
 */
import type { StructNode } from '../../layout/frames.js';
import type { PdfDocInternals, PdfRef } from '../../patches/index.js';

type Kid = { node: number } | { mcid: number; page: PdfRef } | { annot: PdfRef; page: PdfRef };

export class StructureWriter {
  private readonly refs = new Map<number, PdfRef>();
  private readonly parent = new Map<number, number>();
  private readonly roles = new Map<number, string>();
  private readonly alts = new Map<number, string>();
  private readonly kids = new Map<number, Kid[]>();
  private readonly attached = new Set<number>();
  private readonly rootId: number;

  constructor(
    private readonly doc: PdfDocInternals,
    root: StructNode,
  ) {
    this.rootId = root.id;
    const visit = (n: StructNode, parent: number | undefined) => {
      const data: Record<string, unknown> = { Type: 'StructElem', S: n.role };
      if (n.alt && n.role !== 'Link') data.Alt = new String(n.alt);
      this.refs.set(n.id, doc.ref(data));
      this.roles.set(n.id, n.role);
      if (n.alt) this.alts.set(n.id, n.alt);
      this.kids.set(n.id, []);
      if (parent !== undefined) this.parent.set(n.id, parent);
      n.children.forEach((c) => visit(c, n.id));
    };
    visit(root, undefined);
    this.attached.add(root.id);
  }

  role(node: number): string {
    return this.roles.get(node) ?? 'Span';
  }

  /** Alternative text or, for a Link, its description. */
  alt(node: number): string | undefined {
    return this.alts.get(node);
  }

  private attach(node: number): void {
    if (this.attached.has(node)) return;
    const parent = this.parent.get(node);
    if (parent === undefined) return;
    this.attach(parent);
    this.kids.get(parent)!.push({ node });
    this.attached.add(node);
  }

  /** Opens marked content for `node` on the current page; close with doc.endMarkedContent(). */
  beginContent(node: number): void {
    this.attach(node);
    const content = this.doc.markStructureContent(this.role(node));
    const { pageRef, mcid } = content.refs[0]!;
    const parents = this.doc.getStructParentTree().get(this.doc.page.structParentTreeKey);
    parents[mcid] = this.refs.get(node)!;
    this.kids.get(node)!.push({ mcid, page: pageRef });
  }

  /** For pdfkit's `structParent` option: files the annotation under the Link element. */
  annotationParent(node: number): { add(child: { annotationRef: PdfRef }): void } {
    return {
      add: ({ annotationRef }) => {
        this.attach(node);
        const key = this.doc.createStructParentTreeNextKey();
        annotationRef.data.StructParent = key;
        this.doc.getStructParentTree().add(key, this.refs.get(node)!);
        this.kids.get(node)!.push({ annot: annotationRef, page: this.doc.page.dictionary });
      },
    };
  }

  /** Writes every attached element; called once after the last page. */
  finish(): void {
    for (const [id, ref] of this.refs) {
      if (!this.attached.has(id)) continue;
      const parent = this.parent.get(id);
      ref.data.P = parent === undefined ? this.doc.getStructTreeRoot() : this.refs.get(parent)!;
      ref.data.K = this.kids.get(id)!.map((k) => {
        if ('node' in k) return this.refs.get(k.node)!;
        if ('mcid' in k) return { Type: 'MCR', Pg: k.page, MCID: k.mcid };
        return { Type: 'OBJR', Obj: k.annot, Pg: k.page };
      });
      ref.end();
    }
    const root = this.doc.getStructTreeRoot();
    root.data.K = [this.refs.get(this.rootId)!];
  }
}
