/**
 * Arbitraries for property tests: real content files mutated with tokens that matter to
 * each parser (delimiters, anchors, markup, encodings), plus plain random text and bytes.
 * Sizes stay small so that 100–200 runs take seconds.
 */
import fc from 'fast-check';

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** Applies edits at positions taken modulo the current length. */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    const at = out.length === 0 ? 0 : e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

/** Random pieces of text: tokens, short strings of any code point, line breaks, BOM. */
export function piece(tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...tokens) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', '\r', '\t', '\uFEFF', '\0', '\u2028', '\uD800') },
  );
}

export function mutated(bases: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 40 }), insert: piece(tokens) });
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(edit, { minLength: 1, maxLength: 8 }))
    .map(([base, edits]) => applyEdits(base, edits));
}

/** Either a mutated real file or text built from tokens alone. */
export function hostileText(bases: readonly string[], tokens: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: mutated(bases, tokens) },
    { weight: 1, arbitrary: fc.array(piece(tokens), { maxLength: 40 }).map((parts) => parts.join('')) },
  );
}

/** Text as bytes, sometimes with a few bytes flipped so it is no longer UTF-8. */
export function hostileBytes(text: fc.Arbitrary<string>): fc.Arbitrary<Buffer> {
  return fc.tuple(text, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 })).map(([t, flips]) => {
    const bytes = Buffer.from(t, 'utf8');
    for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
    return bytes;
  });
}

/**
 * A fixed seed keeps CI deterministic; FC_SEED=<n> (or FC_SEED=random) explores further
 * locally, and fast-check prints the seed and path of any failure to replay it.
 */
const seedEnv = process.env['FC_SEED'];
export const SEED = seedEnv === 'random' ? Date.now() : seedEnv ? Number(seedEnv) : 20_261_122;

export const RUNS = { numRuns: 150, seed: SEED } as const;
