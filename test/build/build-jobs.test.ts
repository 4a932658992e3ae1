import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuildJobs, type BuildDocument, type BuildInput } from '../../src/build/build.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import { fakeRunner } from './fake-runner.js';
import { buildInput, createWorkspace, readManifest, removeWorkspace, testProfile, type BuildWorkspace } from './workspace.js';

let out: string;
let documents: BuildDocument[];

/** Every file under `dir` with its bytes and mtime. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        result[`${p.slice(dir.length)}/`] = 'dir';
        await walk(p);
      } else result[p.slice(dir.length)] = `${(await stat(p)).mtimeMs} ${(await readFile(p)).toString('base64')}`;
    }
  };
  await walk(dir);
  return result;
}

let ws: BuildWorkspace;
const profile = testProfile;
const input = (profiles: MergedProfile[], extra: Partial<BuildInput> = {}) => buildInput(ws, profiles, extra);
const manifest = () => readManifest(ws);

beforeEach(async () => {
  ws = await createWorkspace('folderpers-build-');
  ({ out, documents } = ws);
});

afterEach(() => removeWorkspace(ws));

describe('runBuildJobs', () => {
  it('writes every artifact and a sorted manifest', async () => {
    const result = await runBuildJobs(input([profile('b'), profile('a')]));
    expect(result.diagnostics).toEqual([]);
    const files = (m: string) => [
      `${m}/index.html`,
      ...['fragment.html', 'html', 'pdf', 'thumb.png'].map((f) => `${m}/ouderfolder.${f}`),
      ...['alt.txt', 'fragment.html', 'html', 'pdf', 'png', 'svg', 'thumb.png', 'web.png'].map((f) => `${m}/taak-per-moment.${f}`),
    ];
    expect(result.artifacts.map((a) => `${a.path} ${a.status}`)).toEqual([...files('a'), ...files('b')].map((p) => `${p} written`));
    const m = await manifest();
    expect(m.artifacts.map((a) => a.path)).toEqual(result.artifacts.map((a) => a.path));
    // Two documents and the municipality's own page each.
    expect(m.jobs).toHaveLength(6);
    expect(await readFile(join(out, 'a', 'ouderfolder.pdf'), 'utf8')).toBe('a/ouderfolder.pdf for Gemeente a\n');
    expect(m.municipalities.map((x) => x.id)).toEqual(['a', 'b']);
    expect(await readFile(join(out, 'a', 'index.html'), 'utf8')).toContain('<a href="ouderfolder.html">');
    expect(m.site?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('<a href="b/index.html">Gemeente b</a>');
  });

  it('an unchanged rebuild renders and writes nothing', async () => {
    const profiles = [profile('a'), profile('b')];
    await runBuildJobs(input(profiles));
    const before = await snapshot(out);
    const calls: string[] = [];
    const result = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls).toEqual([]);
    expect(result.manifestWritten).toBe(false);
    expect(result.artifacts.every((a) => a.status === 'unchanged')).toBe(true);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a changed profile re-renders only that municipality', async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    const before = await snapshot(out);
    const profiles = [profile('a', 'Gemeente Anders'), profile('b')];
    const calls: string[] = [];
    const result = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls.sort()).toEqual(['a/ouderfolder', 'a/taak-per-moment']);
    const after = await snapshot(out);
    for (const path of Object.keys(before)) {
      if (path.startsWith('/b/')) expect(after[path]).toBe(before[path]);
    }
    expect(result.artifacts.filter((a) => a.status === 'written').every((a) => a.municipality === 'a')).toBe(true);
  });

  it('a changed document re-renders that document everywhere', async () => {
    const profiles = [profile('a'), profile('b')];
    await runBuildJobs(input(profiles));
    const calls: string[] = [];
    const changed = [{ ...documents[0]!, title: 'Changed' }, documents[1]!];
    await runBuildJobs(input(profiles, { documents: changed, createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls.sort()).toEqual(['a/ouderfolder', 'b/ouderfolder']);
  });

  it('hashes what validation gave, not the files on disk again', async () => {
    // A document's file and a profile's logo are what the jobs were drawn from only as
    // validation read them: the same model and bytes over changed files skip every job,
    // other bytes under the same path render that municipality again.
    const profiles = [profile('a'), profile('b')];
    const logo = join(ws.content, 'municipalities', 'a', 'logo.svg');
    const drawn = (bytes: string) => [
      { profile: profiles[0]!, assets: { [logo]: Buffer.from(bytes) } },
      { profile: profiles[1]!, assets: {} },
    ];
    expect((await runBuildJobs(input(profiles, { profiles: drawn('<svg/>') }))).diagnostics).toEqual([]);
    await writeFile(documents[0]!.file, '# changed on disk only\n');
    await mkdir(join(ws.content, 'municipalities', 'a'), { recursive: true });
    await writeFile(logo, '<svg>changed on disk only</svg>');
    let calls: string[] = [];
    await runBuildJobs(input(profiles, { profiles: drawn('<svg/>'), createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls).toEqual([]);
    calls = [];
    await runBuildJobs(input(profiles, { profiles: drawn('<svg>other</svg>'), createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls.sort()).toEqual(['a/ouderfolder', 'a/taak-per-moment']);
  });

  it('re-renders a job whose file was damaged, and --force re-renders all but rewrites nothing identical', async () => {
    const profiles = [profile('a')];
    await runBuildJobs(input(profiles));
    await writeFile(join(out, 'a', 'ouderfolder.pdf'), 'damaged');
    let calls: string[] = [];
    let result = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls).toEqual(['a/ouderfolder']);
    expect(result.artifacts.find((a) => a.path === 'a/ouderfolder.pdf')?.status).toBe('written');

    const before = await snapshot(out);
    calls = [];
    result = await runBuildJobs(input(profiles, { force: true, createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls).toHaveLength(2);
    expect(result.artifacts.every((a) => a.status === 'unchanged')).toBe(true);
    expect(await snapshot(out)).toEqual(before);
  });

  it("sends a changed profile's jobs before it checks the other jobs' files, and a damaged one's job after them", async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    await writeFile(join(out, 'b', 'ouderfolder.pdf'), 'damaged');
    const profiles = [profile('a', 'Gemeente Anders'), profile('b')];
    const created: string[] = [];
    const extended: string[] = [];
    const calls: string[] = [];
    const result = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { created, extended, calls }) }));
    expect(result.diagnostics).toEqual([]);
    // Longest first within each batch: the infographic has more formats.
    expect(created).toEqual(['a/taak-per-moment', 'a/ouderfolder']);
    expect(extended).toEqual(['b/ouderfolder']);
    expect(calls).toEqual(['a/taak-per-moment', 'a/ouderfolder', 'b/ouderfolder']);
    expect(await readFile(join(out, 'b', 'ouderfolder.pdf'), 'utf8')).toBe('b/ouderfolder.pdf for Gemeente b\n');
  });

  it('a damaged file alone: its job is the runner\'s first', async () => {
    const profiles = [profile('a'), profile('b')];
    await runBuildJobs(input(profiles));
    await writeFile(join(out, 'b', 'ouderfolder.pdf'), 'damaged');
    const created: string[] = [];
    const extended: string[] = [];
    await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { created, extended }) }));
    expect([created, extended]).toEqual([['b/ouderfolder'], []]);
  });

  it('notices a file edited in place without changing its size', async () => {
    const profiles = [profile('a')];
    await runBuildJobs(input(profiles));
    const file = join(out, 'a', 'ouderfolder.pdf');
    const original = await readFile(file, 'utf8');
    await writeFile(file, original.replace('a/', 'x/'));
    const calls: string[] = [];
    await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { calls }) }));
    expect(calls).toEqual(['a/ouderfolder']);
    expect(await readFile(file, 'utf8')).toBe(original);
  });

  it('a failed render leaves the output folder exactly as it was', async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    const before = await snapshot(out);
    const profiles = [profile('a', 'Nieuw'), profile('b', 'Nieuw'), profile('c')];
    const result = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { failFor: 'b' }) }));
    // Both of b's jobs report the same place: one diagnostic, naming the other job.
    expect(result.diagnostics.map((d) => [d.rule, d.message])).toEqual([['layout/overflow', 'too long The same here for b/taak-per-moment.']]);
    expect(result.artifacts).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
  });

  it('a page made while the jobs rendered is not put in place when a job fails', async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    // b renders nothing, so its damaged page is made again while a's jobs render.
    await writeFile(join(out, 'b', 'index.html'), 'damaged');
    const before = await snapshot(out);
    const profiles = [profile('a', 'Nieuw'), profile('b')];
    const failing = await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { failFor: 'a' }) }));
    expect(failing.artifacts).toEqual([]);
    expect(await snapshot(out)).toEqual(before);
    const passing = await runBuildJobs(input(profiles));
    expect(passing.artifacts.filter((a) => a.status === 'written').map((a) => a.path)).toContain('b/index.html');
    expect(await readFile(join(out, 'b', 'index.html'), 'utf8')).toContain('Gemeente b');
  });

  it('a failed first build leaves no output folder behind', async () => {
    const profiles = [profile('a')];
    await runBuildJobs(input(profiles, { createRunner: fakeRunner(profiles, { failFor: 'a' }) }));
    await expect(stat(out)).rejects.toThrow();
  });

  it('removes the files of a removed municipality, and only those the manifest owns', async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    await writeFile(join(out, 'b', 'notes.txt'), 'mine');
    const result = await runBuildJobs(input([profile('a')]));
    expect(result.artifacts.filter((a) => a.status === 'removed').map((a) => a.path)).toHaveLength(13);
    expect(await readdir(join(out, 'b'))).toEqual(['notes.txt']);
    expect(await readFile(join(out, 'index.html'), 'utf8')).not.toContain('Gemeente b');
    expect((await manifest()).artifacts.every((a) => a.municipality === 'a')).toBe(true);
  });

  it('a filtered build leaves other artifacts and manifest entries alone', async () => {
    await runBuildJobs(input([profile('a'), profile('b')]));
    const full = await manifest();
    const profiles = [profile('a', 'Anders'), profile('b', 'Anders')];
    const calls: string[] = [];
    await runBuildJobs(
      input(profiles, {
        selection: { municipalities: ['a'], documents: ['ouderfolder'] },
        createRunner: fakeRunner(profiles, { calls }),
      }),
    );
    expect(calls).toEqual(['a/ouderfolder']);
    const m = await manifest();
    expect(m.artifacts.map((a) => a.path)).toEqual(full.artifacts.map((a) => a.path));
    const changed = m.artifacts.filter((a, i) => a.sha256 !== full.artifacts[i]!.sha256).map((a) => a.path);
    // The document's files, and the municipality's page, which shows the new name (its other document is not rendered).
    expect(changed).toEqual(['a/index.html', 'a/ouderfolder.fragment.html', 'a/ouderfolder.html', 'a/ouderfolder.pdf', 'a/ouderfolder.thumb.png']);
  });

  it('sweeps temporaries that a killed build left behind', async () => {
    await mkdir(join(out, 'a'), { recursive: true });
    await writeFile(join(out, 'a', '.ouderfolder.pdf.folderpers-tmp-1-0-1'), 'half');
    await runBuildJobs(input([profile('a')]));
    expect((await readdir(join(out, 'a'))).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
