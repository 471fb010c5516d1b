import type { ContractKind } from './finding';
import { renderStep, type Flow, type PathStep } from './path-steps';
import { Canon } from './canonical';
import { resolve } from './readable';
import type { ContractRoles, EnumMember, Field, Literal, Loc, Method, Shape, Suppression, WireModel } from './shape';
import { itemAt } from '../common/item-at';
import type {
  ContractPair,
  EnumMemberPair,
  FieldPair,
  MethodPair,
  NodePair,
  ParamPair,
  ValuePair,
  VariantsPair,
} from './rule';

/** Where the walk stands: everything a finding needs besides the rule's own words. */
export interface Position {
  contract: string;
  contractKind: ContractKind;
  roles?: ContractRoles;
  /** From the root contract down to here. */
  steps: PathStep[];
  /** `steps` rendered, kept step by step so no finding renders its whole path again. */
  path: string;
  flow: Flow;
  loc?: Loc;
  baselineLoc?: Loc;
  /** `skew-ignore` comments on the members enclosing this position in the working tree. */
  suppressions: Suppression[];
}

export interface PairVisitor {
  contract(pair: ContractPair, at: Position): void;
  field(pair: FieldPair, at: Position): void;
  enumMember(pair: EnumMemberPair, at: Position): void;
  variants(pair: VariantsPair, at: Position): void;
  value(pair: ValuePair, at: Position): void;
  node(pair: NodePair, at: Position): void;
  method(pair: MethodPair, at: Position): void;
  param(pair: ParamPair, at: Position): void;
  /** A nested contract was reached; it is compared as a root of its own, not again here. */
  nested(root: string, inner: string): void;
}

type ObjectShape = Extract<Shape, { kind: 'object' }>;

/**
 * Walks the old and new models side by side, matching by name (contracts, fields, methods), by key then
 * value (enum members), by position (parameters) and by literal or discriminant (union variants), and hands
 * every matched pair to the visitor. The walk decides nothing about compatibility.
 */
export function walkPairs(oldModel: WireModel, newModel: WireModel, visitor: PairVisitor): void {
  for (const name of contractNames(oldModel, newModel)) walkRoot(oldModel, newModel, visitor, name);
}

/** Every contract name in either version, sorted: the roots of the walk. */
export function contractNames(oldModel: WireModel, newModel: WireModel): string[] {
  return [...new Set([...Object.keys(oldModel.contracts), ...Object.keys(newModel.contracts)])].sort();
}

/**
 * Says that two shapes met by the walk are the same on both sides before any projection, so nothing below them
 * changed (used when the walk runs over views, see views.ts).
 */
export type Unchanged = (o: Shape, n: Shape) => boolean;

/** Walks one root contract's pairs. */
export function walkRoot(oldModel: WireModel, newModel: WireModel, visitor: PairVisitor, name: string, unchanged?: Unchanged): void {
  new Walk(oldModel, newModel, visitor, name, unchanged).run();
}

/**
 * Named-type expansions one root may make before each (old, new) pair of names is walked only at its first use.
 * Below it every use is its own path, so a break in a type used twice is reported (and suppressed) at each; a
 * type that holds a shared sub-type twice per level would otherwise cost 2ⁿ walks.
 */
const EXPANSIONS_PER_ROOT = 5000;

class Walk {
  /** Pairs of names walked at least once from this root. */
  private readonly seen = new Set<string>();
  /** Pairs of names being walked on the current path: meeting one again is recursion. */
  private readonly open = new Set<string>();
  private expansions = 0;
  /** One for the whole walk: rename matching asks about the same named types again and again. */
  private readonly canon = new Canon();

  constructor(
    private readonly oldModel: WireModel,
    private readonly newModel: WireModel,
    private readonly visitor: PairVisitor,
    private readonly root: string,
    private readonly unchanged?: Unchanged,
  ) {}

