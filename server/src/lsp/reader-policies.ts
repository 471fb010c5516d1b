import type { Loc, ReaderPolicy, Shape, WireModel } from '../engine/shape';

export interface PolicyAt {
  /** Where in the contract the object sits: `Order`, `Order.items[]`. */
  path: string;
  policy: ReaderPolicy;
  loc?: Loc;
}

const MAX_OBJECTS = 8;

/**
 * Every object a schema contract's reader reads, with its unknown-key policy, breadth first through the named
 * types it reaches (each once). A plain type has no policy and lists nothing; a decoded node is read as its input.
 */
export function readerPolicies(model: WireModel, name: string, max = MAX_OBJECTS): { found: PolicyAt[]; more: boolean } {
  const found: PolicyAt[] = [];
  const seen = new Set<string>([name]);
  const queue: { shape: Shape; path: string }[] = [];
  const root = model.types[name];
  if (root) queue.push({ shape: root.shape, path: name });
  let more = false;
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { shape, path } = next;
    switch (shape.kind) {
      case 'object': {
        if (shape.policy) {
          if (found.length === max) {
            more = true;
            break;
          }
          const at: PolicyAt = { path, policy: shape.policy };
          if (shape.policyLoc) at.loc = shape.policyLoc;
          found.push(at);
        }
        for (const field of shape.fields) queue.push({ shape: field.shape, path: `${path}.${field.name}` });
        if (shape.index) queue.push({ shape: shape.index, path: `${path}[key]` });
        break;
      }
      case 'array':
        queue.push({ shape: shape.element, path: `${path}[]` });
        break;
      case 'tuple':
        shape.elements.forEach((e, i) => queue.push({ shape: e.shape, path: `${path}[${i}]` }));
        break;
      case 'union':
        for (const variant of shape.variants) queue.push({ shape: variant, path });
        break;
      case 'decoded':
        queue.push({ shape: shape.input, path });
        break;
      case 'ref': {
        const target = model.types[shape.name];
        if (target && !seen.has(shape.name)) {
          seen.add(shape.name);
          queue.push({ shape: target.shape, path });
        }
        break;
      }
      default:
        break;
    }
  }
  return { found, more };
}
