/**
 * The commit phase and the output folder check: a write that fails while files are put in
 * place is a diagnostic (never a crash), the manifest on disk only ever lists files that
 * match it, temporaries are swept by every build, and `--out` is probed by a real write.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isTempName } from '../../src/build/atomic-write.js';
import { runBuildJobs, type BuildInput } from '../../src/build/build.js';
import { outputFolderProblem } from '../../src/build/output-folder.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import { buildInput, createWorkspace, readManifest, removeWorkspace, testProfile, type BuildWorkspace } from './workspace.js';

let root: string;
let content: string;
let out: string;

async function allFiles(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, encoding: 'utf8' })).map((p) => p.replaceAll('\\', '/')).sort();
}

let ws: BuildWorkspace;
const profile = testProfile;
const input = (profiles: MergedProfile[], extra: Partial<BuildInput> = {}) => buildInput(ws, profiles, extra);
const manifest = () => readManifest(ws);

beforeEach(async () => {
  ws = await createWorkspace('folderpers-commit-');
  ({ root, content, out } = ws);
});

afterEach(() => removeWorkspace(ws));

describe('commit phase', () => {
  it('a rename that fails is a build/write-failed error, and the manifest on disk still matches every file it lists', async () => {
    expect((await runBuildJobs(input([profile('a'), profile('b')]))).diagnostics).toEqual([]);
    const before = await manifest();
    const paths = before.artifacts.filter((a) => a.municipality === 'a').map((a) => a.path).sort();
    // The last file of `a` is now a folder with something in it: renaming onto it fails,
    // after the other files of `a` were already renamed into place.
    const blocked = paths[paths.length - 1]!;
    await rm(join(out, blocked));
    await mkdir(join(out, blocked));
    await writeFile(join(out, blocked, 'keep'), 'x');

    const result = await runBuildJobs(input([profile('a', 'Gemeente A, nieuw'), profile('b')]));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toEqual(['build/write-failed']);
    expect(errors[0]!.message).toMatch(/could not write the output folder/);
    expect(result.artifacts).toEqual([]);

    const after = await manifest();
    for (const a of after.artifacts) {
      const bytes = await readFile(join(out, a.path));
      expect({ path: a.path, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ path: a.path, sha256: a.sha256 });
    }
    // The files of `a` about to be replaced are no longer listed; `b` is untouched.
    expect(after.artifacts.map((a) => a.path)).toEqual(before.artifacts.filter((a) => a.municipality === 'b').map((a) => a.path));
    expect((await allFiles(out)).filter((f) => isTempName(f.split('/').pop()!))).toEqual([]);

    // Once the obstacle is gone, the next build finishes the job.
    await rm(join(out, blocked), { recursive: true });
    const again = await runBuildJobs(input([profile('a', 'Gemeente A, nieuw'), profile('b')]));
    expect(again.diagnostics).toEqual([]);
    expect((await manifest()).artifacts.map((a) => a.path)).toEqual(before.artifacts.map((a) => a.path));
  });

  it('sweeps temporaries (stat cache, manifest, municipality files) even when nothing is rendered', async () => {
    await runBuildJobs(input([profile('a')]));
    const leftovers = [
      '.folderpers-cache.json.folderpers-tmp-1-0-1',
      '.manifest.json.folderpers-tmp-1-0-2',
      'a/.ouderfolder.pdf.folderpers-tmp-1-1-3',
    ];
    for (const f of leftovers) await writeFile(join(out, f), 'half');
    const result = await runBuildJobs(input([profile('a')]));
    expect(result.jobs.rendered).toBe(0);
    for (const f of leftovers) expect(existsSync(join(out, f)), f).toBe(false);
  });
});

describe('outputFolderProblem', () => {
  it.each(['/proc/folderpers-out', '/sys/folderpers-out', '/dev/folderpers-out', '/proc'])('refuses %s up front', async (dir) => {
    expect(await outputFolderProblem(dir, content)).toMatch(/is not writable \(\/(proc|sys|dev) is a system pseudo file system/);
  });

  it('refuses a folder below a file', async () => {
    await writeFile(join(root, 'out.txt'), 'x');
    expect(await outputFolderProblem(join(root, 'out.txt', 'sub'), content)).toMatch(/cannot be created: .*out\.txt is a file/);
  });

  it('probes a missing folder by creating it, and leaves nothing behind', async () => {
    const before = await allFiles(root);
    expect(await outputFolderProblem(join(root, 'new', 'deeper', 'out'), content)).toBeUndefined();
    expect(await allFiles(root)).toEqual(before);
  });

  it('probes an existing folder and leaves it as it was', async () => {
    await mkdir(out);
    await writeFile(join(out, 'keep.txt'), 'x');
    expect(await outputFolderProblem(out, content)).toBeUndefined();
    expect(await allFiles(out)).toEqual(['keep.txt']);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder without write permission (not as root)', async () => {
    const { chmod } = await import('node:fs/promises');
    await mkdir(out);
    await chmod(out, 0o555);
    try {
      expect(await outputFolderProblem(join(out, 'sub'), content)).toMatch(/is not writable \(permission denied/);
    } finally {
      await chmod(out, 0o755);
    }
  });
});
