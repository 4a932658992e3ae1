/**
 * Run by the tool's build last (`npm run build`, `prepare`, `test`, `bench`): bundles each
 * entry point (bundles.ts) with esbuild into one CommonJS file, then runs the CLI once on
 * the bundled content (`validate`, then `build` of every municipality, into a temporary
 * folder) with FOLDERPERS_CODE_CACHE=write, so each bundle's V8 code cache holds what a
 * real build compiles. The caches only save time; the code that runs is the same.
 *
 * Bundled code keeps each module's own `import.meta.url` (its file under dist/src or
 * node_modules), so templates, schemas, fonts and the precompiled validators are found
 * where they are; sharp stays outside, as it loads its native library by path.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { TOOL_ROOT } from '../build/tool-root.js';
import { BUNDLE_DIR, BUNDLES, bundleFile, type BundleName } from './bundles.js';

/** Every module's `import.meta.url` as the URL of the file it came from, relative to the bundle. */
const sourceUrls: Plugin = {
  name: 'source-urls',
  setup(b) {
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const from = JSON.stringify(relative(BUNDLE_DIR, args.path));
      return { contents: text.replaceAll('import.meta.url', `__folderpersSourceUrl(${from})`), loader: 'js' };
    });
  },
};

/**
 * pdfkit imports AES only to encrypt a PDF, which folderpers never asks for (no passwords
 * are passed), and the AES module builds its lookup tables when it loads: ~20 ms of every
 * worker's start, before its first job. The bundles get a module that refuses instead.
 */
const noPdfEncryption: Plugin = {
  name: 'no-pdf-encryption',
  setup(b) {
    b.onResolve({ filter: /^@noble\/ciphers\/aes(\.js)?$/ }, () => ({ path: 'aes', namespace: 'folderpers-no-encryption' }));
    b.onLoad({ filter: /.*/, namespace: 'folderpers-no-encryption' }, () => ({
      contents: "const refuse = () => { throw new Error('folderpers does not encrypt PDFs'); };\nexport const cbc = refuse;\nexport const ecb = refuse;\n",
      loader: 'js',
    }));
  },
};

async function bundle(name: BundleName): Promise<void> {
  const { metafile } = await build({
    metafile: true,
    entryPoints: [join(TOOL_ROOT, BUNDLES[name])],
    outfile: bundleFile(name),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The ES module builds: jsonc-parser's CommonJS one is UMD, which esbuild cannot follow.
    mainFields: ['module', 'main'],
    external: ['sharp'],
    plugins: [sourceUrls, noPdfEncryption],
    banner: {
      js: "const __folderpersSourceUrl = (from) => require('node:url').pathToFileURL(require('node:path').join(__dirname, from)).href;",
    },
    logLevel: 'warning',
  });
  // A dynamic import() left in a bundle fails once its function comes from the code cache.
  const left = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import' && i.external));
  if (left.length > 0) throw new Error(`${name}: import() of ${left.map((i) => i.path).join(', ')} left in the bundle; use importModule (src/bundle/import-module.ts)`);
}

/** One CLI run that writes the code caches; a failure fails the tool's build. */
function train(args: string[]): void {
  const cli = join(TOOL_ROOT, 'bin', 'folderpers.js');
  const run = spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, FOLDERPERS_CODE_CACHE: 'write', FOLDERPERS_TRACE: '', NO_COLOR: '1' },
    encoding: 'utf8',
  });
  // validate exits 1 on errors in the bundled content, which the build would report too.
  if (run.status !== 0) throw new Error(`folderpers ${args.join(' ')} exited with ${run.status}\n${run.stderr}`);
}

rmSync(BUNDLE_DIR, { recursive: true, force: true });
mkdirSync(BUNDLE_DIR, { recursive: true });
for (const name of Object.keys(BUNDLES) as BundleName[]) await bundle(name);

const content = join(TOOL_ROOT, 'content');
const out = mkdtempSync(join(tmpdir(), 'folderpers-train-'));
try {
  train(['validate', '--content', content, '--format', 'json']);
  train(['build', '--content', content, '--out', join(out, 'out'), '--jobs', '1', '--format', 'json']);
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(`folderpers: ${Object.keys(BUNDLES).length} bundles and their code caches in ${relative(TOOL_ROOT, BUNDLE_DIR)}/`);
