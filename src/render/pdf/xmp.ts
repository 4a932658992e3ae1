/**
 * pdfkit writes the Info values into the XMP packet without escaping, so a title or name
 * holding `&` or `<` makes the metadata stream malformed XML. The Info dictionary must keep
 * the real text; only the XMP copy is escaped.
 */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

interface DocWithInfo {
  info: Record<string, unknown>;
  _addInfo: () => void;
}

export function escapeXmpInfo(doc: object): void {
  const d = doc as DocWithInfo;
  const original = d._addInfo;
  if (typeof original !== 'function') return;
  d._addInfo = function (this: DocWithInfo) {
    const saved = this.info;
    const escaped: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(saved)) escaped[k] = typeof v === 'string' ? escapeXml(v) : v;
    this.info = escaped;
    try {
      original.call(this);
    } finally {
      this.info = saved;
    }
  };
}
