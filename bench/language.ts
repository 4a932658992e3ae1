/**
 * What the language checks add to `validate`: the real CLI on the same content with the
 * language rules on (as shipped) and off (a language.yaml that switches every one off),
 * run alternately so that a busy machine slows both alike; the difference of the medians.
 * Once for the bundled content, once for the national set (342 profiles). With spelling on,
 * this includes loading the dictionary once.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const ALL_OFF = ['spelling', 'long-sentence', 'passive', 'officialese', 'long-word'].map((r) => `  language/${r}: off`).join('\n');

export interface LanguageCost {
  on: number;
  off: number;
  /** Median of on minus median of off, in seconds. */
  added: number;
  warnings: number;
}

function validate(cli: string, content: string): { wall: number; warnings: number } {
  const started = performance.now();
  const r = spawnSync(process.execPath, [cli, 'validate', '--content', content, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`validate failed (${String(r.status)}): ${r.stderr.slice(0, 500)}`);
  return { wall, warnings: (JSON.parse(r.stdout) as { warnings: number }).warnings };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

export async function languageCost(cli: string, content: string, scratch: string, rounds = 7): Promise<LanguageCost> {
  const dir = await mkdtemp(join(scratch, 'language-off-'));
  const off = join(dir, 'content');
  try {
    await cp(content, off, { recursive: true });
    await writeFile(join(off, 'language.yaml'), `rules:\n${ALL_OFF}\n`);
    validate(cli, content); // warm the file cache for both
    validate(cli, off);
    const on: number[] = [];
    const offs: number[] = [];
    let warnings = 0;
    for (let i = 0; i < rounds; i++) {
      const a = validate(cli, content);
      on.push(a.wall);
      warnings = a.warnings;
      offs.push(validate(cli, off).wall);
    }
    return { on: median(on), off: median(offs), added: median(on) - median(offs), warnings };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
