/**
 * restructure (3.0.2, fontkit's binary decoder) gives every decoded struct four hidden
 * properties with `Object.defineProperties`, a slow call V8 makes for each of the tens of
 * thousands of structs a font's GSUB and GPOS tables decode into: ~65 ms of a worker's
 * first shaping of the four bundled faces, on its critical path (medians of 10 alternating
 * runs). Structs are now instances of one class whose hidden values are private fields read
 * through non-enumerable accessors on its prototype: still invisible to `for…in`,
 * `Object.keys`, JSON and the `clone` package fontkit's subsetter copies tables with, and
 * undefined on such a copy, as before (a copy never had them). The decoded values are the
 * same; only where the four are kept changes.
 *
 * Relies on: `Struct.prototype._setup(stream, parent, length)` making the object that
 * `Struct` and `VersionedStruct` decode into, and nothing reading those four as own properties.
 */
import { Struct } from 'restructure';
import { assert } from '../diagnostics/index.js';

/**
 * Accessors declared in a class body are non-enumerable, like the properties they replace.
 * Each checks that the object has the field: a copy made with the prototype (clone) has
 * none, and reads undefined instead of throwing.
 */
class Decoded {
  readonly #parent: unknown;
  readonly #startOffset: number;
  #currentOffset = 0;
  readonly #length: number;

  constructor(parent: unknown, startOffset: number, length: number) {
    this.#parent = parent;
    this.#startOffset = startOffset;
    this.#length = length;
  }

  get parent(): unknown {
    return #parent in this ? this.#parent : undefined;
  }

  get _startOffset(): number | undefined {
    return #startOffset in this ? this.#startOffset : undefined;
  }

  get _currentOffset(): number | undefined {
    return #currentOffset in this ? this.#currentOffset : undefined;
  }

  set _currentOffset(value: number | undefined) {
    if (#currentOffset in this && value !== undefined) this.#currentOffset = value;
  }

  get _length(): number | undefined {
    return #length in this ? this.#length : undefined;
  }
}

let patched = false;

export function decodeStructsFast(): void {
  if (patched) return;
  const proto = Struct.prototype as { _setup?: unknown };
  assert(typeof proto._setup === 'function', 'restructure has no Struct.prototype._setup: the installed restructure is not the one patched');
  proto._setup = (stream: { pos: number }, parent: unknown, length: number) => new Decoded(parent, stream.pos, length);
  patched = true;
}
