/**
 * `npm run bench`: the national build, measured. Generates 342 synthetic municipalities in
 * a temporary folder and runs the real CLI as a child process: cold with one worker, cold
 * with all cores, unchanged rebuild, and rebuild after one profile changed. Prints wall
 * time, artifacts per second, time per artifact per format, and peak memory, against the
 * targets of issue 5; and the one-profile rebuild once more with `--municipality`, as a
 * communication officer runs it. Not part of `npm test`.
 *
 *   npm run bench                          the national set (342 municipalities)
 *   npm run bench -- --municipalities 20   a quick look at a smaller set
 *   npm run bench -- --language-only       only what the language checks add to validate
 *   npm run bench -- --cold-only           only the cold-path rows (bench/cold-start.ts)
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureColdStart, perMunicipality, type ColdStart } from './cold-start.js';
import { measureMachineScaling } from './machine-scaling.js';
import { languageCost, type LanguageCost } from './language.js';
import { typstLeafletCost, type TypstCost } from './typst.js';
import { benchWatchRebuild, WATCH_REBUILD_TARGET_S, type WatchRebuild } from './watch.js';
import { MUNICIPALITY_COUNT, phone, profileYaml, writeNationalSet } from './national-set.js';

/** This file runs as dist/bench/run.js. */
const TOOL_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A frozen copy of the tool (compiled code, templates, schemas; node_modules linked) for
 * all runs: a rebuild of dist/ during the benchmark would change the tool's fingerprint
 * and turn the "unchanged" rebuild into a full one.
 */
async function freezeTool(into: string): Promise<string> {
  const skip = new Set(['node_modules', '.git', 'out', '.bench', 'content', 'test']);
  for (const name of await readdir(TOOL_ROOT)) {
    if (!skip.has(name)) await cp(join(TOOL_ROOT, name), join(into, name), { recursive: true });
  }
  await symlink(join(TOOL_ROOT, 'node_modules'), join(into, 'node_modules'), 'dir');
  return join(into, 'bin', 'folderpers.js');
}

let CLI = '';

interface Summary {
  written: number;
  unchanged: number;
  removed: number;
  jobs: { planned: number; rendered: number; skipped: number };
  timings: Record<string, Record<string, { count: number; ms: number }>>;
  outputBytes: number;
  seconds: number;
  peakRssBytes: number;
}

interface Run {
  label: string;
  jobs: number;
  wall: number;
  summary: Summary;
}

