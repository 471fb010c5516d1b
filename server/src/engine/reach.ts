import { pushAll } from './push-all';
import type { Contract, Method, NamedType, Shape, WireModel } from './shape';
import { methodsOf, modelChanges } from './model-changes';

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

/** A service's methods are reused as one array across edits while they are unchanged: their refs are found once. */
const refsOfMethods = new WeakMap<readonly Method[], Set<string>>();

function methodRefs(methods: readonly Method[]): Set<string> {
  let refs = refsOfMethods.get(methods);
  if (!refs) refsOfMethods.set(methods, (refs = directRefs(methods.flatMap((m) => [m.result, ...m.params.map((p) => p.shape)]))));
  return refs;
}

/** A service's refs, or none for a message contract or a missing one. */
function serviceRefs(contract: Contract | undefined): ReadonlySet<string> | undefined {
  const methods = methodsOf(contract);
  return methods && methodRefs(methods);
}

/** Who refers to whom in one model, reversed: for each name, the names whose shapes mention it. */
class Referrers {
  readonly byTarget = new Map<string, Set<string>>();

  constructor(public model: WireModel) {
    for (const [name, type] of Object.entries(model.types)) this.link(name, entryRefs(type));
    for (const [name, contract] of Object.entries(model.contracts)) {
      const refs = serviceRefs(contract);
      if (refs) this.link(name, refs);
    }
  }

  /**
   * Makes these the referrers of `model`, relinking only the names whose entry is another object (a type) or
   * whose methods are (a service); true when a link changed.
   */
  moveTo(model: WireModel): boolean {
    const before = this.model;
    const { types, services } = modelChanges(before, model);
    const names = new Set([...types, ...services]);
    let changed = false;
    for (const name of names) {
      const old = refsOf(before, name);
      const now = refsOf(model, name);
      for (const to of old) {
        if (now.has(to)) continue;
        changed = true;
        const set = this.byTarget.get(to);
        set?.delete(name);
        if (set?.size === 0) this.byTarget.delete(to);
      }
      for (const to of now) {
        if (old.has(to)) continue;
        changed = true;
        this.link(name, [to]);
      }
    }
    this.model = model;
    return changed;
  }

  private link(from: string, refs: Iterable<string>): void {
    for (const to of refs) {
      let set = this.byTarget.get(to);
      if (!set) this.byTarget.set(to, (set = new Set()));
      set.add(from);
    }
  }
}

/** Every name a name's entries refer to in a model: its named type's and, should it also name a service, its methods'. */
function refsOf(model: WireModel, name: string): Set<string> {
  const type = model.types[name];
  const service = serviceRefs(model.contracts[name]);
  if (!service) return type ? entryRefs(type) : new Set();
  return type ? new Set([...entryRefs(type), ...service]) : new Set(service);
}

/** Models that stay the same object (a baseline's) keep their referrers; a working model's are moved on (see ContainerIndex.next). */
const referrersByModel = new WeakMap<WireModel, Referrers>();

function referrersOf(model: WireModel): Referrers {
  let referrers = referrersByModel.get(model);
  if (!referrers) referrersByModel.set(model, (referrers = new Referrers(model)));
  return referrers;
}

/**
 * Who refers to whom, reversed: for each type or contract name, the names whose shapes mention it. Asking
 * "which contracts contain X" then walks back from X alone instead of expanding every contract.
 */
const singleModel = new WeakMap<WireModel, ContainerIndex>();

export class ContainerIndex {
  private readonly perModel: Referrers[];
  /** containersOf's answers: they change only when a link or the set of contract names does. */
  private readonly answers: Map<string, string[]>;

  /**
   * The index of one model, built once for it: a model does not change once extracted, and a rule may ask for
   * each contract it looks at (contract-removed did, for every removed glob-made message of a large protocol).
   */
  static of(model: WireModel): ContainerIndex {
    let index = singleModel.get(model);
    if (!index) singleModel.set(model, (index = new ContainerIndex([model])));
    return index;
  }

  constructor(models: readonly WireModel[], answers = new Map<string, string[]>()) {
    this.perModel = models.map(referrersOf);
    this.answers = answers;
  }

  /**
   * The index of `newModel` and `oldModel` for a caller that compares successive working trees: `previous`
   * (the index it made last, `newModel` first) gives up its working model's referrers, moved to `newModel` by
   * relinking only the entries that changed, and its answers when nothing they depend on changed.
   */
  static next(newModel: WireModel, oldModel: WireModel, previous: ContainerIndex | undefined): ContainerIndex {
    const last = previous?.perModel[0];
    if (!previous || !last || referrersByModel.has(newModel) || referrersByModel.get(last.model) !== last) return new ContainerIndex([newModel, oldModel]);
    const lastModel = last.model;
    referrersByModel.delete(lastModel);
    const relinked = last.moveTo(newModel);
    referrersByModel.set(newModel, last);
    const sameOld = previous.perModel[1]?.model === oldModel && previous.perModel.length === 2;
    const keep = sameOld && !relinked && sameKeys(lastModel.contracts, newModel.contracts);
    return new ContainerIndex([newModel, oldModel], keep ? previous.answers : new Map<string, string[]>());
  }

  /** Every name in `model` (one of the indexed models) whose shape reaches one of `names`, and those names. */
  reaching(names: ReadonlySet<string>, model: WireModel): Set<string> {
    const referrers = this.perModel.find((m) => m.model === model)?.byTarget;
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
    const known = this.answers.get(inner);
    if (known) return [...known];
    const found = new Set<string>();
    for (const { model, byTarget } of this.perModel) {
      const seen = new Set<string>([inner]);
      const stack = [inner];
      while (stack.length) {
        for (const from of byTarget.get(stack.pop()!) ?? []) {
          if (seen.has(from)) continue;
          seen.add(from);
          stack.push(from);
          if (model.contracts[from]) found.add(from);
        }
      }
    }
    const answer = [...found].sort();
    this.answers.set(inner, answer);
    return [...answer];
  }
}

function sameKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => k in b);
}
