/** templates/*.json follow schemas/template.schema.json; the schema refuses what layouts cannot use. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemas } from '../../src/schema/index.js';

const TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));

describe('template schema', () => {
  it.each(files)('%s is valid', (name) => {
    const validate = schemas().validator('template.schema.json');
    const ok = validate(JSON.parse(readFileSync(join(TEMPLATES, name), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('refuses type below 8 pt, a misspelt field and a colour that is not #RRGGBB', () => {
    const validate = schemas().validator('template.schema.json');
    const template = {
      kind: 'parent-leaflet',
      page: { width: 210, height: 297, margins: { top: 15, right: 16, bottom: 16, left: 16 } },
      grid: { columns: 12, gutter: 5 },
      type: { body: { size: 7, leading: 10 } },
      bodySizes: [10, 7.5],
      colors: { text: '#1A1A1' },
      colours: {},
    };
    expect(validate(template)).toBe(false);
    expect((validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      ' additionalProperties',
      '/bodySizes/1 minimum',
      '/colors/text pattern',
      '/type/body/size minimum',
    ]);
  });
});
