/**
 * A throw-away working folder for one run of the real CLI: a copy of the bundled content
 * with a hostile case laid over it, HOME and TMPDIR inside it (so a stray write lands where
 * the snapshot sees it), and a snapshot to prove which files a run created or changed.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const CLI = path.join(REPO, 'bin', 'folderpers.js');
export const HOSTILE = path.join(REPO, 'test', 'fixtures', 'hostile');

export interface Generated {
  path: string;
  /** Repository-relative file to copy (for large valid binaries that need not be committed twice). */
  copyFrom?: string;
  /** Or: `prefix`, then `fill` repeated, then `suffix`, to exactly `size` bytes. */
  prefix?: string;
  fill?: string;
  suffix?: string;
  size?: number;
}

/**
 * `remove` lists workspace paths deleted before the overlay is laid (so a folder of the
 * bundled content can be replaced by a symbolic link).
 */
export async function makeWorkspace(overlay?: string, generate: Generated[] = [], remove: string[] = []): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'folderpers-hostile-'));
  await cp(path.join(REPO, 'content'), path.join(dir, 'content'), { recursive: true });
  for (const p of remove) await rm(path.join(dir, p), { recursive: true, force: true });
  if (overlay) {
    for (const entry of await readdir(overlay)) {
      if (entry === 'case.json') continue;
      // verbatimSymlinks: a hostile symlink must arrive as the same relative link.
      await cp(path.join(overlay, entry), path.join(dir, entry), { recursive: true, force: true, verbatimSymlinks: true });
    }
  }
  for (const g of generate) {
    await mkdir(path.dirname(path.join(dir, g.path)), { recursive: true });
    await writeFile(path.join(dir, g.path), await generatedBytes(g));
  }
  await mkdir(path.join(dir, 'home'));
  await mkdir(path.join(dir, 'tmp'));
  return dir;
}

async function generatedBytes(g: Generated): Promise<Buffer> {
  if (g.copyFrom) return readFile(path.join(REPO, g.copyFrom));
  const prefix = Buffer.from(g.prefix ?? '');
  const suffix = Buffer.from(g.suffix ?? '');
  const fill = Buffer.from(g.fill ?? ' ');
  const size = g.size ?? prefix.length + suffix.length;
  const body = Buffer.alloc(size - prefix.length - suffix.length, fill);
  return Buffer.concat([prefix, body, suffix]);
}

export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Every path under `dir` (symlinks not followed) with what it is and a hash of its bytes. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(rel: string): Promise<void> {
    const abs = path.join(dir, rel);
    const info = await lstat(abs);
    if (info.isSymbolicLink()) out.set(rel, `link:${await readlink(abs)}`);
    else if (info.isDirectory()) {
      if (rel !== '') out.set(rel, 'dir');
      for (const entry of await readdir(abs)) await walk(path.join(rel, entry));
    } else if (info.isFile()) {
      out.set(rel, `file:${createHash('sha256').update(await readFile(abs)).digest('hex')}:${info.mode}`);
    } else out.set(rel, 'special');
  }
  await walk('');
  return out;
}

/** Paths created, changed or removed between two snapshots. */
export function changes(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed = new Set<string>();
  for (const [p, v] of after) if (before.get(p) !== v) changed.add(p);
  for (const p of before.keys()) if (!after.has(p)) changed.add(p);
  return [...changed].sort();
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs bin/folderpers.js in `cwd`, with HOME and TMPDIR inside the workspace. */
export function runCli(cwd: string, args: string[], options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...process.env, HOME: path.join(cwd, 'home'), TMPDIR: path.join(cwd, 'tmp'), NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** A Node stack frame ("    at fn (file.js:1:2)") anywhere in the output means a crash leaked out. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at .+(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m.test(text);
}

/**
 * For a test file: a function that makes a fresh workspace on every call; all of them are
 * removed after the file's tests. Call it at the top of the file.
 */
export function workspacesOfFile(): () => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map(removeWorkspace));
  });
  return async () => {
    const dir = await makeWorkspace();
    dirs.push(dir);
    return dir;
  };
}
