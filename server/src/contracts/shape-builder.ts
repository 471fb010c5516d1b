import { ts } from '@ts-morph/common';
import type { Contract, EnumMember, Field, Method, NamedType, Shape, TupleElement, UnsafeKind } from '../engine/shape.js';
import { isDeprecated, locOf, nameNode, suppressionsOf, type RelativePath } from './locations.js';
import { directRefs, entryRefs } from '../engine/reach.js';
import { pushAll } from '../engine/push-all.js';
import { qualifiedName } from './qualified-name.js';
import { isBareErrorType } from './typescript-limits.js';
import { withWrittenAliases } from './written-aliases.js';

const { TypeFlags, ObjectFlags, SymbolFlags } = ts;

/**
 * Named types are built from a work list, so a chain of them costs no stack however long it is. Two things
 * can still grow without end and are cut off, which makes the contract "could not be checked" (never a pass):
 * generic instantiations that each refer to a bigger one (`Deep<T[]>` inside `Deep<T>`), counted along the
 * chain of references, and anonymous types nested inside one another within one named type.
 */
const MAX_GENERIC_NESTING = 100;
/** The comparison walks references recursively: a chain of named types longer than this is not checked. */
const MAX_REFERENCE_CHAIN = 300;
const MAX_ANONYMOUS_NESTING = 200;

const UNSAFE_LIB_TYPES: Record<string, UnsafeKind> = {
  Date: 'Date',
  Buffer: 'Buffer',
  Map: 'Map',
  ReadonlyMap: 'Map',
  WeakMap: 'Map',
  Set: 'Set',
  ReadonlySet: 'Set',
  WeakSet: 'Set',
  // Its lib interface is a hundred methods and a few numbers: modelled so, it would read as an object of them.
  Uint8Array: 'Uint8Array',
  ArrayBuffer: 'ArrayBuffer',
  Function: 'function',
  CallableFunction: 'function',
  NewableFunction: 'function',
};

export interface BuilderProblem {
  node: ts.Node;
  message: string;
  /** A limit was hit and part of a contract was not read: the check must not pass. */
  uncheckable?: true;
  /** Where to report it when `node` lies outside the project (in a dependency's declarations). */
  contractNode?: ts.Node;
}

/**
 * What one named type was built from: every source file whose declarations were consulted for its own shape
 * (named types it refers to are their own entries), and the problems reported meanwhile. While all those
 * files are unchanged, the next extraction can take the entry as it is.
 */
export interface EntryRecord {
  declaration: ts.Declaration;
  deps: Set<ts.SourceFile>;
  problems: BuilderProblem[];
  /** For a service: its methods (a service has no entry in `types`). */
  methods?: Method[];
}

/** The previous extraction, offered for reuse. */
export interface PreviousEntries {
  types: Readonly<Record<string, NamedType>>;
  records: ReadonlyMap<string, EntryRecord>;
  /** True when the source file object is part of the current program (unchanged since it was read). */
  isCurrent(sourceFile: ts.SourceFile): boolean;
  /** Files whose importers may now resolve names differently: an entry declared in an importer is rebuilt. */
  importsChanged(sourceFile: ts.SourceFile): boolean;
}

/** A reused entry points at a type that cannot be rebuilt on its own: the caller extracts everything again. */
export class ReuseFailed extends Error {}

export interface NamedTarget {
  name: string;
  /** The declaration that owns the name; two different owners of one name is a collision. */
  declaration: ts.Declaration;
}

/** A named type waiting for its structure to be built. */
interface PendingType {
  target: NamedTarget;
  /** Reads the structure: from a checker type, or from a schema's construction. */
  build: () => Shape;
  entry: NamedType;
  /** Generic instantiations on the chain of references that led here, this one included. */
  genericNesting: number;
  /** Named types on that chain, this one included. */
  chain: number;
}

/** What reading schema values adds to the builder (see schemas/schema-reader.ts). */
export interface ValueShapes {
  /**
   * How to read a named type a schema declares (its const, or a type inferred from it) again, when its previous
   * entry cannot be reused; undefined for other declarations.
   */
  rebuild(declaration: ts.Declaration): (() => Shape) | undefined;
  /** A checker type that is a schema's inferred type under a name (`type Order = z.infer<typeof OrderSchema>`): a ref to it. */
  namedType(type: ts.Type): Shape | undefined;
  /** Aliases a schema library declares (`$InferObjectOutput<…>`) are machinery, not names a project chose. */
  isLibraryAlias(declaration: ts.Node): boolean;
}

