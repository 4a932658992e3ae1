/**
 * The README's CI example, docs/ci/leaflets.yml, run for real on the bundled content: its
 * jobs in order (validate, plan, every shard of build, publish), each in a fresh folder
 * like a fresh runner (two of the bundled documents, all four municipalities), every `run:` step in bash as written, `npx folderpers` being this
 * checkout's CLI. The actions it uses are stood in for by what they do here: checkout
 * copies the content and commits it (the build dates its files by that commit), the
 * artifact actions copy folders in and out of one store, the rest do nothing. With more
 * shards than municipalities some shards are empty: they must build (no out/ yet) and
 * export like the others. What is published must be exactly what the manifests list.
 */
import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { shardOf } from '../../src/build/selection.js';
import { CLI, REPO } from '../hostile/workspace.js';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  environment?: { name: string; url: string };
  strategy?: { matrix: Record<string, string> };
  steps: Step[];
}
interface Workflow {
  env: Record<string, string | number>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

const WORKFLOW = parse(await readFile(path.join(REPO, 'docs', 'ci', 'leaflets.yml'), 'utf8')) as Workflow;
const MUNICIPALITIES = ['huizen', 'leiden', 'rotterdam', 'sudwest-fryslan'];
/** More shards than the bundled municipalities fill, so that some are empty. */
const SHARDS = 6;

let root: string;
let shim: string;
let store: string;
const log: string[] = [];

function bash(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `${{ … }}` as GitHub would fill it in for this run; an expression the test does not know fails it. */
function expand(text: string, values: Record<string, string>): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
    if (!(expr in values)) throw new Error(`the workflow uses \${{ ${expr} }}, which this test does not stand in for`);
    return values[expr]!;
  });
}

function readKeyValues(text: string): Record<string, string> {
  return Object.fromEntries(text.split('\n').filter((l) => l.includes('=')).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

/** Runs one job of the workflow in a folder of its own; returns its outputs (GITHUB_OUTPUT). */
async function runJob(name: string, values: Record<string, string>): Promise<Record<string, string>> {
  const job = WORKFLOW.jobs[name]!;
  const dir = await mkdtemp(path.join(root, `${name}-`));
  const githubEnv = path.join(dir, '.github-env');
  const githubOutput = path.join(dir, '.github-output');
  await writeFile(githubEnv, '');
  await writeFile(githubOutput, '');
  let env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${shim}:${process.env.PATH}`,
    HOME: dir,
    GITHUB_ENV: githubEnv,
    GITHUB_OUTPUT: githubOutput,
    NO_COLOR: '1',
    ...Object.fromEntries(Object.entries(WORKFLOW.env).map(([k, v]) => [k, String(v)])),
    SHARDS: String(SHARDS),
  };
  for (const step of job.steps) {
    if (step.uses) {
      await standIn(step, dir, values);
      continue;
    }
    // Installing is the one thing a test without network cannot do; the checkout has node_modules.
    if (!step.run || step.run.trim() === 'npm ci') continue;
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, values)]));
    const result = await bash(expand(step.run, values), dir, { ...env, ...stepEnv });
    log.push(`${name} ${values['matrix.shard'] ?? ''}: ${step.run.trim().split('\n')[0]} → ${result.code}`);
    expect(result.code, `${name}: ${step.run}\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout + result.stderr).not.toMatch(/internal error|^\s+at /m);
    env = { ...env, ...readKeyValues(await readFile(githubEnv, 'utf8')) };
  }
  return readKeyValues(await readFile(githubOutput, 'utf8'));
}

