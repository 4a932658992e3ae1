/**
 * A value graph as JSON, exactly: what validation's memo keeps of a parse (see memo.ts)
 * must come back as the same graph, so that the rules see what a fresh parse would have
 * given them. Kept: primitives (NaN, ±Infinity, -0 and undefined too), arrays, plain and
 * prototype-less objects (own keys in order, `__proto__` as a key), Maps, Sets and
 * SourceTexts, with shared objects shared again. Anything else (a class instance, a
 * function, a sparse array, a getter, a cycle) is refused with MemoRefused: such a value
 * is then not memoised, never approximated.
 *
 * Encoded form: strings, finite numbers, booleans and null stand for themselves; every
 * other value is an array whose first element is a tag. Objects are numbered in the order
 * they are first met, and a later meeting is `['r', n]`.
 */
import { SourceText } from '../../content/source-text.js';

export type Encoded = string | number | boolean | null | Encoded[];

export class MemoRefused extends Error {
  override name = 'MemoRefused';
}

/** `self`: the source the value was parsed from, which decoding is given again instead of storing its text. */
export function encodeValue(value: unknown, self?: SourceText): Encoded {
  const ids = new Map<object, number>();
  const open = new Set<object>();

  const encode = (v: unknown): Encoded => {
    switch (typeof v) {
      case 'string':
      case 'boolean':
        return v;
      case 'undefined':
        return ['u'];
      case 'number':
        if (Number.isNaN(v)) return ['n', 'NaN'];
        if (v === Infinity) return ['n', 'Infinity'];
        if (v === -Infinity) return ['n', '-Infinity'];
        if (Object.is(v, -0)) return ['n', '-0'];
        return v;
      case 'object':
        if (v === null) return null;
        break;
      default:
        throw new MemoRefused(`a ${typeof v}`);
    }
    const known = ids.get(v);
    if (known !== undefined) {
      if (open.has(v)) throw new MemoRefused('a cycle');
      return ['r', known];
    }
    ids.set(v, ids.size);
    open.add(v);
    const encoded = encodeObject(v, encode, self);
    open.delete(v);
    return encoded;
  };
  return encode(value);
}

function encodeObject(v: object, encode: (v: unknown) => Encoded, self: SourceText | undefined): Encoded {
  if (v instanceof SourceText) return v === self ? ['T'] : ['t', v.file, v.text];
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== Array.prototype || Object.keys(v).length !== v.length) throw new MemoRefused('an array with holes or extra keys');
    return integerRuns(v) ?? ['a', ...v.map(encode)];
  }
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto === Map.prototype) return ['m', ...[...(v as Map<unknown, unknown>)].flatMap(([k, x]) => [encode(k), encode(x)])];
  if (proto === Set.prototype) return ['s', ...[...(v as Set<unknown>)].map(encode)];
  if (proto !== Object.prototype && proto !== null) throw new MemoRefused('an instance of a class');
  if (Object.getOwnPropertySymbols(v).length > 0) throw new MemoRefused('an object with symbol keys');
  const out: Encoded[] = [proto === null ? 'O' : 'o'];
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
    if (!('value' in descriptor) || !descriptor.enumerable || !descriptor.writable || !descriptor.configurable) throw new MemoRefused('an object with an accessor or a fixed key');
    out.push(key, encode(descriptor.value));
  }
  return out;
}

/**
 * Source offsets (a LocatedText's, one per character) are long runs of consecutive
 * integers: `['i', start, length, …]` keeps them in a fraction of the space.
 */
function integerRuns(list: readonly unknown[]): Encoded | undefined {
  if (list.length < 4 || !list.every((x) => typeof x === 'number' && Number.isSafeInteger(x) && !Object.is(x, -0))) return undefined;
  const numbers = list as readonly number[];
  const out: Encoded[] = ['i'];
  for (let i = 0; i < numbers.length; ) {
    let j = i + 1;
    while (j < numbers.length && numbers[j] === numbers[j - 1]! + 1) j++;
    out.push(numbers[i]!, j - i);
    i = j;
  }
  return out;
}

const SPECIAL_NUMBERS: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 };

/** The value `encodeValue` was given; throws MemoRefused for anything it could not have made. */
export function decodeValue(encoded: Encoded, self?: SourceText): unknown {
  const objects: object[] = [];
  // By index from 1, not by destructuring: a national memo decodes ~10^6 arrays per build.
  const decode = (e: Encoded): unknown => {
    if (!Array.isArray(e)) return e;
    const tag = e[0];
    switch (tag) {
      case 'u':
        return undefined;
      case 'n': {
        const name = e[1];
        if (typeof name !== 'string' || !Object.hasOwn(SPECIAL_NUMBERS, name)) throw new MemoRefused('a number');
        return SPECIAL_NUMBERS[name];
      }
      case 'r': {
        const found = typeof e[1] === 'number' ? objects[e[1]] : undefined;
        if (!found) throw new MemoRefused('a reference');
        return found;
      }
      case 'T':
        if (!self) throw new MemoRefused('a source');
        objects.push(self);
        return self;
      case 't': {
        if (typeof e[1] !== 'string' || typeof e[2] !== 'string') throw new MemoRefused('a source');
        const source = new SourceText(e[1], e[2]);
        objects.push(source);
        return source;
      }
      case 'a': {
        const list: unknown[] = [];
        objects.push(list);
        for (let k = 1; k < e.length; k++) list.push(decode(e[k]!));
        return list;
      }
      case 'i': {
        const list: number[] = [];
        objects.push(list);
        for (let k = 1; k < e.length; k += 2) {
          const start = e[k];
          const length = e[k + 1];
          if (typeof start !== 'number' || typeof length !== 'number' || !Number.isSafeInteger(length) || length < 1) throw new MemoRefused('a run');
          for (let n = 0; n < length; n++) list.push(start + n);
        }
        return list;
      }
      case 'm': {
        const map = new Map<unknown, unknown>();
        objects.push(map);
        if (e.length % 2 !== 1) throw new MemoRefused('a map');
        for (let k = 1; k < e.length; k += 2) {
          const key = decode(e[k]!);
          map.set(key, decode(e[k + 1]!));
        }
        return map;
      }
      case 's': {
        const set = new Set<unknown>();
        objects.push(set);
        for (let k = 1; k < e.length; k++) set.add(decode(e[k]!));
        return set;
      }
      case 'o':
      case 'O': {
        const object = (tag === 'O' ? Object.create(null) : {}) as Record<string, unknown>;
        objects.push(object);
        if (e.length % 2 !== 1) throw new MemoRefused('an object');
        for (let k = 1; k < e.length; k += 2) {
          const key = e[k];
          if (typeof key !== 'string') throw new MemoRefused('a key');
          const value = decode(e[k + 1]!);
          // Defined, not assigned, when it is `__proto__`: it stays a key.
          if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
          else object[key] = value;
        }
        return object;
      }
      default:
        throw new MemoRefused(`the tag ${String(tag)}`);
    }
  };
  return decode(encoded);
}
