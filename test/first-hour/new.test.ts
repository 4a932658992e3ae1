/**
 * `folderpers new <id>`: through the compiled CLI (not a terminal: every value from options)
 * in a temporary copy of the bundled content, and the questions on a terminal with scripted
 * answers (the command's question function injected). The new profile must then pass
 * `validate` and `build` as a new user runs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { NewCommandOptions } from '../../src/cli/new-command.js';
import { NEW_FIELDS, profileText } from '../../src/profiles/new-profile.js';
import { schemas } from '../../src/schema/index.js';

const REPO = join(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'folderpers.js');
const STACK_TRACE = /^\s+at .+[:(]\d+:\d+\)?$/m;

/**
 * The compiled command, as the CLI runs it: its closing validation lays out on a worker
 * thread, whose script exists only compiled.
 */
const { runNew } = (await import(join(REPO, 'dist', 'src', 'cli', 'new-command.js'))) as typeof import('../../src/cli/new-command.js');

const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80" viewBox="0 0 200 80"><title>Bergen op Zoom</title><rect width="200" height="80" fill="#A3171E"/></svg>\n';

const FLAGS = [
  '--name', 'Gemeente Bergen op Zoom',
  '--organisation', 'MEE West-Brabant',
  '--phone', '0164 123 456',
  '--email', 'info@mee-westbrabant.nl',
  '--website', 'https://www.mee-westbrabant.nl',
  '--primary', '#A3171E',
];

let work: string;
const municipalities = () => join(work, 'content', 'municipalities');

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // stdin from /dev/null: not a terminal, as in CI.
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  expect(r.stdout + r.stderr).not.toMatch(STACK_TRACE);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function listing(): Promise<string[]> {
  return (await readdir(municipalities(), { recursive: true })).map(String).sort();
}

