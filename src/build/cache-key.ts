/**
 * FOLDERPERS_CACHE_KEY: a secret (a CI secret, never stored in out/) that seals the build's
 * records of what it wrote (see provenance.ts), so that they still prove something after
 * out/ was restored from a cache. Unset or empty: no key (a fork's pull request build,
 * where CI leaves secrets empty). A key too short to be a secret is refused, so a
 * mistake does not quietly weaken the seal.
 */
export const CACHE_KEY_VARIABLE = 'FOLDERPERS_CACHE_KEY';
const MIN_LENGTH = 32;

/** The key, undefined without one, or why the one given is unusable. */
export function cacheKey(env: NodeJS.ProcessEnv = process.env): Buffer | undefined | string {
  const value = env[CACHE_KEY_VARIABLE];
  if (value === undefined || value === '') return undefined;
  if (value.length < MIN_LENGTH) {
    return `${CACHE_KEY_VARIABLE} must be at least ${MIN_LENGTH} characters of a secret (e.g. the output of openssl rand -hex 32), not ${value.length}`;
  }
  return Buffer.from(value, 'utf8');
}
