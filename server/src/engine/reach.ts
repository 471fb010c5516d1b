import type { Shape, WireModel } from './shape';

/** Every other contract whose type appears anywhere inside `root`'s wire shape. */
export function reachableContracts(root: string, model: WireModel): Set<string> {
  const found = new Set<string>();
  const visited = new Set<string>([root]);
  const contract = model.contracts[root];
  const starts: Shape[] = [];
  if (contract?.kind === 'service') {
    for (const m of contract.methods) starts.push(m.result, ...m.params.map((p) => p.shape));
  } else if (model.types[root]) {
    starts.push(model.types[root].shape);
  }
  const stack = [...starts];
  while (stack.length) {
    const shape = stack.pop()!;
    switch (shape.kind) {
      case 'ref':
        if (visited.has(shape.name)) break;
        visited.add(shape.name);
        if (model.contracts[shape.name]) found.add(shape.name);
        if (model.types[shape.name]) stack.push(model.types[shape.name].shape);
        break;
      case 'object':
        stack.push(...shape.fields.map((f) => f.shape));
        if (shape.index) stack.push(shape.index);
        break;
      case 'array':
        stack.push(shape.element);
        break;
      case 'tuple':
        stack.push(...shape.elements.map((e) => e.shape));
        break;
      case 'union':
        stack.push(...shape.variants);
        break;
    }
  }
  return found;
}
