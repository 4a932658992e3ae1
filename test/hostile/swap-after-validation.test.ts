/**
 * A logo, a house font or a local section file replaced on disk after validation, while
 * the build renders (here: at the very moment the validated content is handed to the
 * workers, by a preloaded hook in the real CLI). The build must render what it checked:
 * its artifacts are byte-identical to an undisturbed build's, although the replacements
 * would fail validation (a logo with <text>) or print something else (another font, another
 * phone number). The next build validates the files as they now are and refuses them.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeWorkspace, runCli } from './workspace.js';

const HOOK = pathToFileURL(path.join(import.meta.dirname, 'swap-after-validation.mjs')).href;
const FONTS = path.join(path.dirname(createRequire(import.meta.url).resolve('source-sans/package.json')), 'TTF');
const workspaces: string[] = [];
afterAll(() => Promise.all(workspaces.map(removeWorkspace)));

async function artifacts(dir: string, out: string): Promise<Record<string, string>> {
  const manifest = JSON.parse(await readFile(path.join(dir, out, 'manifest.json'), 'utf8')) as { artifacts: { path: string; sha256: string }[] };
  return Object.fromEntries(manifest.artifacts.map((a) => [a.path, a.sha256]));
}

describe('a content file swapped between validation and rendering', () => {
  it('never reaches an output: the build renders the bytes it checked', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const muni = path.join(dir, 'content', 'municipalities');
    // Rotterdam with a house font, so that a font can be swapped too.
    await mkdir(path.join(muni, 'rotterdam', 'fonts'));
    for (const [face, file] of [['Regular', 'SourceSans3-Light.ttf'], ['Bold', 'SourceSans3-Semibold.ttf'], ['Italic', 'SourceSans3-LightIt.ttf']]) {
      await copyFile(path.join(FONTS, file!), path.join(muni, 'rotterdam', 'fonts', `House-${face}.ttf`));
    }
    const profile = await readFile(path.join(muni, 'rotterdam.yaml'), 'utf8');
    await writeFile(
      path.join(muni, 'rotterdam.yaml'),
      profile.replace(
        '  logo: rotterdam/logo.svg\n',
        '  logo: rotterdam/logo.svg\n  font:\n    regular: rotterdam/fonts/House-Regular.ttf\n    bold: rotterdam/fonts/House-Bold.ttf\n    italic: rotterdam/fonts/House-Italic.ttf\n',
      ),
    );
    // The replacements: a logo that validation refuses (text drawn with the machine's fonts,
    // in magenta), another face, a section text with another phone number.
    const swaps = path.join(dir, 'swaps');
    await mkdir(swaps);
    await writeFile(
      path.join(swaps, 'logo.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80"><rect width="200" height="80" fill="#FF00FF"/><text x="10" y="50">Evil</text></svg>\n',
    );
    await copyFile(path.join(FONTS, 'SourceSans3-ExtraLight.ttf'), path.join(swaps, 'House-Regular.ttf'));
    const section = await readFile(path.join(muni, 'rotterdam', 'aanvragen.md'), 'utf8');
    await writeFile(path.join(swaps, 'aanvragen.md'), section.replace('{{contact.phone}}', '020 555 12 34'));
    const plan = [
      { file: path.join(muni, 'rotterdam', 'logo.svg'), replacement: path.join(swaps, 'logo.svg') },
      { file: path.join(muni, 'rotterdam', 'fonts', 'House-Regular.ttf'), replacement: path.join(swaps, 'House-Regular.ttf') },
      { file: path.join(muni, 'rotterdam', 'aanvragen.md'), replacement: path.join(swaps, 'aanvragen.md') },
    ];

    // The guide carries the section file; the infographic the logo in every format; both the font.
    const build = ['build', '--municipality', 'rotterdam', '--document', 'wijzer-professionals', '--document', 'taak-per-moment'];
    const control = await runCli(dir, [...build, '--out', 'out-control'], { timeoutMs: 120_000 });
    expect(control.code, control.stdout + control.stderr).toBe(0);

    const swapped = await runCli(dir, [...build, '--out', 'out-swapped'], {
      timeoutMs: 120_000,
      env: { NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${HOOK}`.trim(), FOLDERPERS_TEST_SWAP: JSON.stringify(plan) },
    });
    expect(swapped.code, swapped.stdout + swapped.stderr).toBe(0);
    // The hook did swap the files …
    for (const { file, replacement } of plan) expect((await readFile(file)).equals(await readFile(replacement))).toBe(true);
    // … and not one byte of them reached the output.
    const expected = await artifacts(dir, 'out-control');
    // The guide as PDF, thumbnail, page and fragment; the infographic also as SVG, both PNGs and
    // its alternative text; Rotterdam's own page, which inlines the logo too.
    expect(Object.keys(expected)).toHaveLength(4 + 8 + 1);
    expect(await artifacts(dir, 'out-swapped')).toEqual(expected);

    // Validated as they now are, the swapped files are refused.
    const next = await runCli(dir, ['validate', '--municipality', 'rotterdam', '--format', 'json'], { timeoutMs: 120_000 });
    expect(next.code).toBe(1);
    expect((JSON.parse(next.stdout) as { diagnostics: { rule: string }[] }).diagnostics.map((d) => d.rule)).toContain('svg/text');
  });
});

describe('a content file swapped after validation, before the build works out what its jobs depend on', () => {
  it('is not taken for what was rendered: the next build renders the new text', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const section = path.join(dir, 'content', 'municipalities', 'rotterdam', 'aanvragen.md');
    const replacement = path.join(dir, 'aanvragen.md');
    await writeFile(replacement, (await readFile(section, 'utf8')).replace('informatie- en advieslijn', 'wijkteamlijn'));
    const build = ['build', '--municipality', 'rotterdam', '--document', 'wijzer-professionals'];
    const page = () => readFile(path.join(dir, 'out', 'rotterdam', 'wijzer-professionals.html'), 'utf8');

    const swapped = await runCli(dir, build, {
      timeoutMs: 120_000,
      env: {
        NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${HOOK}`.trim(),
        FOLDERPERS_TEST_SWAP: JSON.stringify([{ file: section, replacement }]),
        FOLDERPERS_TEST_SWAP_AT: 'lock',
      },
    });
    expect(swapped.code, swapped.stdout + swapped.stderr).toBe(0);
    expect((await readFile(section)).equals(await readFile(replacement))).toBe(true);
    // Rendered from the text validation read …
    expect((await page()).includes('informatie- en advieslijn')).toBe(true);
    expect((await page()).includes('wijkteamlijn')).toBe(false);

    // … and recorded as that text's: the file on disk now says something else, so the
    // next build renders again instead of keeping the old page as current.
    const next = await runCli(dir, [...build, '--format', 'json'], { timeoutMs: 120_000 });
    expect(next.code, next.stdout + next.stderr).toBe(0);
    expect(JSON.parse(next.stdout).summary.written, next.stdout).toBeGreaterThan(0);
    expect((await page()).includes('wijkteamlijn')).toBe(true);
  });
});
