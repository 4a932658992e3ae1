import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_CREATION_DATE, creationDate } from '../../src/build/creation-date.js';
import { outputFolderProblem } from '../../src/build/output-folder.js';

let root: string;
let content: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'folderpers-options-'));
  content = join(root, 'content');
  await mkdir(content);
});

afterAll(async () => {
  await chmod(join(root, 'locked'), 0o755).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

describe('outputFolderProblem', () => {
  it('accepts a new or existing folder outside the content folder', async () => {
    expect(await outputFolderProblem(join(root, 'out'), content)).toBeUndefined();
    expect(await outputFolderProblem(join(root, 'deep', 'new', 'out'), content)).toBeUndefined();
    expect(await outputFolderProblem(root, content)).toBeUndefined();
  });

  it('refuses the content folder, a folder inside it, and one that leads into it through a symlink', async () => {
    expect(await outputFolderProblem(content, content)).toMatch(/inside the content folder/);
    expect(await outputFolderProblem(join(content, 'out'), content)).toMatch(/inside the content folder/);
    await symlink(content, join(root, 'link'));
    expect(await outputFolderProblem(join(root, 'link', 'out'), content)).toMatch(/inside the content folder/);
  });

  it('refuses a file', async () => {
    await writeFile(join(root, 'file'), '');
    expect(await outputFolderProblem(join(root, 'file'), content)).toMatch(/is a file, not a folder/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a folder it cannot write in', async () => {
    await mkdir(join(root, 'locked'));
    await chmod(join(root, 'locked'), 0o555);
    expect(await outputFolderProblem(join(root, 'locked', 'out'), content)).toMatch(/not writable/);
  });
});

describe('creationDate', () => {
  it('is SOURCE_DATE_EPOCH, else a fixed date', () => {
    expect(creationDate({})).toEqual(FIXED_CREATION_DATE);
    expect(creationDate({ SOURCE_DATE_EPOCH: '1704067200' })).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(creationDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toMatch(/whole number of seconds/);
  });
});
