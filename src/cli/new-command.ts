/**
 * `folderpers new <id>`: a new municipality's profile and folder, from options or, on a
 * terminal, by asking for what the options leave out. Every value is checked as it is
 * given (with the rules validate uses), nothing is written until all are right, and the
 * new profile is validated at the end, as `validate --municipality <id>` would.
 */
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { creationDate } from '../build/creation-date.js';
import { countBySeverity } from '../diagnostics/index.js';
import {
  checkField,
  checkLogo,
  ExistsError,
  NEW_FIELDS,
  newIdProblem,
  profileText,
  schemaProblems,
  writeNewProfile,
  type CheckedLogo,
  type FieldKey,
  type NewField,
} from '../profiles/new-profile.js';
import { EXIT_CONTENT, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { report, shownPath } from './report.js';

export interface NewCommandOptions {
  content: string;
  name?: string;
  organisation?: string;
  phone?: string;
  email?: string;
  website?: string;
  primary?: string;
  logo?: string;
  example: boolean;
}

/** Asks one question and resolves with the answer, or with undefined when input has ended. */
export type Ask = (question: string) => Promise<string | undefined>;

export interface NewCommandIo {
  /** Present when values may be asked for (stdin and stdout are a terminal). */
  ask?: Ask;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Questions on the terminal through readline; end of input (Ctrl-D) answers undefined. */
export function terminalAsk(): { ask: Ask; close: () => void } {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  let closed = false;
  const waiting = new Set<(answer: string | undefined) => void>();
  rl.on('close', () => {
    closed = true;
    for (const resolve of waiting) resolve(undefined);
  });
  const ask: Ask = (question) =>
    new Promise((resolve) => {
      if (closed) return resolve(undefined);
      waiting.add(resolve);
      rl.question(question, (answer) => {
        waiting.delete(resolve);
        resolve(answer);
      });
    });
  return { ask, close: () => rl.close() };
}

const FLAG: Record<FieldKey, string> = {
  name: '--name',
  organisation: '--organisation',
  phone: '--phone',
  email: '--email',
  website: '--website',
  primary: '--primary',
};

class Cancelled extends Error {}

export async function runNew(id: string, opts: NewCommandOptions, io?: NewCommandIo): Promise<number> {
  let close: (() => void) | undefined;
  if (!io) {
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    const terminal = interactive ? terminalAsk() : undefined;
    close = terminal?.close;
    io = { ...(terminal ? { ask: terminal.ask } : {}), out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };
  }
  try {
    return await create(id, opts, io);
  } catch (err) {
    if (err instanceof Cancelled) {
      io.err('folderpers new: cancelled; nothing was written\n');
      return EXIT_USAGE;
    }
    throw err;
  } finally {
    close?.();
  }
}

function usage(io: NewCommandIo, message: string): number {
  io.err(`folderpers new: ${message}\n(run folderpers new --help for usage)\n`);
  return EXIT_USAGE;
}

async function create(id: string, opts: NewCommandOptions, io: NewCommandIo): Promise<number> {
  const contentRoot = resolve(opts.content);
  const isFolder = (p: string) =>
    stat(p).then(
      (s) => s.isDirectory(),
      () => false,
    );
  if (!(await isFolder(join(contentRoot, 'municipalities')))) {
    return usage(io, `no folder '${join(opts.content, 'municipalities')}': run it in the folder that holds content/, or give --content`);
  }
  const idWrong = await newIdProblem(contentRoot, id);
  if (idWrong) return usage(io, idWrong.replace(contentRoot + sep, `${opts.content}${sep}`));

  const given: Partial<Record<FieldKey, string>> = {};
  for (const field of NEW_FIELDS) {
    const v = opts[field.key];
    if (v !== undefined) given[field.key] = v;
  }
  const missing = NEW_FIELDS.filter((f) => given[f.key] === undefined);
  if (missing.length > 0 && !io.ask) {
    return usage(
      io,
      `missing ${missing.map((f) => FLAG[f.key]).join(', ')} (not a terminal, so nothing can be asked): e.g. folderpers new ${id} ${missing.map((f) => `${FLAG[f.key]} ${JSON.stringify(f.example)}`).join(' ')}`,
    );
  }

  const values = {} as Record<FieldKey, string>;
  const problems: string[] = [];
  for (const field of NEW_FIELDS) {
    const flag = given[field.key];
    if (flag !== undefined) {
      const checked = checkField(field, flag);
      if (checked.ok) {
        values[field.key] = checked.value;
        io.out(`  ${field.path.join('.')}: ${checked.value} (${checked.shown})\n`);
        continue;
      }
      if (!io.ask) {
        problems.push(`${FLAG[field.key]}: ${checked.problem}`);
        continue;
      }
      io.err(`${FLAG[field.key]}: ${checked.problem}\n`);
      values[field.key] = await askFor(field, io, io.ask, checked.suggestion);
    } else {
      values[field.key] = await askFor(field, io, io.ask!);
    }
  }

  let logo: CheckedLogo | undefined;
  let logoFile = opts.logo;
  if (logoFile === undefined && io.ask && missing.length > 0) {
    logoFile = (await io.ask('Logo file, SVG or PNG (empty: none for now): '))?.trim() || undefined;
  }
  while (logoFile !== undefined) {
    const checked = await checkLogo(contentRoot, logoFile);
    if (checked.ok) {
      logo = checked.logo;
      io.out(`  brand.logo: ${logoFile} (${checked.logo.type.toUpperCase()}, copied to ${id}/logo.${checked.logo.type})\n`);
      break;
    }
    if (!io.ask || opts.logo !== undefined) {
      problems.push(`--logo: ${checked.problem}`);
      break;
    }
    io.err(`${checked.problem}\n`);
    logoFile = (await io.ask('Logo file, SVG or PNG (empty: none for now): '))?.trim() || undefined;
  }

  if (problems.length > 0) {
    io.err(problems.map((p) => `folderpers new: ${p}\n`).join('') + 'nothing was written\n');
    return EXIT_CONTENT;
  }

  const logoName = logo ? `logo.${logo.type}` : undefined;
  const schemaWrong = schemaProblems(id, values, opts.example, logoName);
  if (schemaWrong.length > 0) {
    io.err(schemaWrong.map((p) => `folderpers new: ${p}\n`).join('') + 'nothing was written\n');
    return EXIT_CONTENT;
  }

  let written;
  try {
    written = await writeNewProfile(contentRoot, id, profileText(id, values, opts.example, logoName), logo);
  } catch (err) {
    if (err instanceof ExistsError) return usage(io, `${shownPath(err.path)} already exists; nothing was written`);
    throw err;
  }
  io.out(`created ${shownPath(written.profile)}\n`);
  if (written.logo) io.out(`created ${shownPath(written.logo)}\n`);

  // What validate says about the new profile: the national text's own warnings are for its
  // editors, not for whoever adds a municipality.
  // Laid out too, as `validate` does: no error here means the build succeeds.
  const { validateContent } = await import('../validate/index.js');
  const date = creationDate();
  const result = await validateContent({
    contentRoot: opts.content,
    municipalities: [id],
    languageWarnings: false,
    ...(typeof date === 'string' ? {} : { layout: { creationDate: date } }),
  });
  const folder = join(contentRoot, 'municipalities', id);
  const own = result.diagnostics.filter((d) => d.file === written.profile || !relative(folder, d.file).startsWith('..'));
  const errors = countBySeverity(result.diagnostics).errors;
  if (own.length > 0) io.out(report(own, 'text'));
  if (errors > 0) {
    if (own.length === 0) io.out(report(result.diagnostics.filter((d) => d.severity === 'error'), 'text'));
    io.err(`folderpers new: the profile was written, but validate reports ${errors === 1 ? 'an error' : `${errors} errors`}; fix ${errors === 1 ? 'it' : 'them'} and run folderpers validate --municipality ${id}\n`);
    return EXIT_CONTENT;
  }
  io.out(
    `Next: npx folderpers build --municipality ${id}, then look at every file in out/${id}/${logo ? '' : `; add a logo later as ${id}/logo.svg under brand: logo:`}\n`,
  );
  return EXIT_OK;
}

/** Asks until the answer passes; a failing colour offers its nearest passing shade as the default. */
async function askFor(field: NewField, io: NewCommandIo, ask: Ask, suggestion?: string): Promise<string> {
  let fallback = suggestion;
  for (;;) {
    const answer = await ask(`${field.question}${fallback ? ` [${fallback}]` : ` (e.g. ${field.example})`}: `);
    if (answer === undefined) throw new Cancelled();
    const given = answer.trim() === '' && fallback ? fallback : answer;
    const checked = checkField(field, given);
    if (checked.ok) {
      io.out(`  ${field.path.join('.')}: ${checked.value} (${checked.shown})\n`);
      return checked.value;
    }
    io.err(`${checked.problem}\n`);
    fallback = checked.suggestion;
  }
}
