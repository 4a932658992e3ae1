/**
 * `folderpers watch` through the real CLI as a child process, on a copy of the bundled
 * content: it builds, builds again after a one-word edit (the new word read back from the
 * PDF), reports an error as it appears while the previous files stay byte for byte, builds
 * again once it is fixed, and ends on SIGINT with exit 0 and the output folder's lock
 * released. It waits for the lines watch prints, never for a time.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, makeWorkspace, removeWorkspace, snapshot } from '../hostile/workspace.js';

const workspaces: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await Promise.all(workspaces.map(removeWorkspace));
});

/** Generous: a cold first build on a busy machine. */
const WAIT_MS = 120_000;

interface Watching {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  /** Resolves once stdout holds `count` lines matching `pattern`. */
  lines: (pattern: RegExp, count: number) => Promise<void>;
  /** Resolves once stderr matches `pattern`. */
  stderrShows: (pattern: RegExp) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function watch(dir: string, args: string[]): Watching {
  const child = spawn(process.execPath, [CLI, 'watch', ...args], {
    cwd: dir,
    env: { ...process.env, HOME: path.join(dir, 'home'), TMPDIR: path.join(dir, 'tmp'), NO_COLOR: '1' },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
    for (const w of [...waiters]) w();
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
    for (const w of [...waiters]) w();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const lines = (pattern: RegExp, count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${count}× ${pattern} within ${WAIT_MS} ms; stdout:\n${stdout}\nstderr:\n${stderr}`)), WAIT_MS);
      const check = () => {
        if (stdout.split('\n').filter((l) => pattern.test(l)).length < count) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve();
      };
      waiters.push(check);
      check();
    });
  const stderrShows = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} on stderr within ${WAIT_MS} ms; stderr:\n${stderr}`)), WAIT_MS);
      const check = () => {
        if (!pattern.test(stderr)) return;
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve();
      };
      waiters.push(check);
      check();
    });
  return { child, stdout: () => stdout, lines, stderrShows, exited };
}

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    text += content.items.map((it) => ('str' in it ? it.str : '')).join(' ') + '\n';
  }
  return text;
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const p = path.join(dir, file);
  const before = await readFile(p, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  await writeFile(p, after);
}

describe('folderpers watch', () => {
  it('builds, builds again on an edit, keeps the last good files while there are errors, and stops on SIGINT', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const w = watch(dir, ['--content', 'content', '--out', 'out', '--municipality', 'huizen', '--document', 'ouderfolder']);
    const built = /^watch: built; watching content for changes \(Ctrl-C to stop\)$/;
    const pdf = path.join(dir, 'out', 'huizen', 'ouderfolder.pdf');

    await w.lines(built, 1);
    expect(w.stdout()).toMatch(/^files in out\/huizen\/; review site: out\/index\.html$/m);
    expect(await pdfText(pdf)).not.toContain('woud');

    await edit(dir, 'content/documents/ouderfolder.md', (t) => t.replace('door de bomen het bos niet meer', 'door de bomen het woud niet meer'));
    await w.lines(/^watch: content\/documents\/ouderfolder\.md changed; building again$/, 1);
    await w.lines(built, 2);
    expect(await pdfText(pdf)).toMatch(/bomen het woud niet/);

    const good = await snapshot(path.join(dir, 'out'));
    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('phone: "035 123 45 67"', 'phone: "035 12"'));
    await w.lines(/^watch: not built: out keeps the files of the last good build; watching content for a fix \(Ctrl-C to stop\)$/, 1);
    expect(w.stdout()).toMatch(/^content\/municipalities\/huizen\.yaml\n {2}11:10 +error +'035 12' is not a valid Dutch phone number.* phone\/invalid$/m);
    expect(await snapshot(path.join(dir, 'out'))).toEqual(good);

    await edit(dir, 'content/municipalities/huizen.yaml', (t) => t.replace('phone: "035 12"', 'phone: "035 123 45 67"'));
    await w.lines(built, 3);

    w.child.kill('SIGINT');
    const { code, signal } = await w.exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(w.stdout().trimEnd().split('\n').at(-1)).toBe('watch: stopped');
    expect(existsSync(path.join(dir, 'out', '.folderpers-lock'))).toBe(false);
    expect(await pdfText(pdf)).toMatch(/bomen het woud niet/);
  }, 4 * WAIT_MS);

  it('builds again for a file saved while its first build runs', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const w = watch(dir, ['--content', 'content', '--out', 'out', '--municipality', 'huizen', '--document', 'ouderfolder']);
    const built = /^watch: built; watching content for changes \(Ctrl-C to stop\)$/;
    // The first build has read the content (its jobs are sent) and is still rendering.
    await w.stderrShows(/rendered 0\/1 jobs/);
    await edit(dir, 'content/documents/ouderfolder.md', (t) => t.replace('door de bomen het bos niet meer', 'door de bomen het woud niet meer'));
    await w.lines(/^watch: content\/documents\/ouderfolder\.md changed; building again$/, 1);
    await w.lines(built, 2);
    expect(await pdfText(path.join(dir, 'out', 'huizen', 'ouderfolder.pdf'))).toMatch(/bomen het woud niet/);
    w.child.kill('SIGINT');
    expect((await w.exited).code).toBe(0);
  }, 4 * WAIT_MS);

  it('an unknown document is a usage error before anything is watched', async () => {
    const dir = await makeWorkspace();
    workspaces.push(dir);
    const w = watch(dir, ['--content', 'content', '--out', 'out', '--document', 'ouderfoldr']);
    let stderr = '';
    w.child.stderr.on('data', (c: string) => (stderr += c));
    const { code } = await w.exited;
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe(
      "folderpers watch: unknown document 'ouderfoldr' (did you mean 'ouderfolder'?); the documents in content/documents: drie-lagen, ouderfolder, taak-per-moment, wijzer-professionals",
    );
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});
