/**
 * Run by the tool's build (`npm run build`, `prepare`, `test`, `bench`) after tsc: decodes
 * the shipped Dutch trie once and writes it in cspell-trie-lib's binary format beside
 * dictionary.js, with a tag naming the trie and library it was made from (see
 * dictionary.ts for when it is used).
 */
import { writeFileSync } from 'node:fs';
import { encodeITrieToBTrie } from 'cspell-trie-lib';
import { decodeShippedTrie, libraryVersion, PRECOMPILED_TAG, PRECOMPILED_TRIE, sha256, type PrecompiledTag } from './dictionary.js';

const { trie, sourceHash } = await decodeShippedTrie();
const bytes = encodeITrieToBTrie(trie);
writeFileSync(PRECOMPILED_TRIE, bytes);
const tag: PrecompiledTag = { source: sourceHash, library: libraryVersion(), trie: sha256(bytes) };
writeFileSync(PRECOMPILED_TAG, JSON.stringify(tag) + '\n');
