export { validateAgainst } from './validate.js';
export { schemas, SchemaRegistry, type JsonSchema } from './registry.js';
export { suggest, type SourceMap } from './errors.js';
export { fieldName, pointerSegments } from './field-names.js';
export { quote } from './quote.js';
