/**
 * The date written into every PDF. Reproducible builds take it from SOURCE_DATE_EPOCH
 * (https://reproducible-builds.org/specs/source-date-epoch/); without it a fixed date, so
 * two builds of the same inputs are byte-identical even on different days.
 */
export const FIXED_CREATION_DATE = new Date('2024-01-01T00:00:00Z');

/** The creation date, or why SOURCE_DATE_EPOCH is unusable. */
export function creationDate(env: NodeJS.ProcessEnv = process.env): Date | string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return FIXED_CREATION_DATE;
  if (!/^[0-9]{1,12}$/.test(epoch)) return `SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not "${epoch}"`;
  return new Date(Number(epoch) * 1000);
}
