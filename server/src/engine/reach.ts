import type { NamedType, Shape, WireModel } from './shape';

/** The names the shapes refer to directly (refs are not followed). */
export function directRefs(starts: Shape[]): Set<string> {
  const names = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const shape = stack.pop()!;
    switch (shape.kind) {
      case 'ref':
        names.add(shape.name);
        break;
      case 'object':
        for (const f of shape.fields) stack.push(f.shape);
        if (shape.index) stack.push(shape.index);
        break;
      case 'array':
        stack.push(shape.element);
        break;
      case 'tuple':
        for (const e of shape.elements) stack.push(e.shape);
        break;
      case 'union':
        stack.push(...shape.variants);
        break;
    }
  }
  return names;
}

/** Entries are immutable once built, and extraction reuses them across edits: their refs are found once. */
const refsOfEntry = new WeakMap<NamedType, Set<string>>();

/**
 * Who refers to whom, reversed: for each type or contract name, the names whose shapes mention it. Asking
 * "which contracts contain X" then walks back from X alone instead of expanding every contract.
 */
export class ContainerIndex {
  private readonly perModel: { model: WireModel; referrers: Map<string, Set<string>> }[];

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
        let refs = refsOfEntry.get(type);
        if (!refs) refsOfEntry.set(type, (refs = directRefs([type.shape])));
        for (const to of refs) {
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