  run(): void {
    const oldC = this.oldModel.contracts[this.root];
    const newC = this.newModel.contracts[this.root];
    const kind = (newC ?? oldC)!.kind;
    const roles = (newC ?? oldC)!.roles;
    const at: Position = {
      contract: this.root,
      contractKind: kind,
      ...(roles ? { roles } : {}),
      steps: [],
      path: this.root,
      // What a service holds is called: its methods count as requests until a result is reached.
      flow: kind === 'service' ? 'request' : 'message',
      loc: newC?.loc,
      baselineLoc: oldC?.loc,
      suppressions: newC?.suppressions ?? [],
    };
    this.visitor.contract({ old: oldC, new: newC }, at);
    // A service an adapter found only groups procedures by their path (`typeHierarchy/supertypes`): when the
    // group is new, each of its methods is new to old servers, as it would be in a group that existed.
    if (!oldC && newC?.kind === 'service' && newC.source === 'adapter') return this.methods([], newC.methods, at, newC.methodSeparator);
    if (!oldC || !newC || oldC.kind !== newC.kind) return;
    if (oldC.kind === 'service' && newC.kind === 'service') {
      this.methods(oldC.methods, newC.methods, at, newC.methodSeparator);
    } else {
      const oldT = this.oldModel.types[this.root];
      const newT = this.newModel.types[this.root];
      if (!oldT || !newT) return;
      const [o, n] = [oldT.shape, newT.shape];
      // A contract that is a union is named in messages (`WebhookEventName`), even when no alias survives in its
      // type (`keyof EventPayloadMap`).
      const self: Shape = { kind: 'ref', name: this.root };
      if (o.kind !== 'ref' && n.kind !== 'ref' && (o.kind === 'union' || n.kind === 'union')) this.unions(o, n, at, self, self);
      else this.shapes(o, n, at);
    }
  }

  private shapes(o: Shape, n: Shape, at: Position): void {
    if (this.unchanged?.(o, n)) return;
    if (o.kind === 'ref' && n.kind === 'ref' && o.name === n.name) {
      // The root itself, reached again through recursion, is already being compared.
      if (o.name === this.root) return;
      if (this.oldModel.contracts[o.name]?.kind === 'message' && this.newModel.contracts[o.name]?.kind === 'message') {
        this.visitor.nested(this.root, o.name);
        return;
      }
    }
    if (o.kind === 'ref' || n.kind === 'ref') {
      // Nothing below two shapes that carry the same values can differ, so no rule has anything to say there.
      if (sameShape(o, this.oldModel, n, this.newModel, this.canon)) return;
      const key = `${at.flow}|${o.kind === 'ref' ? o.name : '·'}|${n.kind === 'ref' ? n.name : '·'}`;
      if (this.open.has(key)) return;
      if (this.seen.has(key) && this.expansions >= EXPANSIONS_PER_ROOT) return;
      this.seen.add(key);
      this.expansions++;
      this.open.add(key);
      try {
        const ro = resolve(o, this.oldModel);
        const rn = resolve(n, this.newModel);
        // `User` → `User | null`: keep the lone side's ref so its variant pairs with the same ref in the union.
        if ((ro.kind === 'union') !== (rn.kind === 'union')) {
          // Messages name the union as it is written (`JSONRPCResponse`), not its expansion.
          return this.unions(ro.kind === 'union' ? ro : o, rn.kind === 'union' ? rn : n, at, o, n);
        }
        // A named type keeps the position of the member that uses it: findings belong on that member.
        this.shapes(ro, rn, at);
      } finally {
        this.open.delete(key);
      }
      return;
    }
    if (o.kind === 'union' || n.kind === 'union') return this.unions(o, n, at);
    if (o.kind === n.kind && (readerAdds(o) || readerAdds(n))) this.visitor.node({ old: o, new: n } satisfies NodePair, at);
    if (o.kind === 'object' && n.kind === 'object') return this.objects(o, n, at);
    if (o.kind === 'array' && n.kind === 'array') return this.shapes(o.element, n.element, this.below(at, { kind: 'element' }));
    if (o.kind === 'tuple' && n.kind === 'tuple' && sameTupleLayout(o, n)) {
      o.elements.forEach((e, i) => this.shapes(e.shape, itemAt(n.elements, i).shape, this.below(at, { kind: 'tuple', index: i })));
      return;
    }
    if (o.kind === 'enum' && n.kind === 'enum') return this.enums(o.members, n.members, at);
    this.visitor.value({ old: o, new: n }, at);
  }

