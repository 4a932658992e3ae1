import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../render-pdf/fixtures.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/template.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);

describe('templates', () => {
  it.each(['parent-leaflet', 'professional-guide', 'three-layer-model'])('%s conforms to template.schema.json', (kind) => {
    const t = JSON.parse(readFileSync(join(ROOT, 'templates', `${kind}.json`), 'utf8'));
    expect(validate(t), JSON.stringify(validate.errors)).toBe(true);
    expect(t.kind).toBe(kind);
    expect(t.type.body.size).toBeGreaterThanOrEqual(10);
    for (const style of Object.values(t.type) as Array<{ size: number }>) expect(style.size).toBeGreaterThanOrEqual(8);
  });
});
