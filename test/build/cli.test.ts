/**
 * The real CLI (bin/folderpers.js, compiled by `npm test`) on a copy of the bundled content
 * cut down to three municipalities and three documents (two PDF-only ones and an
 * infographic with every format): nine jobs, enough for a second worker, few enough to
 * stay fast. The tests share one sequence of builds:
 * cold, rebuilt, changed, broken, shrunk.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'bin', 'folderpers.js');
const KEEP = ['huizen', 'leiden', 'sudwest-fryslan'];
const DOCUMENTS = ['ouderfolder', 'taak-per-moment', 'wijzer-professionals'];
/**
 * ouderfolder and wijzer-professionals as pdf, thumb.png, html and fragment.html; taak-per-moment
 * also as svg, png, web.png and alt.txt; and the municipality's own page.
 */
const PER_MUNICIPALITY = 4 + 4 + 8 + 1;

let dir: string;
let content: string;

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

interface Artifact {
  path: string;
  municipality: string;
  status: 'written' | 'unchanged' | 'removed';
}

async function build(out: string, ...args: string[]): Promise<{ result: CliResult; artifacts: Artifact[] }> {
  const result = await cli('build', '--content', content, '--out', out, '--format', 'json', ...args);
  const parsed = JSON.parse(result.stdout) as { artifacts?: Artifact[] };
  return { result, artifacts: parsed.artifacts ?? [] };
}

/** Every file under `root` → its bytes (base64) and, optionally, its mtime. */
async function snapshot(root: string, withTimes = true): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        const bytes = (await readFile(p)).toString('base64');
        out[p.slice(root.length)] = withTimes ? `${(await stat(p)).mtimeMs} ${bytes}` : bytes;
      }
    }
  };
  await walk(root);
  return out;
}

/**
 * The records hold file identities, which strips the strip store holds depends on which
 * worker measured what, the memo holds parses of earlier builds' content, and a killed
 * build leaves its lock: machine-local bookkeeping by design, not output.
 */
function withoutBookkeeping(files: Record<string, string>): Record<string, string> {
  const bookkeeping = (p: string) => p === '/.folderpers-cache.json' || p === '/.folderpers-memo.json' || p === '/.folderpers-lock' || p.startsWith('/.folderpers-strips/');
  return Object.fromEntries(Object.entries(files).filter(([p]) => !bookkeeping(p)));
}

