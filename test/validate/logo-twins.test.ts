/**
 * The look at the content folder that spares `--municipality X` reading every other
 * profile for the shared-logo check (src/profiles/logo-twins.ts): it may only say "no
 * reading needed" when no other profile can have a logo with the loaded logo's bytes.
 */
import { execFileSync } from 'node:child_process';
import { cp, link, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { othersMayShareLogo, type LoadedLogo } from '../../src/profiles/logo-twins.js';

const idKey = (id: string) => id.normalize('NFC').toLowerCase();
const LOGO_A = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="8"><rect width="20" height="8" fill="#A3171E"/></svg>\n';
/** Of the same length as LOGO_A, other bytes. */
const LOGO_B = LOGO_A.replace('A3171E', '005A9C');

let root: string;
const at = (...parts: string[]) => join(root, ...parts);
const logoA = (): LoadedLogo => ({ file: at('municipalities', 'aalten', 'logo.svg'), bytes: Buffer.from(LOGO_A), ownFolder: 'aalten' });

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'folderpers-logo-twins-'));
  for (const id of ['aalten', 'bergen']) await mkdir(at('municipalities', id), { recursive: true });
  await mkdir(at('documents'));
  await writeFile(at('documents', 'ouderfolder.md'), '# Folder\n');
  await writeFile(at('municipalities', 'aalten.yaml'), 'name: Aalten\n');
  await writeFile(at('municipalities', 'bergen.yaml'), 'name: Bergen\n');
  await writeFile(at('municipalities', 'aalten', 'logo.svg'), LOGO_A);
  await writeFile(at('municipalities', 'bergen', 'logo.svg'), LOGO_B);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('whether the other profiles must be read for a twin of a loaded logo', () => {
  it('no: every logo in its own folder, no links, no other file with its bytes (one of the same size included)', async () => {
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(false);
    expect(await othersMayShareLogo(root, [], idKey)).toBe(false);
  });

  it('yes: a file elsewhere with the same bytes, whether a copy, a hard link or no logo at all', async () => {
    await writeFile(at('municipalities', 'bergen', 'logo.svg'), LOGO_A);
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
    await writeFile(at('municipalities', 'bergen', 'logo.svg'), LOGO_B);
    await link(at('municipalities', 'aalten', 'logo.svg'), at('documents', 'logo.svg'));
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
    await rm(at('documents', 'logo.svg'));
    await cp(at('municipalities', 'aalten', 'logo.svg'), at('documents', 'kopie.txt'));
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
  });

  it('yes: a symbolic link anywhere, which could lead another profile\'s path to the logo itself', async () => {
    await mkdir(at('gedeeld'));
    await symlink(at('municipalities', 'aalten', 'logo.svg'), at('gedeeld', 'logo.svg'));
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
    await rm(at('gedeeld'), { recursive: true });
    await symlink(at('municipalities', 'aalten'), at('municipalities', 'bergen', 'map'));
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
  });

  it('yes: a logo outside its profile\'s own folder, which another profile may name just as well', async () => {
    await mkdir(at('municipalities', 'gedeeld'));
    await writeFile(at('municipalities', 'gedeeld', 'logo.svg'), LOGO_A);
    await rm(at('municipalities', 'aalten', 'logo.svg'));
    expect(await othersMayShareLogo(root, [{ ...logoA(), file: at('municipalities', 'gedeeld', 'logo.svg') }], idKey)).toBe(true);
    await writeFile(at('municipalities', 'logo.svg'), LOGO_A);
    expect(await othersMayShareLogo(root, [{ ...logoA(), file: at('municipalities', 'logo.svg') }], idKey)).toBe(true);
  });

  it('yes: something that is neither file nor folder, or a logo that is gone', async () => {
    execFileSync('mkfifo', [at('documents', 'pijp')]);
    expect(await othersMayShareLogo(root, [logoA()], idKey)).toBe(true);
    await rm(at('documents', 'pijp'));
    expect(await othersMayShareLogo(root, [{ ...logoA(), file: at('municipalities', 'aalten', 'weg.svg') }], idKey)).toBe(true);
  });
});
