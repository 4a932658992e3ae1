/**
 * What every command returns, and the report formats they share. Its own module, so the
 * commands and the program that loads them (main.ts) both depend on it and not on each other.
 */
export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

export type OutputFormat = 'text' | 'json' | 'github';