/**
 * Turns checker types into wire shapes. Named types (interfaces, classes, enums, aliases of objects, unions
 * and enums) are stored once in `types` and referenced by name, which is how recursion terminates and how a
 * contract used inside another contract stays visible as itself.
 */
export class ShapeBuilder {
  readonly types: Record<string, NamedType> = {};
  readonly problems: BuilderProblem[] = [];
  readonly records = new Map<string, EntryRecord>();
  private readonly frames: EntryRecord[] = [];
  private readonly owners = new Map<string, ts.Declaration>();
  private readonly reportedCollisions = new Set<ts.Declaration>();
  private readonly pending: PendingType[] = [];
  private building: PendingType | undefined;
  /** The contract being read, named when a limit makes it uncheckable. */
  private contract = '';
  private contractNode: ts.Node | undefined;
  /** Anonymous types open inside the named type being built. */
  private nesting = 0;
  /** Entries already reported as reaching a type TypeScript gave up on: once each is enough. */
  private readonly gaveUp = new WeakSet<EntryRecord>();
  /** Set by the schema reader that shares this builder. */
  values: ValueShapes | undefined;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly relative: RelativePath,
    private readonly isLibDeclaration: (node: ts.Node) => boolean,
    /** The limit TypeScript reported, if any (see typescript-limits.ts). */
    private readonly limitReported: () => string | undefined,
    private readonly previous?: PreviousEntries,
  ) {}

  /**
   * Stores a contract's declared type under the contract's own name. Returns false (and records a problem)
   * when another declaration already owns the name.
   */
  defineContractType(name: string, declaration: ts.Declaration, type: () => ts.Type): boolean {
    return this.defineContract(name, declaration, () => this.structureOf(type()));
  }

  /** The same for a contract whose structure is read by `build` (a schema value's construction). */
  defineContract(name: string, declaration: ts.Declaration, build: () => Shape): boolean {
    const owner = this.owners.get(name);
    if (owner) {
      if (owner === declaration) return true;
      this.collision(name, owner, declaration);
      return false;
    }
    this.contract = name;
    this.contractNode = nameNode(declaration);
    if (!this.reuse(name, declaration)) this.define({ name, declaration }, build, undefined);
    this.drain();
    return true;
  }

  /**
   * A service's methods, built by `build` (which uses this builder for every shape) or taken from the previous
   * extraction when nothing they were built from changed.
   */
  serviceMethods(name: string, declaration: ts.Declaration, build: () => Method[]): Method[] {
    const key = `service:${name}`;
    const previous = this.previous?.records.get(key);
    if (previous?.methods && previous.declaration === declaration && this.isClean(previous)) {
      this.records.set(key, previous);
      pushAll(this.problems, previous.problems);
      this.adoptRefs(directRefs(previous.methods.flatMap((m) => [m.result, ...m.params.map((p) => p.shape)])));
      this.drain();
      return previous.methods;
    }
    const record: EntryRecord = { declaration, deps: new Set([declaration.getSourceFile()]), problems: [] };
    this.records.set(key, record);
    this.contract = name;
    this.contractNode = nameNode(declaration);
    this.frames.push(record);
    try {
      record.methods = build();
    } finally {
      this.frames.pop();
    }
    this.drain();
    return record.methods;
  }

  /**
   * Whether a file's candidates read as they did: its object is in the program and nothing it imports changed
   * (a candidate that gave no contract, a value not a schema, may give one now).
   */
  fileUnchanged(sourceFile: ts.SourceFile): boolean {
    return !!this.previous && this.previous.isCurrent(sourceFile) && !this.previous.importsChanged(sourceFile);
  }

  /** Whether a contract's previous entry (a service's methods) is there and clean, so `keep` can take it. */
  canKeep(contract: Contract, declaration: ts.Declaration): boolean {
    const previous = this.previous;
    if (!previous) return false;
    const service = contract.kind === 'service';
    const record = previous.records.get(service ? `service:${contract.name}` : contract.name);
    if (!record || record.declaration !== declaration) return false;
    if (service ? !record.methods : !previous.types[contract.name]) return false;
    const owner = service ? undefined : this.owners.get(contract.name);
    return (owner === undefined || owner === declaration) && this.isClean(record);
  }

  /** Takes a contract's previous entry as is (what defineContract or serviceMethods would reuse), after canKeep. */
  keep(contract: Contract, declaration: ts.Declaration): void {
    if (contract.kind === 'service') {
      if (this.serviceMethods(contract.name, declaration, () => {
        throw new ReuseFailed(`service ${contract.name} was not kept`);
      }) !== contract.methods) throw new ReuseFailed(`service ${contract.name} has other methods`);
      return;
    }
    this.defineContract(contract.name, declaration, () => {
      throw new ReuseFailed(`contract ${contract.name} was not kept`);
    });
  }

  /** A type in a value position: named types become refs. */
  shapeOf(type: ts.Type): Shape {
    this.dependOn(type.aliasSymbol?.declarations);
    this.dependOn(type.symbol?.declarations);
    const flags = type.flags;
    if (isBareErrorType(type)) this.checkGaveUp();
    if (flags & (TypeFlags.Any | TypeFlags.Unknown)) return { kind: 'any' };
    if (flags & TypeFlags.Never) return { kind: 'never' };
    if (flags & (TypeFlags.Undefined | TypeFlags.Void)) return { kind: 'void' };
    if (flags & TypeFlags.Null) return { kind: 'null' };
    if (flags & TypeFlags.BigIntLike) return { kind: 'unsafe', what: 'bigint' };
    if (flags & TypeFlags.ESSymbolLike) return { kind: 'unsafe', what: 'symbol' };
    if (flags & TypeFlags.EnumLiteral && !(flags & TypeFlags.Union)) {
      const whole = this.singleMemberEnum(type);
      if (whole) return this.refTo({ name: qualifiedName(whole, whole.name.text), declaration: whole }, type);
    }
    if (type.isStringLiteral() || type.isNumberLiteral()) return { kind: 'literal', value: type.value };
    if (flags & TypeFlags.BooleanLiteral) return { kind: 'literal', value: this.isTrue(type) };
    if (flags & TypeFlags.TemplateLiteral) return templateShape(type as ts.TemplateLiteralType);
    if (flags & (TypeFlags.String | TypeFlags.StringMapping)) return { kind: 'string' };
    if (flags & TypeFlags.Number) return { kind: 'number' };
    if (flags & TypeFlags.Boolean) return { kind: 'boolean' };
    if (flags & TypeFlags.TypeParameter) return { kind: 'any' };
    if (flags & TypeFlags.NonPrimitive) return { kind: 'object', fields: [], index: { kind: 'any' } };
    const unsafe = this.unsafeObject(type);
    if (unsafe) return { kind: 'unsafe', what: unsafe };
    const fromSchema = this.values?.namedType(type);
    if (fromSchema) return fromSchema;
    const named = this.nameOf(type);
    if (named) return this.refTo(named, type);
    return this.structureOf(type);
  }

  /**
   * A property or parameter type: `undefined` is stripped and turned into `optional`, so `x?: T` and
   * `x: T | undefined` come out the same.
   */
  memberShape(type: ts.Type, declaredOptional: boolean): { shape: Shape; optional: boolean } {
    if (!type.isUnion() || !type.types.some((t) => t.flags & TypeFlags.Undefined)) {
      return { shape: this.shapeOf(type), optional: declaredOptional };
    }
    // The checker flattens `Status | undefined` into the literals of Status; its internal `origin` still
    // holds the alias, which keeps the field a ref to the named type rather than an anonymous union. No public
    // API does this: getNonNullableType also drops `null` (`x?: N` with `type N = 'a' | null` would lose it),
    // and the declared type node is the type parameter, not its argument, in a generic instantiation.
    const origin = (type as { origin?: ts.Type }).origin;
    if (origin?.isUnion()) {
      const rest = origin.types.filter((t) => !(t.flags & TypeFlags.Undefined));
      if (rest.length === 1) return { shape: this.shapeOf(rest[0]!), optional: true };
    }
    return { shape: this.unionShape(type.types.filter((t) => !(t.flags & TypeFlags.Undefined))), optional: true };
  }

  /** `shape`, built from the type of a member declared with `node`, naming the aliases `node` wrote, for messages. */
  asWritten(shape: Shape, node: ts.TypeNode): Shape {
    return withWrittenAliases(shape, node, this.checker, (member) => JSON.stringify(this.shapeOf(this.checker.getTypeFromTypeNode(member))));
  }

  /** The structure of a type, without turning the type itself into a ref. */
  private structureOf(type: ts.Type): Shape {
    if (this.nesting >= MAX_ANONYMOUS_NESTING) {
      const where = this.building ? `type '${this.building.target.name}'` : 'a method signature';
      this.uncheckable(this.building?.target.declaration, `${where} nests anonymous types more than ${MAX_ANONYMOUS_NESTING} deep`);
      return { kind: 'any' };
    }
    this.nesting++;
    try {
      return this.structureWithin(type);
    } finally {
      this.nesting--;
    }
  }

  private structureWithin(type: ts.Type): Shape {
    if (type.flags & TypeFlags.EnumLiteral) {
      const declaration = type.isUnion() ? enumDeclarationOf(type.symbol) : this.singleMemberEnum(type);
      if (declaration) return this.enumShape(declaration);
    }
    if (type.flags & TypeFlags.Boolean) return { kind: 'boolean' };
    if (type.isUnion()) {
      const shape = this.unionShape(type.types);
      // Kept for messages only (`JSONRPCResponse`, not its expansion); comparisons ignore it.
      const alias = type.aliasSymbol?.getName();
      return shape.kind === 'union' && alias ? { ...shape, alias } : shape;
    }
    if (type.isIntersection()) {
      // A branded primitive (`string & { __brand: 'Id' }`) travels as the primitive.
      const primitive = type.types.find((t) => t.flags & (TypeFlags.StringLike | TypeFlags.NumberLike | TypeFlags.BooleanLike | TypeFlags.BigIntLike));
      if (primitive) return this.shapeOf(primitive);
      return this.objectShape(type);
    }
    if (this.checker.isTupleType(type)) return this.tupleShape(type as ts.TupleTypeReference);
    if (this.checker.isArrayType(type)) {
      const [element] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { kind: 'array', element: element ? this.shapeOf(element) : { kind: 'any' } };
    }
    if (type.flags & TypeFlags.Object) {
      const unsafe = this.unsafeObject(type);
      if (unsafe) return { kind: 'unsafe', what: unsafe };
      return this.objectShape(type);
    }
    if (type.flags & (TypeFlags.Conditional | TypeFlags.IndexedAccess | TypeFlags.Index | TypeFlags.Substitution)) {
      return { kind: 'any' };
    }
    return this.shapeOf(type);
  }

  /** Registers a named type and queues its structure: a recursive reference finds the entry and stops. */
  private define(target: NamedTarget, build: () => Shape, from: PendingType | undefined): void {
    this.owners.set(target.name, target.declaration);
    const entry: NamedType = { name: target.name, shape: { kind: 'any' } };
    const loc = locOf(nameNode(target.declaration), this.relative);
    if (loc) entry.loc = loc;
    this.types[target.name] = entry;
    const genericNesting = (from?.genericNesting ?? 0) + (target.name.includes('<') ? 1 : 0);
    this.pending.push({ target, build, entry, genericNesting, chain: (from?.chain ?? 0) + 1 });
  }

  /** Builds queued named types until none is left; called once a contract's own shape is read. */
  private drain(): void {
    if (this.building) return;
    // First in, first out: types are built in the order they were first mentioned.
    for (let next = this.pending.shift(); next; next = this.pending.shift()) this.build(next);
  }

  private build(job: PendingType): void {
    const { target, build, entry } = job;
    const record: EntryRecord = { declaration: target.declaration, deps: new Set([target.declaration.getSourceFile()]), problems: [] };
    this.records.set(target.name, record);
    if (job.genericNesting > MAX_GENERIC_NESTING) {
      this.uncheckable(target.declaration, `generic type '${cut(target.name)}' refers to bigger instantiations of itself more than ${MAX_GENERIC_NESTING} deep`, record);
      return;
    }
    if (job.chain > MAX_REFERENCE_CHAIN) {
      this.uncheckable(target.declaration, `type '${cut(target.name)}' is reached through a chain of more than ${MAX_REFERENCE_CHAIN} named types`, record);
      return;
    }
    this.building = job;
    this.frames.push(record);
    try {
      entry.shape = build();
    } finally {
      this.frames.pop();
      this.building = undefined;
    }
  }

  private refTo(target: NamedTarget, type: ts.Type): Shape {
    return this.namedRef(target, () => this.structureOf(type));
  }

  /** A reference to the named type `target`, whose structure `build` reads the first time it is needed. */
  namedRef(target: NamedTarget, build: () => Shape): Shape {
    this.dependOn([target.declaration]);
    const owner = this.owners.get(target.name);
    if (!owner) {
      if (!this.reuse(target.name, target.declaration)) this.define(target, build, this.building);
    } else if (owner !== target.declaration) this.collision(target.name, owner, target.declaration);
    return { kind: 'ref', name: target.name };
  }

  /**
   * Takes the previous extraction's entry for `name` when nothing it was built from changed, then makes sure
   * every type it refers to is there too (reused as well, or rebuilt from its unchanged declaration).
   */
  private reuse(name: string, declaration: ts.Declaration): boolean {
    const previous = this.previous;
    const record = previous?.records.get(name);
    const entry = previous?.types[name];
    if (!previous || !record || !entry || record.declaration !== declaration || !this.isClean(record)) return false;
    this.adopt(name, record, entry);
    this.adoptRefs(entryRefs(entry));
    return true;
  }

  /** Makes every type these names refer to (transitively) available, reused or rebuilt. */
  private adoptRefs(refs: Iterable<string>): void {
    const previous = this.previous!;
    // An entry's refs are remembered with it (entryRefs), so a reused entry's shape is not walked again.
    const pending = [refs];
    while (pending.length) {
      for (const ref of pending.pop()!) {
        const inner = previous.records.get(ref);
        const owner = this.owners.get(ref);
        if (owner) {
          // Another declaration took the name since (a contract renamed onto it): the entry's ref would now mean
          // that one, and a fresh read would report the collision.
          if (owner !== inner?.declaration) throw new ReuseFailed(`${ref} is now another declaration`);
          continue;
        }
        const innerEntry = previous.types[ref];
        if (!inner || !innerEntry) throw new ReuseFailed(`no previous entry for ${ref}`);
        if (this.isClean(inner)) {
          this.adopt(ref, inner, innerEntry);
          pending.push(entryRefs(innerEntry));
          continue;
        }
        // Its own text is unchanged (the referring entry depends on that file), only something it inlines
        // changed: build it again from the same declaration node, which the new program still holds.
        const symbol = this.checker.getSymbolAtLocation(nameNode(inner.declaration));
        if (ref.includes('<') || !symbol || !previous.isCurrent(inner.declaration.getSourceFile())) {
          throw new ReuseFailed(`cannot rebuild ${ref} on its own`);
        }
        const declaration = inner.declaration;
        const build =
          this.values?.rebuild(declaration) ??
          (ts.isVariableDeclaration(declaration) ? undefined : () => this.structureOf(this.checker.getDeclaredTypeOfSymbol(symbol)));
        if (!build) throw new ReuseFailed(`cannot rebuild ${ref} on its own`);
        this.define({ name: ref, declaration }, build, undefined);
      }
    }
  }

  private adopt(name: string, record: EntryRecord, entry: NamedType): void {
    this.owners.set(name, record.declaration);
    this.types[name] = entry;
    this.records.set(name, record);
    pushAll(this.problems, record.problems);
  }

  private isClean(record: EntryRecord): boolean {
    const previous = this.previous!;
    for (const file of record.deps) if (!previous.isCurrent(file)) return false;
    return !previous.importsChanged(record.declaration.getSourceFile());
  }

  /** Records that the entry being built read these declarations. */
  dependOn(declarations: readonly ts.Node[] | undefined): void {
    const frame = this.frames[this.frames.length - 1];
    if (!frame || !declarations) return;
    for (const d of declarations) frame.deps.add(d.getSourceFile());
  }

  /** A warning about something read only in part, at the node it is about. */
  note(node: ts.Node, message: string): void {
    this.problem({ node, message });
  }

  private problem(problem: BuilderProblem, record = this.frames[this.frames.length - 1]): void {
    this.problems.push(problem);
    record?.problems.push(problem);
  }

  /** A limit was hit: the contract is reported as not checked rather than read as `any` and passed. */
  private uncheckable(node: ts.Node | undefined, why: string, record = this.frames[this.frames.length - 1]): void {
    const contractNode = this.contractNode!;
    const message = `Contract '${this.contract}' could not be checked: ${why}.`;
    this.problem({ node: node ?? contractNode, message, uncheckable: true, contractNode }, record);
  }

  /** TypeScript's error type stands where a limit was hit: reading it as `any` would pass whatever it holds. */
  private checkGaveUp(): void {
    const record = this.frames[this.frames.length - 1];
    if (!record || this.gaveUp.has(record)) return;
    const limit = this.limitReported();
    if (!limit) return;
    this.gaveUp.add(record);
    const where = this.building ? `type '${cut(this.building.target.name)}'` : 'a method signature';
    this.uncheckable(this.building?.target.declaration, `${where} uses a type TypeScript gave up on (${limit})`, record);
  }

  private collision(name: string, first: ts.Declaration, other: ts.Declaration): void {
    if (this.reportedCollisions.has(other)) return;
    this.reportedCollisions.add(other);
    const where = locOf(nameNode(first), this.relative);
    const at = where ? ` (first declared in ${where.file}:${where.range.start.line + 1})` : '';
    this.problem({
      node: nameNode(other),
      message: `Another type is already named '${name}'${at}; this one is ignored and uses of it are read as the first.`,
    });
  }

  /** Which named type (if any) a type is. */
  private nameOf(type: ts.Type): NamedTarget | undefined {
    const alias = type.aliasSymbol;
    const aliasDeclaration = alias?.declarations?.find(ts.isTypeAliasDeclaration);
    if (alias && aliasDeclaration && !this.isLibDeclaration(aliasDeclaration) && !this.values?.isLibraryAlias(aliasDeclaration) && this.isNameableAliasTarget(type)) {
      return { name: qualifiedName(aliasDeclaration, alias.name) + this.argumentList(type.aliasTypeArguments ?? []), declaration: aliasDeclaration };
    }
    if (type.flags & TypeFlags.EnumLiteral && type.isUnion()) {
      const declaration = enumDeclarationOf(type.symbol);
      if (declaration) return { name: qualifiedName(declaration, declaration.name.text), declaration };
    }
    if (!(type.flags & TypeFlags.Object)) return undefined;
    const objectFlags = (type as ts.ObjectType).objectFlags;
    const symbol = type.getSymbol();
    if (!symbol || !(symbol.flags & (SymbolFlags.Interface | SymbolFlags.Class))) return undefined;
    if (!(objectFlags & (ObjectFlags.Interface | ObjectFlags.Class | ObjectFlags.Reference))) return undefined;
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) return undefined;
    const declaration = symbol.declarations?.find((d) => ts.isInterfaceDeclaration(d) || ts.isClassLike(d));
    if (!declaration) return undefined;
    let typeArguments: readonly ts.Type[] = [];
    if (objectFlags & ObjectFlags.Reference) {
      const reference = type as ts.TypeReference;
      const parameterCount = (reference.target as ts.InterfaceType).typeParameters?.length ?? 0;
      typeArguments = this.checker.getTypeArguments(reference).slice(0, parameterCount);
    }
    return { name: qualifiedName(declaration, symbol.name) + this.argumentList(typeArguments), declaration };
  }

  private isNameableAliasTarget(type: ts.Type): boolean {
    if (type.flags & TypeFlags.Boolean) return false;
    if (type.isUnion() || type.isIntersection()) return true;
    if (!(type.flags & TypeFlags.Object)) return false;
    if (this.checker.isArrayType(type) || this.checker.isTupleType(type)) return false;
    return !this.unsafeObject(type);
  }

  private argumentList(typeArguments: readonly ts.Type[]): string {
    if (typeArguments.length === 0) return '';
    const names = typeArguments.map(
      (t) => this.nameOf(t)?.name ?? this.checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation),
    );
    return `<${names.join(', ')}>`;
  }

  private unsafeObject(type: ts.Type): UnsafeKind | undefined {
    if (!(type.flags & TypeFlags.Object)) return undefined;
    const symbol = type.getSymbol();
    // any lib declaration will do: a project may merge its own into a lib interface (or @types/node into Buffer)
    const declaration = symbol?.declarations?.find((d) => this.isLibDeclaration(d));
    if (symbol && declaration && UNSAFE_LIB_TYPES[symbol.name]) {
      return UNSAFE_LIB_TYPES[symbol.name];
    }
    if (type.getCallSignatures().length > 0 || type.getConstructSignatures().length > 0) return 'function';
    return undefined;
  }

  private unionShape(types: readonly ts.Type[]): Shape {
    const rest = [...types];
    const shapes: Shape[] = [];
    // `boolean` is `true | false` to the checker; put it back together.
    const trueType = rest.find((t) => t.flags & TypeFlags.BooleanLiteral && this.isTrue(t));
    const falseType = rest.find((t) => t.flags & TypeFlags.BooleanLiteral && !this.isTrue(t));
    if (trueType && falseType) {
      rest.splice(rest.indexOf(trueType), 1);
      rest.splice(rest.indexOf(falseType), 1);
      shapes.push({ kind: 'boolean' });
    }
    // An enum mixed with other types is flattened into its members; when all of them are there it is the enum.
    const byEnum = new Map<ts.EnumDeclaration, ts.Type[]>();
    for (const t of rest) {
      if (!(t.flags & TypeFlags.EnumLiteral)) continue;
      const declaration = t.getSymbol()?.declarations?.[0]?.parent;
      if (declaration && ts.isEnumDeclaration(declaration)) byEnum.set(declaration, [...(byEnum.get(declaration) ?? []), t]);
    }
    for (const [declaration, members] of byEnum) {
      const enumType = this.checker.getTypeAtLocation(declaration.name);
      const total = enumType.isUnion() ? enumType.types.length : 1;
      if (members.length !== total) continue;
      for (const member of members) rest.splice(rest.indexOf(member), 1);
      shapes.push(this.shapeOf(enumType));
    }
    for (const t of rest) shapes.push(this.shapeOf(t));

    const unique = new Map<string, Shape>();
    for (const shape of shapes.flatMap((s) => (s.kind === 'union' ? s.variants : [s]))) unique.set(JSON.stringify(shape), shape);
    if (unique.size === 0) return { kind: 'never' };
    if (unique.size === 1) return [...unique.values()][0]!;
    // Sorted so the same union spelled in a different order (or checked in a different order) compares equal.
    const variants = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
    return { kind: 'union', variants };
  }

  private objectShape(type: ts.Type): Shape {
    const fields: Field[] = [];
    for (const property of this.checker.getPropertiesOfType(type)) {
      const field = this.fieldOf(property);
      if (field) fields.push(field);
    }
    const shape: Shape = { kind: 'object', fields };
    const indexInfos = this.checker.getIndexInfosOfType(type);
    const index =
      indexInfos.find((info) => info.keyType.flags & TypeFlags.String) ??
      indexInfos.find((info) => info.keyType.flags & TypeFlags.Number);
    if (index) shape.index = this.memberShape(index.type, false).shape;
    return shape;
  }

  private fieldOf(property: ts.Symbol): Field | undefined {
    const name = property.getName();
    if (name.startsWith('__@') || name.startsWith('#')) return undefined;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    this.dependOn(property.declarations);
    const inClass = !!declaration?.parent && ts.isClassLike(declaration.parent);
    // JSON.stringify of a class instance carries its data properties only, never prototype members.
    if (inClass && property.flags & (SymbolFlags.Method | SymbolFlags.Accessor)) return undefined;
    const member = this.memberShape(this.checker.getTypeOfSymbol(property), !!(property.flags & SymbolFlags.Optional));
    const written = declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) ? declaration.type : undefined;
    const shape = written ? this.asWritten(member.shape, written) : member.shape;
    const field: Field = { name, shape, optional: member.optional };
    if (declaration) {
      const loc = locOf(nameNode(declaration), this.relative);
      if (loc) field.loc = loc;
      if (isDeprecated(declaration)) field.deprecated = true;
      const suppressions = suppressionsOf(declaration, this.relative);
      if (suppressions) field.suppressions = suppressions;
    }
    return field;
  }

  private tupleShape(type: ts.TupleTypeReference): Shape {
    const flags = type.target.elementFlags;
    const elementTypes = this.checker.getTypeArguments(type);
    const elements: TupleElement[] = flags.map((flag, i) => {
      const variadic = !!(flag & (ts.ElementFlags.Rest | ts.ElementFlags.Variadic));
      const optional = !!(flag & ts.ElementFlags.Optional);
      const elementType = elementTypes[i];
      let shape: Shape = elementType ? this.memberShape(elementType, optional).shape : { kind: 'any' };
      // A variadic `...T[]` element is stored as the element type, with `rest` saying it repeats.
      if (variadic && shape.kind === 'array') shape = shape.element;
      const element: TupleElement = { shape, optional: optional || variadic };
      if (variadic) element.rest = true;
      return element;
    });
    return { kind: 'tuple', elements };
  }

  enumShape(declaration: ts.EnumDeclaration): Shape {
    const members: EnumMember[] = [];
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    const declarations = symbol?.declarations?.filter(ts.isEnumDeclaration) ?? [declaration];
    this.dependOn(declarations);
    for (const part of declarations) {
      for (const member of part.members) {
        const constant = this.checker.getConstantValue(member);
        const entry: EnumMember = {
          key: ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : member.name.getText(),
          value: constant ?? member.initializer?.getText() ?? '',
          implicit: !member.initializer,
        };
        const loc = locOf(member.name, this.relative);
        if (loc) entry.loc = loc;
        const suppressions = suppressionsOf(member, this.relative);
        if (suppressions) entry.suppressions = suppressions;
        members.push(entry);
      }
    }
    return { kind: 'enum', members };
  }

  /** `enum E { A }` has no union type: the checker uses the member's literal type for E itself. */
  private singleMemberEnum(type: ts.Type): ts.EnumDeclaration | undefined {
    const member = type.getSymbol()?.declarations?.[0];
    const declaration = member?.parent;
    if (!declaration || !ts.isEnumDeclaration(declaration)) return undefined;
    const symbol = this.checker.getSymbolAtLocation(declaration.name);
    const count = (symbol?.declarations ?? []).filter(ts.isEnumDeclaration).reduce((n, d) => n + d.members.length, 0);
    return count === 1 ? declaration : undefined;
  }

  /** For a boolean literal type: `false` is not assignable to `true`, and a fresh `true` is to the regular one. */
  private isTrue(type: ts.Type): boolean {
    return this.checker.isTypeAssignableTo(type, this.checker.getTrueType());
  }
}

function enumDeclarationOf(symbol: ts.Symbol | undefined): ts.EnumDeclaration | undefined {
  if (!symbol || !(symbol.flags & SymbolFlags.Enum)) return undefined;
  return symbol.declarations?.find(ts.isEnumDeclaration);
}


/** Names of runaway instantiations can be huge; a message shows their start. */
function cut(name: string): string {
  return name.length > 120 ? `${name.slice(0, 120)}…` : name;
}

/**
 * `` `ord_${string}` `` keeps its template (engine/template.ts); a template with a placeholder other than
 * string, number, bigint or boolean (`${Uppercase<T>}`, a nested template) reads as a plain string.
 */
function templateShape(type: ts.TemplateLiteralType): Shape {
  let template = type.texts[0] ?? '';
  for (const [i, part] of type.types.entries()) {
    const flags = part.flags;
    const name =
      flags & TypeFlags.String ? 'string' : flags & TypeFlags.Number ? 'number' : flags & TypeFlags.BigInt ? 'bigint' : flags & TypeFlags.Boolean ? 'boolean' : undefined;
    if (!name) return { kind: 'string' };
    template += `\${${name}}` + (type.texts[i + 1] ?? '');
  }
  return { kind: 'string', template };
}
