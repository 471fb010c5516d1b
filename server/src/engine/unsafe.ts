import type { Codec, Shape, UnsafeKind, WireModel } from './shape';

/**
 * What each codec carries besides JSON's values. superjson restores Date, Map, Set, bigint and typed arrays (not
 * an ArrayBuffer, which it sends as `{}`); structured clone (Workers RPC) all of those and ArrayBuffer, and turns a
 * function into a stub the receiver can call.
 */
const CARRIED: Record<Codec, ReadonlySet<UnsafeKind>> = {
  json: new Set(),
  superjson: new Set(['Date', 'Map', 'Set', 'bigint', 'Uint8Array']),
  'structured-clone': new Set(['Date', 'Map', 'Set', 'bigint', 'Uint8Array', 'ArrayBuffer', 'function']),
};

const NAMES: Record<Codec, string> = { json: 'JSON', superjson: 'superjson', 'structured-clone': 'structured clone' };

/** The codec as messages name it. */
export const codecName = (codec: Codec): string => NAMES[codec];

/** True when values of this kind arrive as what they were sent as under the codec. */
export const carries = (codec: Codec | undefined, what: UnsafeKind): boolean => CARRIED[codec ?? 'json'].has(what);

/** The codec a contract's values travel with; JSON when it names none. */
export const codecOf = (model: WireModel, contract: string): Codec => model.contracts[contract]?.codec ?? 'json';

/** The first value inside `shape` that the codec (JSON by default) cannot carry faithfully, if any. */
export function findUnsafe(shape: Shape, model: WireModel, seen = new Set<string>(), codec: Codec = 'json'): UnsafeKind | undefined {
  switch (shape.kind) {
    case 'unsafe':
      return carries(codec, shape.what) ? undefined : shape.what;
    case 'ref': {
      // Another contract is checked on its own; do not blame its contents on this one.
      if (seen.has(shape.name) || model.contracts[shape.name]) return undefined;
      seen.add(shape.name);
      const target = model.types[shape.name];
      return target ? findUnsafe(target.shape, model, seen, codec) : undefined;
    }
    case 'object':
      for (const f of shape.fields) {
        const found = findUnsafe(f.shape, model, seen, codec);
        if (found) return found;
      }
      return shape.index ? findUnsafe(shape.index, model, seen, codec) : undefined;
    case 'array':
      return findUnsafe(shape.element, model, seen, codec);
    case 'tuple':
      return shape.elements.map((e) => findUnsafe(e.shape, model, seen, codec)).find(Boolean);
    case 'union':
      return shape.variants.map((v) => findUnsafe(v, model, seen, codec)).find(Boolean);
    case 'decoded':
      return findUnsafe(shape.input, model, seen, codec) ?? findUnsafe(shape.output, model, seen, codec);
    default:
      return undefined;
  }
}
