/**
 * A real browser for the web edition's tests: Debian's Chromium driven by playwright-core
 * (nothing downloads a browser), with axe-core for the WCAG 2.1 A and AA rules. Without a
 * browser the tests are skipped on a developer's machine and fail under CI=true, where
 * .ci/run installs one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_BROWSER = existsSync(CHROMIUM);

if (!HAVE_BROWSER && process.env.CI === 'true') {
  throw new Error(`no browser at ${CHROMIUM}: the web edition must be tested in Chromium under CI (apt-get install chromium)`);
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // As root in a container Chromium needs --no-sandbox; the others keep it off the network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-default-apps'],
  });
}

export interface Opened {
  page: Page;
  /** Every request the page made that was not a file: URL (there must be none). */
  requests: string[];
}

/** Opens a file with no network: anything but file: is refused and recorded. */
export async function open(browser: Browser, file: string, width: number): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width, height: 800 } });
  const requests: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  return { page, requests };
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe-core with the WCAG 2.1 A and AA rules (and the WCAG 2.0 ones they include). */
export async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** True when the page scrolls sideways at its viewport width (WCAG 1.4.10 reflow). */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