async function build(label: string, content: string, out: string, jobs: number, ...extra: string[]): Promise<Run> {
  const args = ['build', '--content', content, '--out', out, '--jobs', String(jobs), '--format', 'json', ...extra];
  const started = performance.now();
  // As users run it: through the launcher's #! line and the V8 options on it.
  const { code, stdout, stderr } = await run(CLI, args);
  const wall = (performance.now() - started) / 1000;
  if (code !== 0) {
    throw new Error(`${label}: folderpers build exited with ${code}\n${stderr}\n${stdout.slice(0, 4000)}`);
  }
  const result = JSON.parse(stdout) as { summary: Summary };
  return { label, jobs, wall, summary: result.summary };
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function printRun(r: Run): void {
  const s = r.summary;
  const artifacts = s.written + s.unchanged;
  console.log(
    `${pad(r.label, 26)}${lpad(`${r.wall.toFixed(2)} s`, 10)}${lpad((s.written / r.wall).toFixed(1), 12)}` +
      `${lpad(String(s.written), 9)}${lpad(String(s.unchanged), 11)}${lpad(String(s.jobs.rendered), 10)}` +
      `${lpad(mb(s.peakRssBytes), 11)}${lpad(mb(s.outputBytes), 10)}  (${artifacts} artifacts, --jobs ${r.jobs})`,
  );
}

/** Per kind and step: mean in-worker ms, and wall time amortised over the cores used. */
function printSteps(r: Run): void {
  const total = Object.values(r.summary.timings)
    .flatMap((steps) => Object.values(steps))
    .reduce((sum, t) => sum + t.ms, 0);
  console.log(`\n  Time per artifact in "${r.label}" (in-worker mean; amortised = share of wall time × cores):`);
  for (const [kind, steps] of Object.entries(r.summary.timings).sort()) {
    for (const [step, t] of Object.entries(steps)) {
      const amortised = ((t.ms / total) * r.wall * 1000 * r.jobs) / t.count;
      console.log(`    ${pad(kind, 20)}${pad(step, 10)}${lpad(`${(t.ms / t.count).toFixed(1)} ms`, 11)}${lpad(`${amortised.toFixed(1)} ms`, 11)}  × ${t.count}`);
    }
  }
  console.log('');
}

/** Mean amortised ms of one kind's job step(s): in-worker time scaled so all steps add up to wall × cores. */
function amortisedMs(r: Run, kind: string, stepsOf: (step: string) => boolean): number {
  const all = Object.values(r.summary.timings).flatMap((steps) => Object.values(steps));
  const total = all.reduce((sum, t) => sum + t.ms, 0);
  const steps = Object.entries(r.summary.timings[kind] ?? {}).filter(([step]) => stepsOf(step));
  const count = Math.max(...steps.map(([, t]) => t.count), 1);
  const ms = steps.reduce((sum, [, t]) => sum + t.ms, 0);
  return ((ms / total) * r.wall * 1000 * r.jobs) / count;
}

/**
 * The web edition's share of a build's wall time: its step in the workers (`web`: the
 * thumbnail, the page and the fragment), as a share of all in-worker time, of the time
 * the workers ran; plus the site phase (`site`: the municipality pages and the review
 * site), which the main thread runs after them.
 */
function webShare(r: Run): { share: number; seconds: number } {
  const worker = Object.entries(r.summary.timings).filter(([kind]) => kind !== 'site');
  const total = worker.flatMap(([, steps]) => Object.values(steps)).reduce((sum, t) => sum + t.ms, 0);
  const web = worker.reduce((sum, [, steps]) => sum + (steps['web']?.ms ?? 0), 0);
  const site = Object.values(r.summary.timings['site'] ?? {}).reduce((sum, t) => sum + t.ms, 0) / 1000;
  const seconds = (total > 0 ? (web / total) * (r.wall - site) : 0) + site;
  return { share: seconds / r.wall, seconds };
}

async function storeSize(dir: string): Promise<string> {
  const names = await readdir(dir).catch(() => [] as string[]);
  let bytes = 0;
  for (const name of names) bytes += (await stat(join(dir, name))).size;
  return `${names.length} files, ${mb(bytes)}`;
}

function ms(seconds: number): string {
  return `${Math.round(seconds * 1000)} ms`;
}

function printLanguage(label: string, c: LanguageCost): void {
  console.log(
    `  ${pad(label, 36)}${lpad(ms(c.on), 9)}${lpad(ms(c.off), 9)}${lpad(ms(c.added), 9)}` +
      `${lpad(ms(c.cpuOn), 10)}${lpad(ms(c.cpuOff), 10)}${lpad(ms(c.cpuAdded), 10)}${lpad(String(c.warnings), 10)}`,
  );
}

/** What the language rules add to validate (medians of alternate runs, see bench/language.ts). */
async function measureLanguage(root: string, national: string, count: number): Promise<{ bundled: LanguageCost; national: LanguageCost }> {
  console.log(`Language checks in validate (7 alternate runs each: median wall time, least CPU time):`);
  console.log(
    `  ${pad('content', 36)}${lpad('on', 9)}${lpad('off', 9)}${lpad('added', 9)}` +
      `${lpad('cpu on', 10)}${lpad('cpu off', 10)}${lpad('cpu added', 10)}${lpad('warnings', 10)}`,
  );
  const bundled = await languageCost(CLI, join(TOOL_ROOT, 'content'), root);
  printLanguage('bundled (4 documents, 4 profiles)', bundled);
  const set = await languageCost(CLI, national, root);
  printLanguage(`national set (${count} profiles)`, set);
  console.log('');
  return { bundled, national: set };
}

/** The cold-path rows: the first builds of a municipality and the scaling with cores. */
async function measureCold(root: string): Promise<ColdStart> {
  console.log('Cold path (issue 14; 40 synthetic municipalities, fresh out/ for each, medians of 3 where repeated):');
  const c = await measureColdStart(CLI, TOOL_ROOT, root);
  console.log(`  build --municipality X into an empty out/      ${c.first.toFixed(2)} s`);
  console.log(`  … a second municipality into the same out/     ${c.second.toFixed(2)} s`);
  for (const s of c.scaling) {
    console.log(`  ${pad(`${s.municipalities} municipalities, --jobs 1 / --jobs 2`, 47)}${s.jobs1.toFixed(2)} s / ${s.jobs2.toFixed(2)} s (${(s.jobs2 / s.jobs1).toFixed(2)})`);
  }
  const machine = await measureMachineScaling();
  console.log(
    `  ${pad('this machine: the same JS work in 2 processes', 47)}${machine.two.toFixed(2)} s against ${machine.one.toFixed(2)} s in 1 (${(machine.two / machine.one).toFixed(2)}×; ` +
      `1.00× where cores scale, then the best --jobs 2 / --jobs 1 is ≈ 0.5)`,
  );
  const all = perMunicipality(c.marginal.all);
  const leaflet = perMunicipality(c.marginal.leaflet);
  console.log(`  marginal municipality (4 vs 40, --jobs 2)      ${ms(all)}, national ≈ ${(c.marginal.all.four + (MUNICIPALITY_COUNT - 4) * all).toFixed(1)} s`);
  console.log(`  … the leaflet alone (--document ouderfolder)   ${ms(leaflet)}`);
  typst = await typstLeafletCost(TOOL_ROOT);
  console.log(`  the same leaflet text, Typst                   ${typeof typst === 'string' ? typst : `${ms(typst.perLeaflet)} (${typst.version})`}`);
  console.log('');
  watch = await benchWatchRebuild();
  console.log('');
  return c;
}

let typst: TypstCost | string = 'not measured';
let watch: WatchRebuild | undefined;

function coldChecks(c: ColdStart): [string, boolean, string][] {
  const all = perMunicipality(c.marginal.all);
  const leaflet = perMunicipality(c.marginal.leaflet);
  const national = c.marginal.all.four + (MUNICIPALITY_COUNT - 4) * all;
  return [
    ['cold build --municipality X ≤ 1.5 s', c.first <= 1.5, `${c.first.toFixed(2)} s`],
    ['… a second one into the same out/ ≤ 1.5 s', c.second <= 1.5, `${c.second.toFixed(2)} s`],
    ...c.scaling.map((s): [string, boolean, string] => [`--jobs 2 / --jobs 1 ≤ 0.6 (${s.municipalities})`, s.jobs2 / s.jobs1 <= 0.6, (s.jobs2 / s.jobs1).toFixed(2)]),
    ['national, from the marginal cost ≤ 30 s', national <= 30, `${national.toFixed(1)} s (${ms(all)} per municipality)`],
    ...(watch
      ? [[`watch: one-word rebuild < ${WATCH_REBUILD_TARGET_S} s`, Math.max(...watch.wall) < WATCH_REBUILD_TARGET_S, `worst ${Math.max(...watch.wall).toFixed(2)} s of ${watch.wall.length} edits`] as [string, boolean, string]]
      : []),
    typeof typst === 'string'
      ? ['leaflet ≤ 1.0 × Typst', false, typst]
      : ['leaflet ≤ 1.0 × Typst', leaflet <= typst.perLeaflet, `${(leaflet / typst.perLeaflet).toFixed(2)} × (${ms(leaflet)} against ${ms(typst.perLeaflet)})`],
  ];
}

function printTargets(checks: [string, boolean, string][]): void {
  console.log('\nTargets (issues 5, 12 and 14, 2-core machine):');
  for (const [name, ok, value] of checks) console.log(`  ${ok ? 'ok  ' : 'MISS'} ${pad(name, 44)}${value}`);
}

function municipalityCount(argv: readonly string[]): number {
  const i = argv.indexOf('--municipalities');
  if (i < 0) return MUNICIPALITY_COUNT;
  const n = Number(argv[i + 1]);
  if (!Number.isInteger(n) || n < 1 || n > MUNICIPALITY_COUNT) throw new Error(`--municipalities takes 1 to ${MUNICIPALITY_COUNT}`);
  return n;
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  const count = municipalityCount(process.argv.slice(2));
  const root = await mkdtemp(join(tmpdir(), 'folderpers-bench-'));
  try {
    CLI = await freezeTool(join(root, 'tool'));
    const municipalities = await writeNationalSet(TOOL_ROOT, root, count);
    const content = join(root, 'content');
    console.log(`folderpers bench: ${count} municipalities, ${cores} cores, in ${root}\n`);
    const cold = await measureCold(root);
    if (process.argv.includes('--cold-only')) return printTargets(coldChecks(cold));
    const language = await measureLanguage(root, content, count);
    if (process.argv.includes('--language-only')) return;
    console.log(
      `${pad('run', 26)}${lpad('wall', 10)}${lpad('written/s', 12)}${lpad('written', 9)}${lpad('unchanged', 11)}` +
        `${lpad('rendered', 10)}${lpad('peak RSS', 11)}${lpad('output', 10)}`,
    );
    const cold1 = await build('cold, 1 worker', content, join(root, 'out-1'), 1);
    printRun(cold1);
    const coldN = await build(`cold, ${cores} workers`, content, join(root, 'out-n'), cores);
    printRun(coldN);
    printSteps(coldN);
    const sameManifest =
      (await readFile(join(root, 'out-1', 'manifest.json'), 'utf8')) ===
      (await readFile(join(root, 'out-n', 'manifest.json'), 'utf8'));
    const unchanged = await build('unchanged rebuild', content, join(root, 'out-n'), cores);
    printRun(unchanged);

    // Three edits of the phone number, the median reported: one run of ~2 s on a VM whose
    // speed drifts is too noisy to check a target with.
    const changed = municipalities[Math.floor(municipalities.length / 3)]!;
    const edits: Run[] = [];
    for (const variant of [1, 3, 4]) {
      await writeFile(join(content, 'municipalities', `${changed.id}.yaml`), profileYaml({ ...changed, phone: phone(changed.index, variant) }));
      edits.push(await build('one profile (median of 3)', content, join(root, 'out-n'), cores));
    }
    const oneProfile = [...edits].sort((a, b) => a.wall - b.wall)[1]!;
    printRun(oneProfile);
    // What a communication officer runs after editing their own profile.
    await writeFile(join(content, 'municipalities', `${changed.id}.yaml`), profileYaml({ ...changed, phone: phone(changed.index, 2) }));
    const ownProfile = await build('… with --municipality', content, join(root, 'out-n'), cores, '--municipality', changed.id);
    printRun(ownProfile);
    console.log(`\n  Strip store after these builds: ${await storeSize(join(root, 'out-n', '.folderpers-strips'))}`);

    const leafletPdf = amortisedMs(coldN, 'parent-leaflet', (s) => s !== 'write');
    const printPng = amortisedMs(coldN, 'task-per-moment', (s) => s === 'png');
    const web = webShare(coldN);
    const checks: [string, boolean, string][] = [
      [`cold build of ${count} municipalities < 60 s`, coldN.wall < 60, `${coldN.wall.toFixed(1)} s`],
      ['peak memory < 1.5 GB', coldN.summary.peakRssBytes < 1.5 * 1024 ** 3, mb(coldN.summary.peakRssBytes)],
      ['unchanged rebuild < 2 s', unchanged.wall < 2 && unchanged.summary.written === 0, `${unchanged.wall.toFixed(2)} s, ${unchanged.summary.written} written`],
      [
        'one-profile rebuild < 1.5 s',
        oneProfile.wall < 1.5,
        `${oneProfile.wall.toFixed(2)} s, ${oneProfile.summary.jobs.rendered} jobs rendered (--municipality: ${ownProfile.wall.toFixed(2)} s)`,
      ],
      ['leaflet PDF ≤ 25 ms amortised', leafletPdf <= 25, `${leafletPdf.toFixed(1)} ms`],
      ['print PNG ≤ 200 ms amortised', printPng <= 200, `${printPng.toFixed(1)} ms (task-per-moment)`],
      ['--jobs 1 and --jobs N manifests identical', sameManifest, sameManifest ? 'identical' : 'DIFFERENT'],
      ['web edition ≤ 5 % of the cold build', web.share <= 0.05, `${(web.share * 100).toFixed(1)} % (${web.seconds.toFixed(1)} s of ${coldN.wall.toFixed(1)} s)`],
      ['language adds ≤ 300 ms (bundled)', language.bundled.added <= 0.3, `${ms(language.bundled.added)} (CPU ${ms(language.bundled.cpuAdded)})`],
      [`language adds ≤ 1 s (${count} profiles)`, language.national.added <= 1, `${ms(language.national.added)} (CPU ${ms(language.national.cpuAdded)})`],
    ];
    if (count === MUNICIPALITY_COUNT) {
      checks.push(
        [`national cold build (${count}) ≤ 30 s`, coldN.wall <= 30, `${coldN.wall.toFixed(1)} s`],
        [`one profile changed (${count}) ≤ 1.0 s`, oneProfile.wall <= 1, `${oneProfile.wall.toFixed(2)} s`],
      );
    }
    printTargets([...checks, ...coldChecks(cold)]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await main();