  private below(at: Position, step: PathStep | undefined, extra?: Partial<Position>): Position {
    const here = step ? { ...at, steps: [...at.steps, step], path: at.path + renderStep(step) } : { ...at };
    return { ...here, ...extra };
  }

  private objects(o: ObjectShape, n: ObjectShape, at: Position): void {
    const oldByName = new Map(o.fields.map((f) => [f.name, f]));
    const newByName = new Map(n.fields.map((f) => [f.name, f]));
    const pairs: { old?: Field; new?: Field }[] = [];
    for (const nf of n.fields) pairs.push({ old: oldByName.get(nf.name), new: nf });
    for (const of of o.fields) if (!newByName.has(of.name)) pairs.push({ old: of });
    matchRenames(pairs, (a, b) => sameShape(a.shape, this.oldModel, b.shape, this.newModel, this.canon) || this.unchanged?.(a.shape, b.shape) === true);

    for (const pair of pairs) {
      const f = pair.new ?? pair.old!;
      const here = this.below(at, { kind: 'field', name: f.name }, {
        loc: pair.new?.loc ?? at.loc,
        baselineLoc: pair.old?.loc ?? at.baselineLoc,
        suppressions: [...at.suppressions, ...(pair.new?.suppressions ?? [])],
      });
      this.visitor.field({ ...pair, oldParent: o, newParent: n }, here);
      if (pair.old && pair.new) this.shapes(pair.old.shape, pair.new.shape, here);
    }
    if (o.index && n.index) this.shapes(o.index, n.index, this.below(at, { kind: 'index' }));
  }

  private enums(o: EnumMember[], n: EnumMember[], at: Position): void {
    const pairs: { old?: EnumMember; new?: EnumMember }[] = [];
    const oldByKey = new Map(o.map((m) => [m.key, m]));
    const newKeys = new Set(n.map((m) => m.key));
    for (const nm of n) pairs.push({ old: oldByKey.get(nm.key), new: nm });
    for (const om of o) if (!newKeys.has(om.key)) pairs.push({ old: om });
    // A key renamed with its value kept is the same member on the wire.
    matchRenames(pairs, (a, b) => a.value === b.value);
    for (const pair of pairs) {
      const m = pair.new ?? pair.old!;
      const here = this.below(at, { kind: 'enum-member', key: m.key }, {
        loc: pair.new?.loc ?? at.loc,
        baselineLoc: pair.old?.loc ?? at.baselineLoc,
        suppressions: [...at.suppressions, ...(pair.new?.suppressions ?? [])],
      });
      this.visitor.enumMember({ ...pair, oldEnum: o, newEnum: n }, here);
    }
  }

  private unions(o: Shape, n: Shape, at: Position, oldShown: Shape = o, newShown: Shape = n): void {
    const oldVariants = o.kind === 'union' ? o.variants : [o];
    const newVariants = n.kind === 'union' ? n.variants : [n];
    const objectsOf = (variants: Shape[], model: WireModel) =>
      variants.map((v) => resolve(v, model)).filter((v): v is ObjectShape => v.kind === 'object');
    const disc = discriminant(objectsOf(oldVariants, this.oldModel), objectsOf(newVariants, this.newModel));
    const oldKeyed = keyVariants(oldVariants, this.oldModel, disc);
    const newKeyed = keyVariants(newVariants, this.newModel, disc);
    const partner = this.sameShapePartners(oldKeyed, newKeyed);
    const takenByShape = new Set(partner.values());
    const paired = new Set<string>();
    const added: Shape[] = [];
    for (const [key, nv] of newKeyed) {
      const oldKey = partner.get(key) ?? (oldKeyed.has(key) && !takenByShape.has(key) ? key : undefined);
      const ov = oldKey === undefined ? undefined : oldKeyed.get(oldKey);
      if (ov && oldKey !== undefined) {
        paired.add(oldKey);
        const tag = disc ? tagOf(nv, this.newModel, disc) : undefined;
        this.shapes(ov, nv, this.below(at, disc && tag !== undefined ? { kind: 'variant', tag: disc, value: tag } : undefined));
      } else {
        added.push(nv);
      }
    }
    const removed = [...oldKeyed].filter(([key]) => !paired.has(key)).map(([, ov]) => ov);
    if (added.length || removed.length) this.visitor.variants({ added, removed, oldUnion: oldShown, newUnion: newShown }, at);
  }

