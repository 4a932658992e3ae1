/**
 * The leaflet against Typst, as issue 14 asks: the marginal cost of one more municipality's
 * parent leaflet (4 against 40 in one run), folderpers measured by bench/cold-start.ts and
 * Typst here, compiling the same text (ouderfolder.md turned into Typst markup: headings,
 * paragraphs, lists, quotes, links; the municipality's name, phone number and e-mail
 * address on it; the bundled font) to PDF in one warm compiler. Typst is not a dependency
 * of folderpers: the row is measured when `@myriaddreamin/typst-ts-node-compiler` can be
 * imported (`npm install --no-save @myriaddreamin/typst-ts-node-compiler`), else reported
 * as not measured.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface TypstCompiler {
  pdf(input: { mainFileContent: string }): Uint8Array;
}

interface TypstModule {
  NodeCompiler: { create(options: { fontArgs: { fontPaths: string[] }[] }): TypstCompiler };
}

export interface TypstCost {
  version: string;
  /** Seconds per leaflet beyond the first four. */
  perLeaflet: number;
}

/** Markup characters escaped in running text. */
function escaped(text: string): string {
  return text.replace(/[\\#$*_<>@`=\[\]~]/g, (c) => `\\${c}`);
}

function inline(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\[([^\]]*)\]\(([^)]*)\)/g)) {
    out += escaped(text.slice(last, m.index)) + `#link(${JSON.stringify(m[2])})[${escaped(m[1]!)}]`;
    last = m.index! + m[0].length;
  }
  return out + escaped(text.slice(last));
}

/** The leaflet's body in Typst markup, its placeholders filled for municipality `i`. */
function typstLeaflet(markdown: string, i: number): string {
  const body = markdown.replace(/^---[\s\S]*?\n---\n/, '').replace(/\{\{[^}]*\}\}/g, `Gemeente ${i}`);
  const blocks = body.split(/\n\s*\n/).map((block) => {
    const text = block.replace(/\n(?![-*] )/g, ' ').trim();
    if (text.startsWith('#')) return `${'='.repeat(text.match(/^#+/)![0].length)} ${inline(text.replace(/^#+\s*/, ''))}`;
    if (text.startsWith('>')) return `#quote(block: true)[${inline(text.replace(/(^|\s)>\s?/g, ' ').trim())}]`;
    if (/^[-*] /.test(text)) return text.split('\n').map((line) => `- ${inline(line.replace(/^[-*]\s*/, ''))}`).join('\n');
    return inline(text);
  });
  return [
    `#set document(title: "Onafhankelijke cliëntondersteuning – Gemeente ${i}")`,
    '#set text(font: "Source Sans 3", lang: "nl", size: 10pt)',
    '#set page(paper: "a4", margin: 2cm)',
    '#set par(justify: false)',
    ...blocks,
    `Bel 010 282 ${String(i % 100).padStart(2, '0')} 11 of mail naar clientondersteuning\\@gemeente${i}.nl.`,
    '',
  ].join('\n\n');
}

export async function typstLeafletCost(toolRoot: string): Promise<TypstCost | string> {
  let typst: TypstModule;
  let version: string;
  try {
    const require = createRequire(join(toolRoot, 'package.json'));
    const name = '@myriaddreamin/typst-ts-node-compiler';
    typst = (await import(require.resolve(name))) as TypstModule;
    version = (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'not measured: Typst is not installed (npm install --no-save @myriaddreamin/typst-ts-node-compiler)';
  }
  const fonts = join(dirname(createRequire(join(toolRoot, 'package.json')).resolve('source-sans/package.json')), 'TTF');
  const markdown = await readFile(join(toolRoot, 'content', 'documents', 'ouderfolder.md'), 'utf8');
  const compiler = typst.NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
  const run = (count: number) => {
    const started = performance.now();
    for (let i = 0; i < count; i++) compiler.pdf({ mainFileContent: typstLeaflet(markdown, i) });
    return (performance.now() - started) / 1000;
  };
  run(1); // the compiler's fonts and caches warm, as folderpers' workers are
  const four = run(4);
  const forty = run(40);
  return { version: `typst-ts-node-compiler ${version}`, perLeaflet: (forty - four) / 36 };
}