async function pdfText(file: string): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    for (const it of (await (await pdf.getPage(i)).getTextContent()).items) if ('str' in it) parts.push(it.str);
  }
  await pdf.destroy();
  return parts.join(' ');
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'folderpers-new-'));
  await cp(join(REPO, 'content'), join(work, 'content'), { recursive: true });
  await writeFile(join(work, 'logo.svg'), LOGO);
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('folderpers new (CLI, options)', () => {
  it('writes a profile with only the given values and the logo copied beside it; validate and build then pass', async () => {
    const r = cli('new', 'bergen-op-zoom', ...FLAGS, '--logo', 'logo.svg');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('contact.phone: 0164 123 456 (printed as 0164 123 456, linked as tel:+31164123456)');
    expect(r.stdout).toContain('brand.primary: #A3171E (7.78:1 with white)');
    expect(r.stdout).toContain('created content/municipalities/bergen-op-zoom.yaml');
    expect(r.stdout).toContain('created content/municipalities/bergen-op-zoom/logo.svg');

    expect(await readFile(join(municipalities(), 'bergen-op-zoom.yaml'), 'utf8')).toBe(
      [
        '# yaml-language-server: $schema=../../schemas/profile.schema.json',
        'name: Gemeente Bergen op Zoom',
        'brand:',
        '  primary: "#A3171E"',
        '  logo: bergen-op-zoom/logo.svg',
        'contact:',
        '  organisation: MEE West-Brabant',
        '  phone: "0164 123 456"',
        '  email: info@mee-westbrabant.nl',
        '  website: https://www.mee-westbrabant.nl',
        '',
      ].join('\n'),
    );
    expect(await readFile(join(municipalities(), 'bergen-op-zoom', 'logo.svg'), 'utf8')).toBe(LOGO);

    const validate = cli('validate', '--municipality', 'bergen-op-zoom', '--format', 'json');
    expect(validate.status).toBe(0);
    const report = JSON.parse(validate.stdout) as { errors: number; diagnostics: { file: string; rule: string }[] };
    expect(report.errors).toBe(0);
    expect(report.diagnostics.filter((d) => d.file.startsWith('content/municipalities/'))).toEqual([]);

    const build = cli('build', '--municipality', 'bergen-op-zoom', '--document', 'ouderfolder', '--jobs', '1', '--format', 'json');
    expect(build.status).toBe(0);
    expect((JSON.parse(build.stdout) as { errors: number }).errors).toBe(0);
    const text = await pdfText(join(work, 'out', 'bergen-op-zoom', 'ouderfolder.pdf'));
    for (const value of ['Gemeente Bergen op Zoom', 'MEE West-Brabant', '0164 123 456', 'info@mee-westbrabant.nl']) expect(text).toContain(value);
    expect(text).not.toMatch(/Huizen|Leiden|Rotterdam|\.example/);
  }, 180_000);

  it('off a terminal, missing values are a usage error naming the missing options; nothing is written', async () => {
    const before = await listing();
    const r = cli('new', 'bergen-op-zoom', '--name', 'Gemeente Bergen op Zoom', '--primary', '#A3171E');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^folderpers new: missing --organisation, --phone, --email, --website \(not a terminal/);
    expect(await listing()).toEqual(before);
  });

  it('refuses an existing id, also in another case or as .yml, and ids validate refuses', async () => {
    await writeFile(join(municipalities(), 'Tholen.yml'), 'name: Gemeente Tholen\n');
    const before = await listing();
    const cases: [string, RegExp][] = [
      ['huizen', /the municipality 'huizen' already exists \(content\/municipalities\/huizen\.yaml\)/],
      ['tholen', /the municipality 'tholen' already exists \(content\/municipalities\/Tholen\.yml\)/],
      ['Bergen-op-Zoom', /the id 'Bergen-op-Zoom' may only use a-z, 0-9 and single hyphens \(e\.g\. 'bergen-op-zoom'\)/],
      ['bergen--op-zoom', /may only use a-z, 0-9 and single hyphens/],
      ['con', /a device name that Windows reserves/],
      ['a'.repeat(65), /is 65 characters long/],
    ];
    for (const [id, message] of cases) {
      const r = cli('new', id, ...FLAGS);
      expect(r.status, id).toBe(2);
      expect(r.stderr, id).toMatch(message);
    }
    expect(await listing()).toEqual(before);
  });

  it('checks each value with validate\'s rules and writes nothing while one fails (exit 1)', async () => {
    const before = await listing();
    const set = (flag: string, value: string) => FLAGS.map((v, i) => (FLAGS[i - 1] === flag ? value : v));

    const colour = cli('new', 'bergen-op-zoom', ...set('--primary', '#FF6F61'));
    expect(colour.status).toBe(1);
    expect(colour.stderr).toContain('--primary: brand.primary #FF6F61 has a contrast of 2.72:1 with white');
    expect(colour.stderr).toContain('The nearest darker shade of the same hue that passes is #EB1500 (4.52:1)');

    const phone = cli('new', 'bergen-op-zoom', ...set('--phone', '0164 12345'));
    expect(phone.status).toBe(1);
    expect(phone.stderr).toContain("--phone: '0164 12345' is not a valid Dutch phone number");

    const email = cli('new', 'bergen-op-zoom', ...set('--email', 'info@mee westbrabant.nl'));
    expect(email.status).toBe(1);
    expect(email.stderr).toContain('--email:');

    const website = cli('new', 'bergen-op-zoom', ...set('--website', 'http://www.mee-westbrabant.nl'));
    expect(website.status).toBe(1);
    expect(website.stderr).toContain('must start with https://');

    const name = cli('new', 'bergen-op-zoom', ...set('--name', 'G'.repeat(61)));
    expect(name.status).toBe(1);
    expect(name.stderr).toContain('name is 61 characters long; at most 60 fit');

    // Huizen's logo, copied: the identity of another municipality.
    const logo = cli('new', 'bergen-op-zoom', ...FLAGS, '--logo', join(municipalities(), 'huizen', 'logo.svg'));
    expect(logo.status).toBe(1);
    expect(logo.stderr).toContain("has exactly the bytes of the logo of 'huizen' (huizen/logo.svg)");

    await writeFile(join(work, 'script.svg'), LOGO.replace('<rect', '<script>alert(1)</script><rect'));
    const unsafe = cli('new', 'bergen-op-zoom', ...FLAGS, '--logo', 'script.svg');
    expect(unsafe.status).toBe(1);
    expect(unsafe.stderr).toContain('svg/script');

    for (const r of [colour, phone, email, website, name, logo, unsafe]) expect(r.stderr).toContain('nothing was written');
    expect(await listing()).toEqual(before);
  });
});

describe('folderpers new (CLI): what only the full validation finds', () => {
  it('a character the fonts lack is reported at the new profile\'s line after writing, exit 1, as validate reports it', async () => {
    const r = cli('new', 'bergen-op-zoom', ...FLAGS.map((v) => (v === 'Gemeente Bergen op Zoom' ? 'Gemeente Bergen op Zoom 🙂' : v)));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^content\/municipalities\/bergen-op-zoom\.yaml\n {2}2:\d+ +error +.+ {2}text\/missing-glyph$/m);
    expect(r.stderr).toContain('the profile was written, but validate reports an error; fix it and run folderpers validate --municipality bergen-op-zoom');
    expect(cli('validate', '--municipality', 'bergen-op-zoom').status).toBe(1);
  }, 60_000);
});