async function standIn(step: Step, dir: string, values: Record<string, string>): Promise<void> {
  const action = step.uses!.replace(/@.*$/, '');
  const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expand(String(v), values)]));
  if (action === 'actions/checkout') {
    // Three of the four documents (two leaflets and an infographic, every format between
    // them; the guide stays because Rotterdam's profile replaces one of its sections): the
    // workflow's steps are the same, the shards render less.
    await cp(path.join(REPO, 'content'), path.join(dir, 'content'), {
      recursive: true,
      filter: (src) => !/documents[\\/]drie-lagen\.md$/.test(src),
    });
    const git = await bash('git init -q && git add content && git -c user.name=ci -c user.email=ci@example.invalid commit -qm content', dir, process.env);
    expect(git.code, git.stderr).toBe(0);
  } else if (action === 'actions/upload-artifact') {
    expect(existsSync(path.join(dir, w.path!)), `${w.path} to upload`).toBe(true);
    await cp(path.join(dir, w.path!), path.join(store, w.name!), { recursive: true });
  } else if (action === 'actions/download-artifact') {
    const pattern = new RegExp(`^${w.pattern!.replace(/[.+^$()]/g, '\\$&').replace(/\*/g, '.*')}$`);
    for (const name of await readdir(store)) {
      if (pattern.test(name)) await cp(path.join(store, name), path.join(dir, w.path!, name), { recursive: true });
    }
  } else if (action === 'actions/upload-pages-artifact') {
    await cp(path.join(dir, w.path!), path.join(store, 'github-pages'), { recursive: true });
  }
  // setup-node, cache, deploy-pages: nothing to stand in for here.
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string, prefix: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      if (e.isDirectory()) await walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  await walk(dir, '');
  return out.sort();
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'folderpers-ci-'));
  shim = path.join(root, 'bin');
  store = path.join(root, 'artifacts');
  await mkdir(shim);
  await mkdir(store);
  // `npx folderpers …` is this checkout's CLI; any other npx is not part of the workflow.
  await writeFile(
    path.join(shim, 'npx'),
    `#!/bin/sh\nif [ "$1" = folderpers ]; then shift; exec "${process.execPath}" "${CLI}" "$@"; fi\necho "npx $* is not expected in the workflow" >&2\nexit 1\n`,
  );
  await chmod(path.join(shim, 'npx'), 0o755);
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('docs/ci/leaflets.yml', () => {
  it('uses the current Node LTS, dates the files by the commit and seals the cache with a secret', () => {
    const steps = Object.values(WORKFLOW.jobs).flatMap((j) => j.steps);
    for (const s of steps.filter((s) => s.uses?.startsWith('actions/setup-node'))) expect(s.with?.['node-version']).toBe('lts/*');
    expect(steps.some((s) => s.run?.includes('SOURCE_DATE_EPOCH=$(git log -1 --pretty=%ct)'))).toBe(true);
    expect(WORKFLOW.jobs['build']!.steps.find((s) => s.run?.includes('folderpers build'))?.env?.['FOLDERPERS_CACHE_KEY']).toBe('${{ secrets.FOLDERPERS_CACHE_KEY }}');
    expect(WORKFLOW.jobs['validate']!.if).toBe("github.event_name == 'pull_request'");
  });

  it('deploys the merged site to GitHub Pages with the permissions, concurrency and environment that needs; the shard count is set once', async () => {
    expect(WORKFLOW.permissions).toEqual({ contents: 'read' });
    const publish = WORKFLOW.jobs['publish']!;
    expect(publish.needs).toBe('build');
    expect(publish.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
    expect(publish.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(publish.environment).toEqual({ name: 'github-pages', url: '${{ steps.deploy.outputs.page_url }}' });
    const uses = publish.steps.map((s) => s.uses?.replace(/@.*$/, '')).filter(Boolean);
    expect(uses.slice(-2)).toEqual(['actions/upload-pages-artifact', 'actions/deploy-pages']);
    expect(publish.steps.at(-1)!.id).toBe('deploy');
    // One number in one place: the matrix comes from the plan job, which reads SHARDS.
    expect(typeof WORKFLOW.env['SHARDS']).toBe('number');
    expect(WORKFLOW.jobs['build']!.strategy!.matrix['shard']).toBe('${{ fromJSON(needs.plan.outputs.shards) }}');
    const text = await readFile(path.join(REPO, 'docs', 'ci', 'leaflets.yml'), 'utf8');
    expect(text.match(/SHARDS: \d+/g)).toHaveLength(1);
    expect(text).not.toMatch(/--shard [0-9]/);
  });

  it('validates, builds every shard (empty ones too), merges them and publishes exactly what the manifests list', async () => {
    await runJob('validate', {});
    const { list } = await runJob('plan', {});
    const shards = JSON.parse(list!) as number[];
    expect(shards).toEqual(Array.from({ length: SHARDS }, (_, i) => i + 1));
    const empty = shards.filter((s) => !MUNICIPALITIES.some((m) => shardOf(m, SHARDS) === s));
    expect(empty.length, 'shards without a municipality').toBeGreaterThan(0);
    for (const shard of shards) {
      await runJob('build', { 'matrix.shard': String(shard), 'env.SHARDS': String(SHARDS), 'secrets.FOLDERPERS_CACHE_KEY': 'c1'.repeat(32), 'github.sha': 'test' });
    }
    for (const shard of empty) {
      const m = JSON.parse(await readFile(path.join(store, `leaflets-${shard}`, 'manifest.json'), 'utf8')) as { municipalities: unknown[]; artifacts: unknown[] };
      expect(m.municipalities).toEqual([]);
      expect(m.artifacts).toEqual([]);
    }
    await runJob('publish', { 'steps.deploy.outputs.page_url': '' });

    const pages = path.join(store, 'github-pages');
    const manifest = JSON.parse(await readFile(path.join(pages, 'manifest.json'), 'utf8')) as {
      municipalities: { id: string }[];
      artifacts: { path: string; sha256: string }[];
      site: { path: string; sha256: string };
    };
    expect(manifest.municipalities.map((m) => m.id)).toEqual(MUNICIPALITIES);
    const listed = [...manifest.artifacts, manifest.site];
    expect(await filesUnder(pages)).toEqual([...listed.map((a) => a.path), 'manifest.json'].sort());
    for (const a of listed) expect(createHash('sha256').update(await readFile(path.join(pages, a.path))).digest('hex'), a.path).toBe(a.sha256);
    const site = await readFile(path.join(pages, 'index.html'), 'utf8');
    for (const m of MUNICIPALITIES) expect(site).toContain(`href="${m}/index.html"`);
  }, 900_000);
});
