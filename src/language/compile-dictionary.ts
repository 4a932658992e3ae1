/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: writes
 * the Dutch trie in cspell-trie-lib's binary format beside dictionary.js, with a tag naming
 * the trie and library it was made from (see dictionary.ts for when it is used).
 */
import { precompile } from './dictionary.js';

await precompile();
