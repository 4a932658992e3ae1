/**
 * V8 flags the launcher sets before it compiles anything (bin/folderpers.js). Set here and
 * not on its `#!` line, so that every way of starting the CLI (`npx folderpers`, `node
 * bin/folderpers.js`, the tool's own training run that writes the code caches) runs with
 * the same flags: V8 accepts a code cache only under the flags it was made with.
 *
 * A four times larger interrupt budget: V8 optimises a function with TurboFan once it has
 * run this many bytes of bytecode. Most of a build's functions run briefly, and with the
 * default budget the one background thread (see the launcher) spent ~2 s of a
 * 40-municipality build on optimising compiles that competed with the workers for the
 * cores; a cold `build --municipality X` used ~1.5 s of CPU with the default and ~1.15 s
 * with this one (eight alternating runs). What a function computes does not depend on
 * when it is optimised.
 */
import { setFlagsFromString } from 'node:v8';

const V8_FLAGS = ['--interrupt-budget=528000'] as const;

export function useV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
