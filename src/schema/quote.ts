/**
 * An author's value inside a message: on one line and cut short, so that a pasted
 * paragraph or a block scalar cannot break the report's layout.
 */
export function quote(value: string, max = 60): string {
  const line = value.replace(/\s+/g, ' ').trim();
  return `'${line.length > max ? `${line.slice(0, max - 1)}…` : line}'`;
}
