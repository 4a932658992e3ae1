/**
 * Builds the structure tree while blocks are laid out, so node ids follow reading order.
 */
import type { StructNode, StructRole } from './frames.js';

export class StructureBuilder {
  readonly root: StructNode = { id: 0, role: 'Document', children: [] };
  private nextId = 1;

  add(parent: StructNode, role: StructRole, extra: { alt?: string; href?: string } = {}): StructNode {
    const node: StructNode = { id: this.nextId++, role, children: [], ...extra };
    parent.children.push(node);
    return node;
  }
}
