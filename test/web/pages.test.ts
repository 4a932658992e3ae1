/**
 * The web edition in a real browser. The four bundled municipalities are built once with
 * the real CLI into a temporary folder; then every page type is opened in Chromium with
 * the network cut off: each document's page (all sixteen), each fragment inside a bare
 * page (as a CMS would show it, without our style sheet), each municipality's page and
 * the review site. Every one must pass axe-core's WCAG 2.1 A and AA rules, reflow at 320
 * CSS px without scrolling sideways, link only to files that exist, E.164 phone numbers,
 * e-mail and https addresses, and ask for nothing outside itself. A document's page must
 * show every word of the resolved document, and its text and its PDF's tagged text must
 * carry each text block of the document word for word.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { validateContent } from '../../src/validate/index.js';
import { REPO, runCli } from '../hostile/workspace.js';
import { HAVE_BROWSER, axe, launch, open, scrollsSideways } from './browser.js';
import { missingBlocks, modelBlocks, pdfWords, words } from './texts.js';

const CONTENT = path.join(REPO, 'content');
const MUNICIPALITIES = ['huizen', 'leiden', 'rotterdam', 'sudwest-fryslan'];
const DOCUMENTS = ['drie-lagen', 'ouderfolder', 'taak-per-moment', 'wijzer-professionals'];

let dir: string;
let out: string;
let browser: Browser;

beforeAll(async () => {
  if (!HAVE_BROWSER) return;
  dir = await mkdtemp(path.join(tmpdir(), 'folderpers-web-'));
  out = path.join(dir, 'out');
  const build = await runCli(REPO, ['build', '--content', CONTENT, '--out', out], { timeoutMs: 600_000, env: { HOME: dir, TMPDIR: tmpdir() } });
  expect(build.code, build.stdout + build.stderr).toBe(0);
  browser = await launch();
}, 660_000);

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Everything a page points at that is not where it should be. */
async function badLinks(page: Page, file: string): Promise<string[]> {
  const targets = await page.evaluate(() => [
    ...[...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!),
    ...[...document.querySelectorAll('img')].flatMap((img) => [img.getAttribute('src')!, ...(img.getAttribute('srcset') ?? '').split(',').map((s) => s.trim().split(/\s+/)[0]!)]),
  ].filter((t) => t !== ''));
  const bad: string[] = [];
  for (const target of targets) {
    if (target.startsWith('#')) {
      if (!(await page.locator(`[id="${target.slice(1)}"]`).count())) bad.push(`${target}: no such id`);
    } else if (target.startsWith('tel:')) {
      if (!/^tel:\+[1-9][0-9]{6,14}$/.test(target)) bad.push(`${target}: not E.164`);
    } else if (target.startsWith('mailto:')) {
      if (!/^mailto:[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(target)) bad.push(`${target}: not an e-mail address`);
    } else if (target.startsWith('https://')) {
      if (!URL.canParse(target)) bad.push(`${target}: not a URL`);
    } else if (target.startsWith('data:image/')) {
      // The inlined logo.
    } else if (/^[a-z]+:/i.test(target) || target.startsWith('/')) {
      bad.push(`${target}: not a relative file, tel:, mailto: or https: link`);
    } else if (!existsSync(path.join(path.dirname(file), decodeURI(target)))) {
      bad.push(`${target}: no such file`);
    }
  }
  return bad;
}

/** The checks every page must pass, at 1280 and at 320 CSS px. */
async function checkPage(file: string): Promise<{ text: string }> {
  const wide = await open(browser, file, 1280);
  try {
    expect(await axe(wide.page), `axe on ${file}`).toEqual([]);
    expect(await badLinks(wide.page, file), `links of ${file}`).toEqual([]);
    const narrow = await open(browser, file, 320);
    try {
      expect(await scrollsSideways(narrow.page), `${file} scrolls sideways at 320 px`).toBe(false);
      expect(narrow.requests, `${file} asked for`).toEqual([]);
    } finally {
      await narrow.page.close();
    }
    expect(wide.requests, `${file} asked for`).toEqual([]);
    return { text: await wide.page.evaluate(() => document.body.innerText) };
  } finally {
    await wide.page.close();
  }
}

describe.skipIf(!HAVE_BROWSER)('the web edition in Chromium', () => {
  it.each(MUNICIPALITIES)('%s: each document page is accessible, reflows, links right and says what the document and its PDF say', async (municipality) => {
    const { documents, profiles } = await validateContent({ contentRoot: CONTENT, municipalities: [municipality], languageWarnings: false });
    const profile = profiles.find((p) => p.profile.id === municipality)!;
    for (const id of DOCUMENTS) {
      const file = path.join(out, municipality, `${id}.html`);
      const { text } = await checkPage(file);
      const blocks = await modelBlocks(documents.find((d) => d.id === id)!, profile);
      const shown = new Set(words(text));
      expect([...new Set(blocks.flat())].filter((w) => !shown.has(w)), `words of ${id} missing on its page`).toEqual([]);
      expect(missingBlocks(words(text), blocks), `blocks of ${id} not word for word on its page`).toEqual([]);
      expect(missingBlocks(await pdfWords(path.join(out, municipality, `${id}.pdf`)), blocks), `blocks of ${id} not word for word in its PDF`).toEqual([]);
    }
  });

  it('each fragment passes in a bare page, as a CMS shows it without our style sheet', async () => {
    for (const id of DOCUMENTS) {
      const fragment = await readFile(path.join(out, 'rotterdam', `${id}.fragment.html`), 'utf8');
      expect(fragment).not.toMatch(/<(script|style|link|html|body)\b/i);
      expect([...fragment.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)).filter((c) => !c.startsWith('fp-'))).toEqual([]);
      const wrapped = path.join(out, 'rotterdam', `wrapped-${id}.html`);
      await writeFile(wrapped, `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>CMS</title></head><body><main>${fragment}</main></body></html>`);
      await checkPage(wrapped);
    }
  });

  it.each(MUNICIPALITIES)('%s: the municipality page lists every document with its files and the contact card', async (municipality) => {
    const file = path.join(out, municipality, 'index.html');
    const { text } = await checkPage(file);
    const html = await readFile(file, 'utf8');
    for (const id of DOCUMENTS) for (const ext of ['html', 'pdf', 'thumb.png']) expect(html, `${municipality} page links ${id}.${ext}`).toContain(`"${id}.${ext}"`);
    const profile = (await validateContent({ contentRoot: CONTENT, municipalities: [municipality], languageWarnings: false })).profiles[0]!.profile;
    expect(text).toContain(profile.contact.phone);
    expect(text).toContain(profile.contact.email);
  });

  it('the review site lists every municipality, and finds one by name straight from the file system', async () => {
    const file = path.join(out, 'index.html');
    const { text } = await checkPage(file);
    for (const name of ['Gemeente Huizen', 'Gemeente Leiden', 'Gemeente Rotterdam', 'Gemeente Súdwest-Fryslân']) expect(text).toContain(name);
    const { page, requests } = await open(browser, file, 1280);
    try {
      // Typed without the accents, as people search.
      await page.fill('#fp-search', 'sudwest');
      const shown = await page.locator('.fp-municipality:not([hidden]) h2').allInnerTexts();
      expect(shown).toEqual(['Gemeente Súdwest-Fryslân']);
      expect(await page.locator('#fp-count').innerText()).toBe('1 van 4 gemeenten');
      expect(requests).toEqual([]);
    } finally {
      await page.close();
    }
  });
  it('the widest name the schema allows, one long word with markup characters, is shown escaped and reflows at 320 px', async () => {
    // 60 characters, 38 of them one word that no browser may break at a space.
    const name = `Gemeente <i>&amp;</i> ${'W'.repeat(38)}`;
    expect(name).toHaveLength(60);
    const content = path.join(dir, 'wide-content');
    await cp(CONTENT, content, { recursive: true });
    const yaml = path.join(content, 'municipalities', 'leiden.yaml');
    await writeFile(yaml, (await readFile(yaml, 'utf8')).replace('name: Gemeente Leiden', `name: "${name}"`));
    const wideOut = path.join(dir, 'wide-out');
    const build = await runCli(REPO, ['build', '--content', content, '--out', wideOut, '--municipality', 'leiden', '--document', 'ouderfolder'], {
      timeoutMs: 300_000,
      env: { HOME: dir, TMPDIR: tmpdir() },
    });
    expect(build.code, build.stdout + build.stderr).toBe(0);
    for (const file of [path.join(wideOut, 'leiden', 'ouderfolder.html'), path.join(wideOut, 'leiden', 'index.html'), path.join(wideOut, 'index.html')]) {
      const { text } = await checkPage(file);
      expect(text, file).toContain(name);
    }
  }, 360_000);
});
