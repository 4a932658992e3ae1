/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: compiles
 * every schema in schemas/ into validators.cjs beside registry.js with ajv's standalone
 * code generation, tagged with the hash of the schema files it was made from (see
 * registry.ts for when it is used). CommonJS, because ajv's generated code requires its
 * runtime helpers.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { createAjv, PRECOMPILED, readSchemas } from './registry.js';

const require = createRequire(import.meta.url);
const standaloneCode = require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js').default;

const { schemas, hash } = readSchemas();
const ajv = createAjv({ code: { source: true } });
for (const schema of schemas.values()) ajv.addSchema(schema);
const ids = [...schemas.keys()];
const code = standaloneCode(ajv, Object.fromEntries(ids.map((id, i) => [`v${i}`, id])));
const table = ids.map((id, i) => `${JSON.stringify(id)}: exports.v${i}`).join(', ');
writeFileSync(PRECOMPILED, `${code}\nexports.validators = { ${table} };\nexports.hash = ${JSON.stringify(hash)};\n`);
