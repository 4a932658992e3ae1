/** The three report formats, byte for byte. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/cli/report.js';
import type { Diagnostic } from '../../src/diagnostics/index.js';

const cwd = process.cwd();
const diagnostics: Diagnostic[] = [
  { file: join(cwd, 'content/documents/ouderfolder.md'), line: 12, column: 5, severity: 'error', rule: 'placeholder/unknown', message: '{{contact.fon}} names no profile field' },
  { file: join(cwd, 'content/documents/ouderfolder.md'), line: 3, column: 14, severity: 'warning', rule: 'text/repeated-word', message: "'de' is written twice in a row" },
  { file: 'content/municipalities/a,b:c.yaml', line: 7, column: 3, severity: 'error', rule: 'schema/required', message: '100% wrong\r\nsecond line' },
];

describe('report', () => {
  it('text: grouped per file, eslint style, with a summary', () => {
    expect(report(diagnostics, 'text')).toBe(
      [
        'content/documents/ouderfolder.md',
        '  12:5  error    {{contact.fon}} names no profile field  placeholder/unknown',
        "  3:14  warning  'de' is written twice in a row  text/repeated-word",
        '',
        'content/municipalities/a,b:c.yaml',
        '  7:3  error    100% wrong second line  schema/required',
        '',
        '✖ 2 errors, 1 warning',
        '',
      ].join('\n'),
    );
    expect(report([], 'text')).toBe('✔ no problems\n');
  });

  it('json: exactly the contract, plus extra fields such as the build artifacts', () => {
    const parsed = JSON.parse(report(diagnostics.slice(0, 1), 'json', { artifacts: [] })) as unknown;
    expect(parsed).toEqual({
      diagnostics: [
        {
          file: 'content/documents/ouderfolder.md',
          line: 12,
          column: 5,
          severity: 'error',
          rule: 'placeholder/unknown',
          message: '{{contact.fon}} names no profile field',
        },
      ],
      errors: 1,
      warnings: 0,
      artifacts: [],
    });
    expect(Object.keys((parsed as { diagnostics: object[] }).diagnostics[0]!)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
  });

  it('github: workflow commands with %, CR, LF, ":" and "," escaped', () => {
    expect(report(diagnostics, 'github').split('\n')).toEqual([
      '::error file=content/documents/ouderfolder.md,line=12,col=5,title=placeholder/unknown::{{contact.fon}} names no profile field',
      "::warning file=content/documents/ouderfolder.md,line=3,col=14,title=text/repeated-word::'de' is written twice in a row",
      '::error file=content/municipalities/a%2Cb%3Ac.yaml,line=7,col=3,title=schema/required::100%25 wrong%0D%0Asecond line',
      '2 errors, 1 warning',
      '',
    ]);
  });
});
