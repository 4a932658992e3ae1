/**
 * The readability report as text (`folderpers validate --readability`): one table per
 * document, a row per section and one for the whole document, then the municipalities'
 * own section files. `--format json` prints the same figures as data (see README).
 */
import type { DocumentReport, ReadabilityReport } from './index.js';
import type { Figures } from './readability.js';

const COLUMNS = ['sentences', 'avg', 'max', '>20 words', 'long words', 'passive', 'officialese', 'Flesch–Douma'] as const;

function cells(f: Figures): string[] {
  return [
    String(f.sentences),
    f.sentences ? f.averageSentenceWords.toFixed(1) : '–',
    f.sentences ? String(f.longestSentenceWords) : '–',
    f.sentences ? `${Math.round(f.longSentencePercent)} %` : '–',
    f.sentences ? `${Math.round(f.longWordPercent)} %` : '–',
    String(f.passives),
    String(f.officialese),
    f.fleschDouma === null ? '–' : f.fleschDouma.toFixed(0),
  ];
}

function table(rows: [string, Figures][]): string[] {
  const body = rows.map(([name, f]) => [name, ...cells(f)]);
  const head = ['', ...COLUMNS];
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]): string => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)];
}

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}

function documentTable(doc: DocumentReport, shown: (file: string) => string): string[] {
  const rows: [string, Figures][] = doc.sections.map((s) => [clip(s.id, 42), s]);
  rows.push(['whole document', doc]);
  const longest = doc.longestAt ? `; longest sentence at ${doc.longestAt.line}:${doc.longestAt.column}` : '';
  return [`${shown(doc.file)} (${doc.title})${longest}`, ...table(rows), ''];
}

export function readabilityText(report: ReadabilityReport, shown: (file: string) => string): string {
  const lines = ['Readability (B1)', ''];
  for (const doc of report.documents) lines.push(...documentTable(doc, shown));
  if (report.localSections.length > 0) {
    lines.push('Local sections');
    lines.push(...table(report.localSections.map((s) => [clip(`${shown(s.file)} (${s.municipality}: ${s.document} › ${s.section})`, 70), s])), '');
  }
  lines.push(
    'avg, max: words per sentence; >20 words: share of sentences longer than 20 words; long words: share of',
    'words of 4 or more syllables; passive, officialese: findings in running text, as the warnings give them;',
    'Flesch–Douma: reading ease, higher is easier (60–70 normal, under 30 very hard; see README for its limits).',
  );
  return lines.join('\n') + '\n';
}
