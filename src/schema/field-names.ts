/**
 * JSON pointers as a communication officer would name the place: `/contact/phone` →
 * "contact.phone", `/body/moments/0/tasks/1` → "moment 1, task 2".
 */

const SINGULAR: Record<string, string> = {
  moments: 'moment',
  tasks: 'task',
  sections: 'section',
  blocks: 'block',
  items: 'item',
  paragraphs: 'paragraph',
  layers: 'layer',
  colophon: 'colophon paragraph',
  description: 'description paragraph',
  intro: 'intro block',
};

/** Containers that only group the document; they are not part of what an author sees. */
const HIDDEN_ROOTS = new Set(['frontmatter', 'body']);

export function pointerSegments(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function fieldName(segments: readonly string[]): string {
  const parts: string[] = [];
  let dotted = '';
  segments.forEach((seg, i) => {
    if (i === 0 && HIDDEN_ROOTS.has(seg) && segments.length > 1) return;
    const next = segments[i + 1];
    if (/^\d+$/.test(seg)) return; // consumed by the array name before it
    if (next !== undefined && /^\d+$/.test(next)) {
      if (dotted) parts.push(dotted);
      dotted = '';
      parts.push(`${SINGULAR[seg] ?? `${seg} item`} ${Number(next) + 1}`);
    } else {
      dotted = dotted ? `${dotted}.${seg}` : seg;
    }
  });
  if (dotted) parts.push(dotted);
  return parts.join(', ') || 'the file';
}
