/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: writes
 * the Dutch trie in cspell-trie-lib's binary format and the officialese list as JSON beside
 * their modules, each tagged with a hash of what it was made from (see dictionary.ts and
 * officialese.ts for when they are used).
 */
import { precompile } from './dictionary.js';
import { precompileOfficialese } from './officialese.js';

await precompile();
precompileOfficialese();
