import { pushAll } from './push-all';
import type { NamedType, Shape, WireModel } from './shape';

/** The names the shapes refer to directly (refs are not followed), in the order they are mentioned. */
export function directRefs(starts: Shape[]): Set<string> {
  const names = new Set<string>();
  // Children are pushed last-first so they are taken in source order: a depth-first walk in mention order.
  const stack = [...starts].reverse();
  while (stack.length) {
    const shape = stack.pop()!;
    if (shape.kind === 'ref') names.add(shape.name);
    else pushAll(stack, childShapes(shape).reverse());
  }
  return names;
}

function childShapes(shape: Shape): Shape[] {
  switch (shape.kind) {
    case 'object':
      return shape.index ? [...shape.fields.map((f) => f.shape), shape.index] : shape.fields.map((f) => f.shape);
    case 'array':
      return [shape.element];
    case 'tuple':
      return shape.elements.map((e) => e.shape);
    case 'union':
      return [...shape.variants];
    case 'decoded':
      return [shape.input, shape.output];
    default:
      return [];
  }
}

/** Entries are immutable once built, and extraction reuses them across edits: their refs are found once. */
const refsOfEntry = new WeakMap<NamedType, Set<string>>();

/** The names a named type's shape refers to directly (see directRefs), remembered per entry. */
export function entryRefs(type: NamedType): Set<string> {
  let refs = refsOfEntry.get(type);
  if (!refs) refsOfEntry.set(type, (refs = directRefs([type.shape])));
  return refs;
}

/**
 * Who refers to whom, reversed: for each type or contract name, the names whose shapes mention it. Asking
 * "which contracts contain X" then walks back from X alone instead of expanding every contract.
 */
const singleModel = new WeakMap<WireModel, ContainerIndex>();

export class ContainerIndex {
  private readonly perModel: { model: WireModel; referrers: Map<string, Set<string>> }[];

  /**
   * The index of one model, built once for it: a model does not change once extracted, and a rule may ask for
   * each contract it looks at (contract-removed did, for every removed glob-made message of a large protocol).
   */
  static of(model: WireModel): ContainerIndex {
    let index = singleModel.get(model);
    if (!index) singleModel.set(model, (index = new ContainerIndex([model])));
    return index;
  }

  constructor(models: readonly WireModel[]) {
    this.perModel = models.map((model) => {
      const referrers = new Map<string, Set<string>>();
      const link = (from: string, starts: Shape[]) => {
        for (const to of directRefs(starts)) {
          if (!referrers.has(to)) referrers.set(to, new Set());
          referrers.get(to)!.add(from);
        }
      };
      for (const [name, type] of Object.entries(model.types)) {
        for (const to of entryRefs(type)) {
          if (!referrers.has(to)) referrers.set(to, new Set());
          referrers.get(to)!.add(name);
        }
      }
      for (const [name, contract] of Object.entries(model.contracts)) {
        if (contract.kind === 'service') link(name, contract.methods.flatMap((m) => [m.result, ...m.params.map((p) => p.shape)]));
      }
      return { model, referrers };
    });
  }

  /** Every name in `model` (one of the indexed models) whose shape reaches one of `names`, and those names. */
  reaching(names: ReadonlySet<string>, model: WireModel): Set<string> {
    const referrers = this.perModel.find((m) => m.model === model)?.referrers;
    const seen = new Set(names);
    const stack = [...names];
    while (stack.length && referrers) {
      for (const from of referrers.get(stack.pop()!) ?? []) {
        if (seen.has(from)) continue;
        seen.add(from);
        stack.push(from);
      }
    }
    return seen;
  }

  /** Every other contract whose wire shape reaches `inner` in one of the models, sorted. */
  containersOf(inner: string): string[] {
    const found = new Set<string>();
    for (const { model, referrers } of this.perModel) {
      const seen = new Set<string>([inner]);
      const stack = [inner];
      while (stack.length) {
        for (const from of referrers.get(stack.pop()!) ?? []) {
          if (seen.has(from)) continue;
          seen.add(from);
          stack.push(from);
          if (model.contracts[from]) found.add(from);
        }
      }
    }
    return [...found].sort();
  }
}