  /**
   * new key -> old key for variants that carry exactly the same values on both sides, one to one: a variant
   * that kept its shape is the same variant, even when a sibling's arrival changed how the variants are keyed
   * (a lone object becomes one of two). Ambiguous matches are left to the keys.
   */
  private sameShapePartners(oldKeyed: Map<string, Shape>, newKeyed: Map<string, Shape>): Map<string, string> {
    const partner = new Map<string, string>();
    if (oldKeyed.size === 0 || newKeyed.size === 0) return partner;
    const oldKeys = new Map<string, string[]>();
    for (const [key, ov] of oldKeyed) {
      const canon = this.canon.of(ov, this.oldModel);
      oldKeys.set(canon, [...(oldKeys.get(canon) ?? []), key]);
    }
    const newKeys = new Map<string, string[]>();
    for (const [key, nv] of newKeyed) {
      const canon = this.canon.of(nv, this.newModel);
      newKeys.set(canon, [...(newKeys.get(canon) ?? []), key]);
    }
    for (const [canon, [newKey, ...moreNew]] of newKeys) {
      const [oldKey, ...moreOld] = oldKeys.get(canon) ?? [];
      if (newKey !== undefined && oldKey !== undefined && moreNew.length === 0 && moreOld.length === 0) partner.set(newKey, oldKey);
    }
    return partner;
  }

  private methods(o: Method[], n: Method[], at: Position, separator?: '/'): void {
    const oldByName = byName(o);
    const newByName = byName(n);
    // A name with several signatures on either side pairs its overloads among themselves (`overloads`); a name
    // present on one side only is one method added or removed, whatever its overloads.
    const entries: { old?: Method; new?: Method; overloaded?: string }[] = [];
    for (const [name, ns] of newByName) {
      const os = oldByName.get(name) ?? [];
      entries.push(os.length > 0 && (os.length > 1 || ns.length > 1) ? { overloaded: name } : { old: os[0], new: ns[0] });
    }
    for (const [name, os] of oldByName) if (!newByName.has(name)) entries.push({ old: os[0] });
    matchRenames(entries, (a, b) => this.sameSignature(a, b));
    for (const entry of entries) {
      if (entry.overloaded !== undefined) {
        this.overloads(oldByName.get(entry.overloaded) ?? [], newByName.get(entry.overloaded) ?? [], at, separator);
        continue;
      }
      const m = entry.new ?? entry.old!;
      const here = this.below(at, methodStep(m.name, separator), {
        loc: entry.new?.loc ?? at.loc,
        baselineLoc: entry.old?.loc ?? at.baselineLoc,
        suppressions: [...at.suppressions, ...(entry.new?.suppressions ?? [])],
      });
      const overloads = { oldOverloads: entry.old ? (oldByName.get(entry.old.name) ?? []) : [], newOverloads: entry.new ? (newByName.get(entry.new.name) ?? []) : [] };
      this.visitor.method({ old: entry.old, new: entry.new, ...overloads }, here);
      if (entry.old && entry.new) this.signature(entry.old, entry.new, here);
    }
  }