describe('folderpers new (on a terminal: questions)', () => {
  async function scripted(answers: string[], opts: Partial<NewCommandOptions> = {}) {
    const asked: string[] = [];
    let out = '';
    let err = '';
    const code = await runNew(
      'bergen-op-zoom',
      { content: join(work, 'content'), example: false, ...opts },
      {
        ask: async (question) => {
          asked.push(question);
          return answers.shift();
        },
        out: (t) => (out += t),
        err: (t) => (err += t),
      },
    );
    return { code, asked, out, err };
  }

  it('asks for each missing value, says what is wrong, offers the passing shade, shows the phone as printed', async () => {
    await writeFile(join(work, 'logo.svg'), LOGO);
    const r = await scripted([
      'Gemeente Bergen op Zoom',
      'ff6f61', // too light: the nearest passing shade is offered
      '', // accepted
      'MEE West-Brabant',
      '12345', // not a phone number: asked again
      '0164 123 456',
      'info@mee-westbrabant.nl',
      'https://www.mee-westbrabant.nl',
      join(work, 'logo.svg'),
    ]);
    expect(r.err).toContain('brand.primary #FF6F61 has a contrast of 2.72:1');
    expect(r.err).toContain("'12345' is not a valid Dutch phone number");
    expect(r.asked).toEqual([
      'Name as printed on every document (e.g. Gemeente Bergen op Zoom): ',
      'Brand colour (#RRGGBB) (e.g. #A3171E): ',
      'Brand colour (#RRGGBB) [#EB1500]: ',
      'Organisation residents contact (e.g. MEE West-Brabant): ',
      'Phone number, as it should read (e.g. 0164 123 456): ',
      'Phone number, as it should read (e.g. 0164 123 456): ',
      'E-mail address (e.g. info@organisatie.nl): ',
      'Website (https://…) (e.g. https://www.organisatie.nl): ',
      'Logo file, SVG or PNG (empty: none for now): ',
    ]);
    expect(r.out).toContain('contact.phone: 0164 123 456 (printed as 0164 123 456, linked as tel:+31164123456)');
    expect(r.code).toBe(0);
    const text = await readFile(join(municipalities(), 'bergen-op-zoom.yaml'), 'utf8');
    expect(text).toContain('  primary: "#EB1500"\n');
    expect(text).toContain('  logo: bergen-op-zoom/logo.svg\n');
    expect(existsSync(join(municipalities(), 'bergen-op-zoom', 'logo.svg'))).toBe(true);
  }, 60_000);

  it('asks only for what the options leave out, and a cancelled question writes nothing', async () => {
    const before = await listing();
    const r = await scripted(['MEE West-Brabant'], { name: 'Gemeente Bergen op Zoom', primary: '#A3171E', email: 'info@mee-westbrabant.nl' });
    expect(r.asked).toEqual(['Organisation residents contact (e.g. MEE West-Brabant): ', 'Phone number, as it should read (e.g. 0164 123 456): ']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('cancelled; nothing was written');
    expect(await listing()).toEqual(before);
  });
});

describe('the profile text new writes', () => {
  it('reads back as exactly the values given, whatever YAML would make of them unquoted', () => {
    for (const text of ["Gemeente 's-Hertogenbosch", 'MEE: Zuid # west', 'yes', '123', 'null', '- lijst', 'a"b', 'Súdwest-Fryslân', '~', '@gemeente', 'x #y']) {
      const values = { name: text, organisation: text, phone: '0101234567', email: 'a@b.nl', website: 'https://b.nl', primary: '#A3171E' };
      const read = parse(profileText('x', values, false, 'logo.svg')) as { name: unknown; brand: { primary: unknown }; contact: Record<string, unknown> };
      expect([read.name, read.contact['organisation'], read.contact['phone'], read.brand.primary], text).toEqual([text, text, '0101234567', '#A3171E']);
    }
  });
});

describe('the fields new asks for', () => {
  it('are exactly the profile schema\'s required fields', () => {
    const registry = schemas();
    const root = registry.schema('profile.schema.json') as { required: string[]; properties: Record<string, { required?: string[] }> };
    const required = root.required.flatMap((key) => (root.properties[key]?.required ? root.properties[key].required.map((sub) => `${key}.${sub}`) : [key]));
    expect(NEW_FIELDS.map((f) => f.path.join('.')).sort()).toEqual(required.sort());
  });
});
