/**
 * A temporary content and output folder for build tests that run `runBuildJobs` with the
 * fake runner: two documents, profiles made in code, and the manifest read back.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BuildDocument, BuildInput } from '../../src/build/build.js';
import { parseManifest, type Manifest } from '../../src/build/manifest.js';
import type { MergedProfile } from '../../src/profiles/model.js';
import { fakeRunner } from './fake-runner.js';

export interface BuildWorkspace {
  root: string;
  content: string;
  out: string;
  documents: BuildDocument[];
}

export async function createWorkspace(prefix: string): Promise<BuildWorkspace> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const content = join(root, 'content');
  await mkdir(join(content, 'documents'), { recursive: true });
  await mkdir(join(content, 'municipalities'), { recursive: true });
  const documents: BuildDocument[] = [
    { id: 'ouderfolder', kind: 'parent-leaflet', file: join(content, 'documents', 'ouderfolder.md') },
    { id: 'taak-per-moment', kind: 'task-per-moment', file: join(content, 'documents', 'taak-per-moment.md') },
  ];
  for (const d of documents) await writeFile(d.file, `# ${d.id}\n`);
  return { root, content, out: join(root, 'out'), documents };
}

export function removeWorkspace(ws: BuildWorkspace): Promise<void> {
  return rm(ws.root, { recursive: true, force: true });
}

export function testProfile(id: string, name = `Gemeente ${id}`): MergedProfile {
  const contact = { organisation: 'Org', phone: '010 282 11 11', email: 'a@b.nl', website: 'https://a.nl' };
  return { id, name, brand: { primary: '#00811F' }, contact, national: contact, checklist: { url: 'https://c.nl' } };
}

export function buildInput(ws: BuildWorkspace, profiles: MergedProfile[], extra: Partial<BuildInput> = {}): BuildInput {
  return {
    contentRoot: ws.content,
    outDir: ws.out,
    documents: ws.documents,
    profiles: profiles.map((profile) => ({ profile, assets: {} })),
    selection: { municipalities: [], documents: [] },
    force: false,
    creationDate: new Date('2024-01-01T00:00:00Z'),
    generator: 'folderpers test',
    createRunner: fakeRunner(profiles),
    ...extra,
  };
}

export async function readManifest(ws: BuildWorkspace): Promise<Manifest> {
  const parsed = parseManifest(await readFile(join(ws.out, 'manifest.json'), 'utf8'));
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}