  /**
   * One method's call signatures when either side has several. An overload is identified by its parameters:
   * the same parameter list is the same overload, whatever its position or result; when exactly one overload on
   * each side is left over, it is that overload changed. The rest were added or removed, and each is a finding of
   * its own, at `Svc.find(#2)`, unless another overload of the other side serves its calls (the rules ask).
   */
  private overloads(os: Method[], ns: Method[], at: Position, separator?: '/'): void {
    const pairs: { old?: Method; new?: Method }[] = ns.map((m) => ({ new: m }));
    const left = [...os];
    for (const pair of pairs) {
      const i = left.findIndex((om) => this.sameParams(om, pair.new!));
      if (i >= 0) pair.old = left.splice(i, 1)[0];
    }
    const [lone, ...moreNew] = pairs.filter((p) => !p.old);
    if (lone && moreNew.length === 0 && left.length === 1) lone.old = left.pop();
    for (const om of left) pairs.push({ old: om });
    const name = itemAt(ns, 0).name;
    const lastNew = ns.at(-1);
    for (const pair of pairs) {
      const step: PathStep = { kind: 'overload' };
      if (pair.old) step.old = pair.old.overload ?? 0;
      if (pair.new) step.new = pair.new.overload ?? 0;
      const here = this.below(this.below(at, methodStep(name, separator)), step, {
        // A removed overload is shown on the method that lost it.
        loc: pair.new?.loc ?? lastNew?.loc ?? at.loc,
        baselineLoc: pair.old?.loc ?? os[0]?.loc ?? at.baselineLoc,
        suppressions: [...at.suppressions, ...((pair.new ?? lastNew)?.suppressions ?? [])],
      });
      this.visitor.method({ ...pair, oldOverloads: os, newOverloads: ns }, here);
      if (pair.old && pair.new) this.signature(pair.old, pair.new, here);
    }
  }

  private signature(o: Method, n: Method, at: Position): void {
    const count = Math.max(o.params.length, n.params.length);
    for (let i = 0; i < count; i++) {
      const op = o.params[i];
      const np = n.params[i];
      const p = np ?? op!;
      const here = this.below(at, { kind: 'param', name: p.name, index: i }, {
        flow: 'request',
        loc: np?.loc ?? at.loc,
        baselineLoc: op?.loc ?? at.baselineLoc,
        suppressions: [...at.suppressions, ...(np?.suppressions ?? [])],
      });
      this.visitor.param({ old: op, new: np, index: i, method: n.name }, here);
      if (op && np) this.shapes(op.shape, np.shape, here);
    }
    this.shapes(o.result, n.result, this.below(at, { kind: 'result' }, { flow: 'result' }));
  }

  private sameSignature(a: Method, b: Method): boolean {
    return this.sameParams(a, b) && this.alike(a.result, b.result);
  }

  private sameParams(a: Method, b: Method): boolean {
    return a.params.length === b.params.length && a.params.every((p, i) => p.optional === b.params[i]!.optional && this.alike(p.shape, b.params[i]!.shape));
  }

  /** Over views a schema-read param (its policy on the reader's side only) is alike when its versions are. */
  private alike(o: Shape, n: Shape): boolean {
    return sameShape(o, this.oldModel, n, this.newModel, this.canon) || this.unchanged?.(o, n) === true;
  }
}

/** A service's methods by name, each name's call signatures in declaration order. */
function byName(methods: Method[]): Map<string, Method[]> {
  const grouped = new Map<string, Method[]>();
  for (const m of methods) grouped.set(m.name, [...(grouped.get(m.name) ?? []), m]);
  return grouped;
}

/** Whether a schema reader adds something to this node's type: an unknown-key policy or checks. */
function readerAdds(shape: Shape): boolean {
  switch (shape.kind) {
    case 'object':
      return shape.policy !== undefined || shape.checks !== undefined;
    case 'string':
    case 'number':
    case 'array':
      return shape.checks !== undefined;
    default:
      return false;
  }
}

/**
 * Pairs one removed entry with one added entry when exactly one candidate of each is alike: a rename. With
 * several candidates the guess would be arbitrary, so they stay removed + added.
 */