/** Generation of the build that last used each recorded strip (see src/build/provenance.ts). */
async function stripUses(out: string): Promise<{ generation: number; used: Record<string, number> }> {
  const body = (await readFile(join(out, '.folderpers-cache.json'), 'utf8')).split('\n')[1]!;
  const data = JSON.parse(body) as { generation: number; strips: Record<string, { used: number }> };
  return { generation: data.generation, used: Object.fromEntries(Object.entries(data.strips).map(([k, r]) => [k, r.used])) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'folderpers-cli-build-'));
  content = join(dir, 'content');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  for (const name of await readdir(join(content, 'municipalities'))) {
    if (!KEEP.includes(name.replace(/\.yaml$/, ''))) await rm(join(content, 'municipalities', name), { recursive: true });
  }
  for (const name of await readdir(join(content, 'documents'))) {
    if (!DOCUMENTS.includes(name.replace(/\.md$/, ''))) await rm(join(content, 'documents', name));
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('folderpers build', () => {
  // With --jobs 1 the one worker holds two of the nine jobs at a time; with --jobs 2 each
  // worker holds one (pool.ts `holdTwo`): the files must not tell.
  it('--jobs 1 and --jobs 2 write identical files and manifests', async () => {
    const one = await build(join(dir, 'out-1'), '--jobs', '1');
    expect(one.result.stderr).not.toMatch(/internal error/);
    expect(one.result.code).toBe(0);
    const two = await build(join(dir, 'out-2'), '--jobs', '2');
    expect(two.result.code).toBe(0);
    expect(one.artifacts.length).toBe(KEEP.length * PER_MUNICIPALITY);
    expect(one.artifacts.every((a) => a.status === 'written')).toBe(true);
    const outputs = async (out: string) => withoutBookkeeping(await snapshot(out, false));
    const a = await outputs(join(dir, 'out-1'));
    expect(Object.keys(a)).toContain('/manifest.json');
    expect(Object.keys(a)).toContain('/leiden/taak-per-moment.web.png');
    expect(await outputs(join(dir, 'out-2'))).toEqual(a);
  });

  it('two shards cover the build without overlap, and their merged manifest is the whole one', async () => {
    const s1 = await build(join(dir, 'shard-1'), '--shard', '1/2');
    const s2 = await build(join(dir, 'shard-2'), '--shard', '2/2');
    expect(s1.result.code).toBe(0);
    expect(s2.result.code).toBe(0);
    const paths1 = s1.artifacts.map((a) => a.path);
    const paths2 = s2.artifacts.map((a) => a.path);
    expect(paths1.filter((p) => paths2.includes(p))).toEqual([]);
    const whole = JSON.parse(await readFile(join(dir, 'out-1', 'manifest.json'), 'utf8')) as { artifacts: Artifact[] };
    expect([...paths1, ...paths2].sort()).toEqual(whole.artifacts.map((a) => a.path).sort());
    const merged = await cli('manifest', 'merge', join(dir, 'shard-1', 'manifest.json'), join(dir, 'shard-2', 'manifest.json'));
    expect(merged.code).toBe(0);
    // The union has no review site (each shard's shows that shard); `site` makes the one of both,
    // after which manifest and site are byte for byte those of the unsharded build.
    expect(JSON.parse(merged.stdout).site).toBeUndefined();
    await mkdir(join(dir, 'merged'));
    await writeFile(join(dir, 'merged', 'manifest.json'), merged.stdout);
    expect((await cli('site', join(dir, 'merged'))).code).toBe(0);
    expect(await readFile(join(dir, 'merged', 'manifest.json'), 'utf8')).toBe(await readFile(join(dir, 'out-1', 'manifest.json'), 'utf8'));
    expect(await readFile(join(dir, 'merged', 'index.html'), 'utf8')).toBe(await readFile(join(dir, 'out-1', 'index.html'), 'utf8'));
  });

  it('an unchanged rebuild writes nothing', async () => {
    const before = await snapshot(join(dir, 'out-1'));
    const again = await build(join(dir, 'out-1'));
    expect(again.result.code).toBe(0);
    expect(again.artifacts.length).toBeGreaterThan(0);
    expect(again.artifacts.every((a) => a.status === 'unchanged')).toBe(true);
    expect(await snapshot(join(dir, 'out-1'))).toEqual(before);
  });

  it('strips kept in the output folder give the same PNGs, and damaged ones are measured again', async () => {
    // Without the strips shipped with the tool, as for documents it was not built with:
    // then the national strips go to the store.
    process.env['FOLDERPERS_SHIPPED'] = 'none';
    onTestFinished(() => {
      delete process.env['FOLDERPERS_SHIPPED'];
    });
    const out = join(dir, 'out-store');
    const pick = ['--municipality', 'huizen', '--municipality', 'leiden'];
    expect((await build(out, ...pick)).result.code).toBe(0);
    const first = withoutBookkeeping(await snapshot(out, false));
    // The national strips were used by both municipalities, so the store has them.
    const store = join(out, '.folderpers-strips');
    const kept = await readdir(store);
    expect(kept.length).toBeGreaterThan(20);
    // A new process renders from the stored strips (the records say which it used) …
    const before = await stripUses(out);
    const mtimes = await Promise.all(kept.map(async (name) => (await stat(join(store, name))).mtimeMs));
    expect((await build(out, ...pick, '--force')).result.code).toBe(0);
    expect(withoutBookkeeping(await snapshot(out, false))).toEqual(first);
    const after = await stripUses(out);
    expect(after.generation).toBe(before.generation + 1);
    expect(kept.filter((name) => after.used[name] === after.generation).length).toBeGreaterThan(20);
    // Used, not written again: loading a strip leaves its file alone.
    expect(await Promise.all(kept.map(async (name) => (await stat(join(store, name))).mtimeMs))).toEqual(mtimes);
    // … and from damaged ones, which it cannot decode, exactly as from none.
    for (const [i, name] of kept.entries()) {
      const file = join(store, name);
      await writeFile(file, i % 2 ? Buffer.from('not a strip') : (await readFile(file)).subarray(0, 40));
    }
    const damaged = await build(out, ...pick, '--force');
    expect(damaged.result.code).toBe(0);
    expect(damaged.result.stderr).not.toMatch(/internal error/);
    expect(withoutBookkeeping(await snapshot(out, false))).toEqual(first);
    // And a build with the shipped strips and shapes makes the same files.
    delete process.env['FOLDERPERS_SHIPPED'];
    const shipped = join(dir, 'out-shipped');
    expect((await build(shipped, ...pick)).result.code).toBe(0);
    expect(withoutBookkeeping(await snapshot(shipped, false))).toEqual(first);
  });

  it('a one-profile change rewrites only that municipality', async () => {
    const file = join(content, 'municipalities', 'leiden.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace(/^name: .*$/m, 'name: Gemeente Leiden (test)'));
    const before = await snapshot(join(dir, 'out-1'));
    const changed = await build(join(dir, 'out-1'));
    expect(changed.result.code).toBe(0);
    const written = changed.artifacts.filter((a) => a.status === 'written');
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((a) => a.municipality === 'leiden')).toBe(true);
    const after = await snapshot(join(dir, 'out-1'));
    for (const [path, value] of Object.entries(before)) {
      if (path.startsWith('/huizen/')) expect(after[path]).toBe(value);
    }
  });

  it("a changed profile and another municipality's deleted file: the worker, sent the changed jobs first, is sent the other profile for the late job", async () => {
    const file = join(content, 'municipalities', 'leiden.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace(/^name: .*$/m, 'name: Gemeente Leiden (test 2)'));
    await rm(join(dir, 'out-1', 'huizen', 'ouderfolder.pdf'));
    const rebuilt = await build(join(dir, 'out-1'), '--jobs', '1');
    expect(rebuilt.result.stderr).not.toMatch(/internal error/);
    expect(rebuilt.result.code, rebuilt.result.stdout).toBe(0);
    const written = rebuilt.artifacts.filter((a) => a.status === 'written').map((a) => a.path);
    expect(written).toContain('huizen/ouderfolder.pdf');
    expect(written.filter((p) => !p.startsWith('leiden/'))).toEqual(['huizen/ouderfolder.pdf']);
    // Drawn from huizen's own profile: the same bytes as in the build of the same content into out-2.
    expect(await readFile(join(dir, 'out-1', 'huizen', 'ouderfolder.pdf'))).toEqual(await readFile(join(dir, 'out-2', 'huizen', 'ouderfolder.pdf')));
  });

  it('a validation error exits 1 and leaves out/ byte-identical', async () => {
    const file = join(content, 'municipalities', 'huizen.yaml');
    const yaml = await readFile(file, 'utf8');
    await writeFile(file, yaml.replace(/primary: "#[0-9A-Fa-f]{6}"/, 'primary: "groen"'));
    const before = await snapshot(join(dir, 'out-1'));
    const failed = await build(join(dir, 'out-1'));
    expect(failed.result.code).toBe(1);
    expect(JSON.parse(failed.result.stdout).errors).toBeGreaterThan(0);
    expect(await snapshot(join(dir, 'out-1'))).toEqual(before);
    await writeFile(file, yaml);
  });

  it("a removed municipality's files and manifest entries disappear", async () => {
    await rm(join(content, 'municipalities', 'huizen.yaml'));
    await rm(join(content, 'municipalities', 'huizen'), { recursive: true });
    const shrunk = await build(join(dir, 'out-1'));
    expect(shrunk.result.code).toBe(0);
    const removed = shrunk.artifacts.filter((a) => a.status === 'removed');
    expect(removed.length).toBe(PER_MUNICIPALITY);
    expect(removed.every((a) => a.municipality === 'huizen')).toBe(true);
    expect(await readdir(join(dir, 'out-1'))).not.toContain('huizen');
    const manifest = JSON.parse(await readFile(join(dir, 'out-1', 'manifest.json'), 'utf8')) as { artifacts: Artifact[] };
    expect(manifest.artifacts.some((a) => a.municipality === 'huizen')).toBe(false);
  });

  it('a build killed with SIGKILL leaves only complete files under final names, and the next build recovers', async () => {
    const out = join(dir, 'killed');
    const complete = withoutBookkeeping(await snapshot(join(dir, 'out-1'), false));
    // Kill as soon as the first job has been rendered: workers are writing temporaries.
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'build', '--content', content, '--out', out, '--jobs', '2'], {
        env: { ...process.env, NO_COLOR: '1' },
      });
      child.stderr.setEncoding('utf8').on('data', (line: string) => {
        if (/rendered [1-9]/.test(line)) child.kill('SIGKILL');
      });
      child.on('close', () => resolve());
    });
    const left = withoutBookkeeping(await snapshot(out, false));
    for (const [path, bytes] of Object.entries(left)) {
      if (/\/\.[^/]*folderpers-tmp-/.test(path)) continue;
      expect(bytes, `${path} is not complete`).toBe(complete[path]);
    }
    const again = await build(out);
    expect(again.result.code).toBe(0);
    expect(withoutBookkeeping(await snapshot(out, false))).toEqual(complete);
  });

  it('--format github ends with the summary and where the files are as a notice; text prints them as its last lines; json as output', async () => {
    const github = await cli('build', '--content', content, '--out', join(dir, 'out-1'), '--format', 'github');
    expect(github.code).toBe(0);
    expect(github.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^::notice title=folderpers build::0 written, \d+ unchanged, 0 removed .*; files in out-1\/leiden\/, out-1\/sudwest-fryslan\/; review site: out-1\/index\.html$/,
    );
    const text = await cli('build', '--content', content, '--out', join(dir, 'out-1'));
    const last = text.stdout.trimEnd().split('\n').slice(-2);
    expect(last[0]).toMatch(/^0 written, \d+ unchanged, 0 removed \(0 of \d+ jobs rendered\)/);
    // The earlier tests left out-1 with these two municipalities.
    expect(last[1]).toBe('files in out-1/leiden/, out-1/sudwest-fryslan/; review site: out-1/index.html');
    const json = JSON.parse((await cli('build', '--content', content, '--out', join(dir, 'out-1'), '--format', 'json')).stdout) as { output: unknown };
    expect(json.output).toEqual({
      folders: ['out-1/leiden/', 'out-1/sudwest-fryslan/'],
      site: 'out-1/index.html',
      manifest: 'out-1/manifest.json',
    });
  });

  it('refuses an output folder inside the content folder, or that is a file (exit 2)', async () => {
    const inside = await cli('build', '--content', content, '--out', join(content, 'out'));
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the content folder/);
    await writeFile(join(dir, 'a-file'), '');
    const file = await cli('build', '--content', content, '--out', join(dir, 'a-file'));
    expect(file.code).toBe(2);
    expect(file.stderr).toMatch(/is a file, not a folder/);
  });

  it('refuses --out under /proc, /sys or /dev up front (exit 2, one line and the --help hint)', async () => {
    for (const out of ['/proc/folderpers-out', '/sys/folderpers-out', '/dev/folderpers-out']) {
      const run = await cli('build', '--content', content, '--out', out);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^folderpers build: the output folder .* is not writable \(.*pseudo file system.*\)\n\(run folderpers --help for usage\)\n$/);
    }
  });

  it('a write that fails while files are put in place: exit 1 and a diagnostic, no internal error', async () => {
    const out = join(dir, 'out-blocked');
    expect((await build(out, '--jobs', '1')).result.code).toBe(0);
    // A final file replaced by a non-empty folder: renaming the new file onto it fails.
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as { artifacts: Artifact[] };
    const blocked = join(out, ...manifest.artifacts[0]!.path.split('/'));
    await rm(blocked);
    await mkdir(blocked);
    await writeFile(join(blocked, 'keep'), 'x');
    const run = await cli('build', '--content', content, '--out', out, '--jobs', '1');
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.stdout).toMatch(/build\/write-failed/);
    expect(run.stdout).toMatch(/build failed while putting files in place/);
  });
});
