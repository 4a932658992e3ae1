/**
 * The commander program. Each command lives in its own file and returns an exit code:
 * 0 success (warnings allowed), 1 content or render errors, 2 usage errors.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { createRequire } from 'node:module';
import { EXIT_OK, EXIT_CONTENT, EXIT_USAGE } from './exit-codes.js';
import { mark } from '../build/trace.js';

const require = createRequire(import.meta.url);
const { version } = require('../../../package.json') as { version: string };


function formatOption(): Option {
  return new Option('--format <format>', 'how to report diagnostics')
    .choices(['text', 'json', 'github'])
    .default('text');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInt(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('expected a whole number of 1 or more');
  return Number(value);
}

function shard(value: string): { index: number; count: number } {
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(value);
  if (!m || Number(m[1]) > Number(m[2])) throw new InvalidArgumentError('expected I/N with 1 <= I <= N, e.g. 2/4');
  return { index: Number(m[1]), count: Number(m[2]) };
}

/** What `build` and `watch` both take: where the content and the output are, which part to build, on how many threads. */
function buildOptions(command: Command): Command {
  return command
    .option('--content <dir>', 'content folder', 'content')
    .option('--out <dir>', 'output folder', 'out')
    .option('--municipality <id>', 'only this municipality (repeatable)', collect, [] as string[])
    .option('--document <id>', 'only this document (repeatable)', collect, [] as string[])
    .option('--jobs <n>', 'worker threads (default: available cores)', positiveInt);
}

export function createProgram(): Command {
  const program = new Command();
  program
    .name('folderpers')
    .description('Validate and build branded, accessible leaflets and infographics per municipality.')
    .version(version, '-v, --version')
    .showHelpAfterError('(run folderpers --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  folderpers new bergen-op-zoom                    add a municipality (asks for its details on a terminal)
  folderpers validate                              check all content, report every problem
  folderpers validate --readability                add the B1 readability report per document and section
  folderpers build --municipality rotterdam        rebuild one municipality's leaflets
  folderpers build --shard 2/4 --format github     one quarter of the country, in CI
  folderpers watch --municipality huizen           rebuild Huizen's leaflets on every save
  folderpers build --municipality leiden --print   Leiden's leaflets, with the print-shop PDFs
  folderpers site site                             the review site of merged shards

Exit codes: 0 success (warnings allowed), 1 content or render errors, 2 usage errors.
Content layout, profile fields and every rule: see README.md.`,
    );

  program
    .command('validate')
    .description('check documents and municipality profiles against the schemas and content rules, and lay out every leaflet as build would')
    .option('--content <dir>', 'content folder', 'content')
    .option('--municipality <id>', 'only this municipality (repeatable)', collect, [] as string[])
    .option('--document <id>', 'lay out only this document (repeatable; every document is still checked)', collect, [] as string[])
    .option('--readability', 'also report the B1 figures per document and section', false)
    .addOption(formatOption())
    .action(async (opts) => {
      const { runValidate } = await import('./validate-command.js');
      process.exitCode = await runValidate(opts);
    });

  buildOptions(program.command('build'))
    .description('validate, then render PDFs, SVGs and PNGs per municipality into the output folder')
    .option('--shard <i/n>', 'build only shard I of N (municipalities split deterministically)', shard)
    .option('--force', 'render everything, even artifacts whose inputs did not change', false)
    .option('--print', 'also make the print-shop edition of every document (<document>.print.pdf: PDF/X-1a, FOGRA39, bleed and crop marks)', false)
    .addOption(formatOption())
    .action(async (opts) => {
      // Loaded per command: `build` starts its first worker before the validation code
      // (Markdown, YAML, schemas) has even loaded.
      const { runBuild } = await import('./build-command.js');
      process.exitCode = await runBuild(opts);
    });

  buildOptions(program.command('watch'))
    .description('build, then build the selection again whenever a document, profile, defaults or asset changes (Ctrl-C to stop)')
    .option('--print', 'also make the print-shop edition of every document', false)
    .addOption(formatOption())
    .action(async (opts) => {
      const { runWatch } = await import('./watch-command.js');
      process.exitCode = await runWatch(opts);
    });

  program
    .command('new')
    .description("add a municipality: its profile content/municipalities/<id>.yaml and folder, from options or, on a terminal, by asking")
    .argument('<id>', "the municipality's id: its name in lower case, hyphens for spaces, no diacritics (bergen-op-zoom)")
    .option('--content <dir>', 'content folder', 'content')
    .option('--name <name>', 'the name on every document, e.g. "Gemeente Bergen op Zoom"')
    .option('--organisation <name>', 'who residents contact for client support')
    .option('--phone <number>', 'a Dutch phone number as it should read, e.g. "0164 123 456"')
    .option('--email <address>', 'the e-mail address')
    .option('--website <url>', 'the https:// web address (also the QR code)')
    .option('--primary <colour>', 'the brand colour, #RRGGBB, at least 4.5:1 with white')
    .option('--logo <file>', 'an SVG or PNG logo, copied into the new folder')
    .option('--example', 'mark the details as invented (a demonstration profile: example: true)', false)
    .addHelpText(
      'after',
      `
Without a terminal every value must be given: a missing one is a usage error (exit 2).
Each value is checked as validate checks it; nothing is written until all pass (exit 1).
Example:
  folderpers new bergen-op-zoom --name "Gemeente Bergen op Zoom" --organisation "MEE West-Brabant" \\
    --phone "0164 123 456" --email info@mee-wb.nl --website https://www.mee-wb.nl --primary "#A3171E" --logo logo.svg`,
    )
    .action(async (id: string, opts) => {
      const { runNew } = await import('./new-command.js');
      process.exitCode = await runNew(id, opts);
    });

  const manifest = program.command('manifest').description('work with build manifests');
  manifest
    .command('merge')
    .description('print the manifest of a sharded build: the union of the shards\' manifest.json files')
    .argument('<manifests...>', 'manifest.json of each shard')
    .action(async (files: string[]) => {
      const { runManifestMerge } = await import('./manifest-command.js');
      process.exitCode = await runManifestMerge(files);
    });
  manifest
    .command('export')
    .description('copy exactly the files a manifest lists into a new folder, each checked against its sha256')
    .argument('<out>', 'the build output folder (with manifest.json)')
    .argument('<folder>', 'a new or empty folder')
    .action(async (out: string, folder: string) => {
      const { runManifestExport } = await import('./manifest-export.js');
      process.exitCode = await runManifestExport(out, folder);
    });

  program
    .command('site')
    .description('make the review site (index.html) of a folder from its manifest.json, e.g. after manifest merge')
    .argument('<folder>', 'folder with manifest.json and the files it lists')
    .action(async (folder: string) => {
      const { runSite } = await import('./site-command.js');
      process.exitCode = await runSite(folder);
    });

  return program;
}

export interface MainOptions {
  /**
   * Document kinds beyond the bundled four: ES modules (file: URLs) whose default export is a
   * kind definition (src/kinds/kind.ts), for programs that embed folderpers. Build workers
   * import the same modules.
   */
  kindModules?: readonly string[];
}

/** Runs the CLI; returns the exit code instead of exiting so tests can call it in-process. */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  mark('cli loaded');
  process.exitCode = undefined;
  const program = createProgram();
  try {
    if (options.kindModules?.length) {
      const { registerKindModule } = await import('../kinds/registry.js');
      for (const url of options.kindModules) await registerKindModule(url);
    }
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    // Not a user's mistake: an internal invariant broke. Say so plainly, without a stack.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`folderpers: internal error: ${message}\n`);
    return EXIT_CONTENT;
  }
}
