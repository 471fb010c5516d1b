import type { Shape, UnsafeKind, WireModel } from './shape';

/** The first value inside `shape` that JSON cannot carry faithfully, if any. */
export function findUnsafe(shape: Shape, model: WireModel, seen = new Set<string>()): UnsafeKind | undefined {
  switch (shape.kind) {
    case 'unsafe':
      return shape.what;
    case 'ref': {
      // Another contract is checked on its own; do not blame its contents on this one.
      if (seen.has(shape.name) || model.contracts[shape.name]) return undefined;
      seen.add(shape.name);
      const target = model.types[shape.name];
      return target ? findUnsafe(target.shape, model, seen) : undefined;
    }
    case 'object':
      for (const f of shape.fields) {
        const found = findUnsafe(f.shape, model, seen);
        if (found) return found;
      }
      return shape.index ? findUnsafe(shape.index, model, seen) : undefined;
    case 'array':
      return findUnsafe(shape.element, model, seen);
    case 'tuple':
      return shape.elements.map((e) => findUnsafe(e.shape, model, seen)).find(Boolean);
    case 'union':
      return shape.variants.map((v) => findUnsafe(v, model, seen)).find(Boolean);
    case 'decoded':
      return findUnsafe(shape.input, model, seen) ?? findUnsafe(shape.output, model, seen);
    default:
      return undefined;
  }
}
