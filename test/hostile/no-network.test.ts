/**
 * No network, ever: a local HTTP server's address is put everywhere a URL can stand in
 * content (profile website and form, national URLs, Markdown links, and in hostile content
 * also SVG hrefs, CSS imports, xi:include, remote images and a logo URL). validate and
 * build must not open a single connection to it, nor resolve or connect anywhere else
 * (net-guard.mjs logs every socket and DNS call of the CLI process). Valid content may not
 * name an IP address, so there the URLs name a reserved `.test` host and the guard, which
 * sees every lookup, is the witness.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { changes, hasStackTrace, makeWorkspace, removeWorkspace, runCli, snapshot } from './workspace.js';

const GUARD = pathToFileURL(path.join(import.meta.dirname, 'net-guard.mjs')).href;

let server: http.Server;
let base: string;
const seen: string[] = [];
const workspaces: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push(`request ${req.method} ${req.url}`);
    res.end('<svg xmlns="http://www.w3.org/2000/svg"/>');
  });
  server.on('connection', (socket) => seen.push(`connection from ${socket.remoteAddress}`));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await Promise.all(workspaces.map(removeWorkspace));
});

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

/** A host that would have to be resolved before anything could be fetched from it. */
const HOST = 'www.folderpers-no-network.test';

function profile(logo: string, host: string): string {
  return [
    'name: Gemeente Netwerk',
    'brand:',
    '  primary: "#00811F"',
    `  logo: ${logo}`,
    'contact:',
    '  organisation: MEE Netwerk',
    '  phone: "010 282 11 11"',
    '  email: info@example.nl',
    `  website: https://${host}/website`,
    `  form: https://${host}/form`,
    '',
  ].join('\n');
}

/** Bundled content with every URL pointing at the test host: valid, so build renders it. */
async function validWorkspace(): Promise<string> {
  const dir = await makeWorkspace();
  workspaces.push(dir);
  const content = path.join(dir, 'content');
  await edit(path.join(content, 'defaults.yaml'), (t) => t.replace(/https:\/\/[^\s"']+/g, `https://${HOST}/national`));
  for (const doc of await readdir(path.join(content, 'documents'))) {
    await edit(path.join(content, 'documents', doc), (t) => t.replace(/https:\/\/[^\s)>"']+/g, `https://${HOST}/document`));
  }
  // Its own logo: another municipality's file would be profile/foreign-asset.
  await mkdir(path.join(content, 'municipalities', 'netwerk'));
  await writeFile(
    path.join(content, 'municipalities', 'netwerk', 'logo.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><title>Netwerk</title><rect width="120" height="40" fill="#005A9C"/></svg>\n',
  );
  await writeFile(path.join(content, 'municipalities', 'netwerk.yaml'), profile('netwerk/logo.svg', HOST));
  return dir;
}

/** The same, plus references to the local server that a careless renderer would fetch. */
async function hostileWorkspace(): Promise<string> {
  const dir = await validWorkspace();
  const municipalities = path.join(dir, 'content', 'municipalities');
  await writeFile(
    path.join(municipalities, 'netwerk', 'logo.svg'),
    [
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xi="http://www.w3.org/2001/XInclude" viewBox="0 0 120 40">',
      `  <style>@import url(http://${base}/import.css);</style>`,
      `  <image width="120" height="40" href="http://${base}/href.png"/>`,
      `  <image width="120" height="40" xlink:href="https://${base}/xlink.png"/>`,
      `  <rect width="120" height="40" fill="url(http://${base}/fill.svg#g)"/>`,
      `  <xi:include href="http://${base}/include.xml"/>`,
      '</svg>',
      '',
    ].join('\n'),
  );
  await writeFile(path.join(municipalities, 'netwerk.yaml'), profile('netwerk/logo.svg', base));
  await writeFile(path.join(municipalities, 'remote-logo.yaml'), profile(`http://${base}/logo.svg`, base).replace('Netwerk', 'Remote'));
  await edit(path.join(dir, 'content', 'documents', 'ouderfolder.md'), (t) =>
    t.replace(/\n## /, `\n![pixel](http://${base}/image.png) [link](http://${base}/link)\n\n## `),
  );
  return dir;
}

async function run(dir: string, args: string[]) {
  const log = path.join(dir, 'tmp', 'net.log');
  const result = await runCli(dir, [...args, '--format', 'json'], {
    timeoutMs: 240_000,
    env: { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${GUARD}`.trim(), FOLDERPERS_NET_LOG: log },
  });
  const attempts = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { ...result, attempts, context: `exit ${result.code}\nstdout: ${result.stdout.slice(0, 3000)}\nstderr: ${result.stderr.slice(0, 3000)}` };
}

describe('no network', () => {
  it('the guard sees a lookup and a connection, also from a worker thread (control)', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const log = path.join(dir, 'tmp', 'net.log');
    const script = [
      "const { Worker } = require('node:worker_threads');",
      "require('node:dns').lookup('" + HOST + "', () => {});",
      // Port 9 (discard) on loopback: refused at once, and never the counting server.
      "new Worker(new URL('data:text/javascript,import http from \"node:http\"; http.get(\"http://127.0.0.1:9/from-module-worker\").on(\"error\", () => {});'));",
    ].join('\n');
    await writeFile(path.join(dir, 'probe.cjs'), script);
    const { execFile } = await import('node:child_process');
    await new Promise((resolve) =>
      execFile(process.execPath, ['probe.cjs'], { cwd: dir, env: { ...process.env, NODE_OPTIONS: `--import=${GUARD}`, FOLDERPERS_NET_LOG: log }, timeout: 20_000 }, resolve),
    );
    const attempts = readFileSync(log, 'utf8');
    expect(attempts).toContain('dns.lookup');
    expect(attempts).toContain('from-module-worker');
  });

  it('valid content full of local URLs: validate and build succeed without a connection', async () => {
    const dir = await validWorkspace();
    const before = await snapshot(dir);
    const validate = await run(dir, ['validate', '--content', 'content', '--municipality', 'netwerk']);
    expect(validate.code, validate.context).toBe(0);
    const build = await run(dir, ['build', '--content', 'content', '--out', 'out', '--municipality', 'netwerk']);
    expect(build.code, build.context).toBe(0);
    expect(hasStackTrace(build.stderr), build.context).toBe(false);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out', 'manifest.json'), 'utf8')) as { artifacts: unknown[] };
    expect(manifest.artifacts.length, 'the build rendered nothing').toBeGreaterThan(0);
    // Written: the output folder and the guard's log (empty, so absent), nothing else.
    const written = changes(before, await snapshot(dir)).filter((p) => p !== 'out' && !p.startsWith(`out${path.sep}`));
    expect(written, 'the build wrote outside its output folder').toEqual([]);
    expect([...validate.attempts, ...build.attempts]).toEqual([]);
    expect(seen).toEqual([]);
  });

  it('hostile content with remote references: refused without a connection', async () => {
    const dir = await hostileWorkspace();
    const args = ['--content', 'content', '--municipality', 'netwerk', '--municipality', 'remote-logo'];
    const validate = await run(dir, ['validate', ...args]);
    expect(validate.code, validate.context).toBe(1);
    const build = await run(dir, ['build', ...args, '--out', 'out']);
    expect(build.code, build.context).toBe(1);
    expect(existsSync(path.join(dir, 'out')), 'a build with errors wrote output').toBe(false);
    expect([...validate.attempts, ...build.attempts]).toEqual([]);
    expect(seen).toEqual([]);
  });
});
