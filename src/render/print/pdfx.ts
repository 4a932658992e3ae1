/**
 * The PDF/X-1a:2003 identification (ISO 15930-4): the Info entries a preflight reads first
 * (GTS_PDFXVersion, Trapped), the same in the XMP packet (both the pdfx and the pdfxid
 * schemas, as prepress programs write them), and the OutputIntent naming the registered
 * output condition FOGRA39 with the profile that characterises it.
 */
import { appendXmp, pdfName, setCatalogEntry } from '../../patches/index.js';
import type { Doc } from '../pdf/render.js';
import { OUTPUT_CONDITION, printProfile } from './colour/profile.js';

export const PDFX_VERSION = 'PDF/X-1a:2003';

export function pdfxInfo(): Record<string, unknown> {
  return {
    GTS_PDFXVersion: PDFX_VERSION,
    GTS_PDFXConformance: PDFX_VERSION,
    // Nobody trapped the file: the print shop's RIP may, as it does for any PDF/X.
    Trapped: pdfName('False'),
  };
}

export function writePdfx(doc: Doc, modified: Date): void {
  const profile = printProfile();
  const icc = doc.ref({ N: 4 });
  icc.end(profile.bytes);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: new String(OUTPUT_CONDITION.identifier),
    OutputCondition: new String(OUTPUT_CONDITION.info),
    RegistryName: new String(OUTPUT_CONDITION.registry),
    Info: new String(OUTPUT_CONDITION.info),
    DestOutputProfile: icc,
  });
  intent.end();
  setCatalogEntry(doc, 'OutputIntents', [intent]);
  const date = modified.toISOString().split('.')[0] + 'Z';
  appendXmp(
    doc,
    `
        <rdf:Description rdf:about="" xmlns:pdfx="http://ns.adobe.com/pdfx/1.3/" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
            <pdfx:GTS_PDFXVersion>${PDFX_VERSION}</pdfx:GTS_PDFXVersion>
            <pdfx:GTS_PDFXConformance>${PDFX_VERSION}</pdfx:GTS_PDFXConformance>
            <pdfxid:GTS_PDFXVersion>${PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <pdf:Trapped>False</pdf:Trapped>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${date}</xmp:ModifyDate>
            <xmp:MetadataDate>${date}</xmp:MetadataDate>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
            <dc:format>application/pdf</dc:format>
        </rdf:Description>
        `,
  );
}