function matchRenames<T>(pairs: { old?: T; new?: T }[], alike: (oldItem: T, newItem: T) => boolean): void {
  const removed = pairs.filter((p) => p.old && !p.new);
  const added = pairs.filter((p) => p.new && !p.old);
  for (const r of removed) {
    const [candidate, ...otherCandidates] = added.filter((a) => !a.old && alike(r.old!, a.new!));
    if (!candidate || otherCandidates.length > 0) continue;
    const backwards = removed.filter((x) => x.old && !x.new && alike(x.old, candidate.new!));
    if (backwards.length !== 1) continue;
    candidate.old = r.old;
    pairs.splice(pairs.indexOf(r), 1);
  }
}

function sameTupleLayout(o: Extract<Shape, { kind: 'tuple' }>, n: Extract<Shape, { kind: 'tuple' }>): boolean {
  return (
    o.elements.length === n.elements.length &&
    o.elements.every((e, i) => e.optional === n.elements[i]!.optional && !!e.rest === !!n.elements[i]!.rest)
  );
}

/** The field every object variant has with a literal value: how a discriminated union names its variants. */
function discriminant(oldObjects: ObjectShape[], newObjects: ObjectShape[]): string | undefined {
  const objects = [...oldObjects, ...newObjects];
  if (objects.length < 2) return undefined;
  // A tag names each variant: on each side no two objects share its value. A constant every variant carries
  // (`jsonrpc: "2.0"`) names none of them.
  const distinct = (side: ObjectShape[], name: string) => {
    const values = side.map((o) => JSON.stringify((o.fields.find((f) => f.name === name)?.shape as { value?: unknown } | undefined)?.value));
    return new Set(values).size === values.length;
  };
  for (const field of objects[0]!.fields) {
    const isTag = objects.every((o) => o.fields.some((f) => f.name === field.name && f.shape.kind === 'literal'));
    if (isTag && distinct(oldObjects, field.name) && distinct(newObjects, field.name)) return field.name;
  }
  return undefined;
}

/** The literal a discriminated union's variant holds in its tag field. */
function tagOf(variant: Shape, model: WireModel, disc: string): Literal | undefined {
  const r = resolve(variant, model);
  const tag = r.kind === 'object' ? r.fields.find((f) => f.name === disc)?.shape : undefined;
  return tag?.kind === 'literal' ? tag.value : undefined;
}

function keyVariants(variants: Shape[], model: WireModel, disc: string | undefined): Map<string, Shape> {
  const keyed = new Map<string, Shape>();
  const objects = variants.filter((v) => resolve(v, model).kind === 'object').length;
  for (const v of variants) {
    const r = resolve(v, model);
    let key: string;
    switch (r.kind) {
      case 'literal':
        key = `lit:${typeof r.value}:${String(r.value)}`;
        break;
      case 'object': {
        const tag = disc ? r.fields.find((f) => f.name === disc)?.shape : undefined;
        // A lone object variant pairs with the other side's lone object, named or not.
        key = tag?.kind === 'literal' ? `obj:${JSON.stringify(tag.value)}` : v.kind === 'ref' && objects > 1 ? `ref:${v.name}` : 'obj';
        break;
      }
      case 'tuple':
        key = `tuple:${r.elements.length}`;
        break;
      case 'unsafe':
        key = `unsafe:${r.what}`;
        break;
      default:
        key = r.kind;
    }
    let unique = key;
    for (let i = 1; keyed.has(unique); i++) unique = `${key}#${i}`;
    keyed.set(unique, v);
  }
  return keyed;
}

/** Structural equality on the wire: names of untagged types, locations and field order do not count. */
export function sameShape(a: Shape, aModel: WireModel, b: Shape, bModel: WireModel, canon = new Canon()): boolean {
  return canon.of(a, aModel) === canon.of(b, bModel);
}

const methodStep = (name: string, separator?: '/'): PathStep => (separator ? { kind: 'method', name, separator } : { kind: 'method', name });
