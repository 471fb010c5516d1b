import { ts } from '@ts-morph/common';
import type { Field, ObjectShape, ReaderPolicy, Refinement, Shape, TupleElement } from '../../engine/shape.js';
import { isDeprecated, locOf, suppressionsOf, type RelativePath } from '../locations.js';
import { qualifiedName } from '../qualified-name.js';
import type { NamedTarget, ShapeBuilder, ValueShapes } from '../shape-builder.js';
import { CalleeMembers } from './callee-members.js';
import { familyOf, type PackageNameOf, type SchemaFamily, type SchemaLibrary } from './library.js';
import type { LibraryFacts } from './library-memo.js';
import { inPlace, UNIONS } from './in-place.js';
import { objectWithoutPolicy, readerSide, UNKNOWN_POLICY } from './unknown-policy.js';
import { caught, decoded, fieldOf, literalArgument, propertyKey, skipOuter, unionOf, unionRead, withCheck, type Read } from './read-shapes.js';

/** A call whose callee is declared by a schema library. */
interface LibraryCall {
  call: ts.CallExpression;
  /** The declared name, without zod 3's `Type` suffix and valibot's `_` (`objectType` → object, `enum_` → enum). */
  name: string;
  /** The name as written, for refinements (`minLength` in `z.minLength(3)`). */
  written: string;
  nameNode: ts.Identifier | ts.PrivateIdentifier;
  /** The callee's symbol, aliases resolved: its declarations are the overloads. */
  symbol: ts.Symbol;
  family: SchemaFamily;
  declaration: ts.Declaration;
  /** A method called on a schema (`.optional()`), not a function of the library (`z.optional(s)`). */
  receiver?: ts.Expression;
}

/** A `const` whose initializer is a schema: a named type in the model. */
interface SchemaConst {
  name: string;
  declaration: ts.VariableDeclaration & { initializer: ts.Expression };
}

/** Types a schema library derives from a schema: what writers produce (`z.infer`, `InferOutput`) or readers take. */
const INFERRED = new Set(['infer', 'output', 'input', 'TypeOf', 'InferOutput', 'InferInput', 'Infer']);

/** Constructors whose type says all there is: no check hides in them. */
const PLAIN = new Set([
  'string', 'number', 'boolean', 'bigint', 'null', 'undefined', 'void', 'any', 'unknown', 'never', 'literal', 'enum', 'nativeEnum',
  'picklist', 'date', 'symbol', 'nan', 'templateLiteral', 'map', 'set', 'promise', 'function', 'instance', 'instanceof', 'file', 'blob',
]);
/** Methods and functions that change neither the shape on the wire nor what the reader accepts. */
const NEUTRAL = new Set([
  'describe', 'meta', 'brand', 'readonly', 'register', 'clone', 'overwrite', 'trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase',
  'normalize', 'slugify', 'title', 'description', 'metadata', 'flavor', 'examples', 'args', 'returns',
]);
/** Whose result is another schema read from the checker's types (we do not model what they compute). */
const BY_TYPES = new Set(['keyof', 'deepPartial', 'unwrap', 'element', 'exclude', 'extract', 'removeDefault', 'promise', 'transform', 'preprocess', 'effect', 'transformer']);

/**
 * Reads zod (3, 4, mini) and valibot schemas from how they are built: the AST of the call chain, each callee
 * recognised by the checker as a declaration of the library (whatever it is imported as). The construction is
 * what carries the reader policy per object and the refinements, which the inferred types do not show. What it
 * does not understand is read from the checker's input and output types instead.
 */
/** Methods that set the unknown-key policy of the object they are called on. */
const POLICY_CALLS = new Set(['strict', 'strip', 'passthrough', 'loose', 'nonstrict', 'catchall']);

export class SchemaReader implements ValueShapes {
  private readonly families = new WeakMap<ts.SourceFile, SchemaFamily | null>();
  private readonly schemaConsts = new WeakMap<ts.VariableDeclaration, boolean>();
  private readonly returnKinds = new WeakMap<ts.Declaration, 'schema' | 'this' | 'other'>();
  private readonly declaredReads = new WeakMap<ts.Declaration, Read | undefined>();
  private inferredAliases: ts.TypeAliasDeclaration[] = [];
  private inferredTypes: Map<ts.Type, { named: NamedTarget; schema: ts.VariableDeclaration }> | undefined;
  /** Consts being read inline (an `.extend()` base), so a cycle of them ends. */
  private readonly inlining = new Set<ts.Node>();
  /** Receivers of a policy call (`.strict()`): their own objects get a policy there, whatever their type says. */
  private readonly policyCalledOn = new Set<ts.Node>();
  /** Spots already noted as having objects of unknown policy (a node may be read for both sides). */
  private readonly notedPolicy = new Set<ts.Node>();
  private readonly calls = new WeakMap<ts.CallExpression, LibraryCall | null>();
  private readonly members: CalleeMembers;

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly builder: ShapeBuilder,
    private readonly relative: RelativePath,
    private readonly packageNameOf: PackageNameOf,
    /** What earlier programs with the same library declarations found in them (see LibraryMemo). */
    private readonly library?: LibraryFacts,
  ) {
    builder.values = this;
    this.members = new CalleeMembers(
      checker,
      (call) => {
        const found = this.libraryCall(call);
        return found && { symbol: found.symbol, receiver: found.receiver };
      },
      library,
    );
  }

  /** The library of a `const` that is a schema, or undefined when it is not one. */
  libraryOf(declaration: ts.VariableDeclaration): SchemaLibrary | undefined {
    if (!this.isSchemaConst(declaration)) return undefined;
    return this.libraryOfExpression(declaration.initializer!, new Set());
  }

  /** The contract's shape, read from its initializer. */
  contractShape(declaration: ts.VariableDeclaration): Shape {
    return declaration.initializer ? this.read(declaration.initializer).shape : { kind: 'any' };
  }

  /**
   * A schema value an adapter found in a framework call (a tRPC or oRPC `.input(schema)`): what its reader accepts,
   * or undefined when it is not a zod or valibot schema. `inline` reads a schema const's construction rather than
   * a reference to it, for a caller that merges several inputs' objects.
   */
  valueRead(node: ts.Expression, inline = false): Read | undefined {
    if (!this.libraryOfExpression(node, new Set())) return undefined;
    const expr = skipOuter(node);
    const target = inline && (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) ? this.schemaConst(expr) : undefined;
    if (!target) return this.read(expr);
    this.builder.dependOn([target.declaration]);
    return this.read(target.declaration.initializer);
  }

  rebuild(declaration: ts.Declaration): (() => Shape) | undefined {
    if (ts.isVariableDeclaration(declaration)) return this.isSchemaConst(declaration) ? () => this.contractShape(declaration) : undefined;
    const schema = ts.isTypeAliasDeclaration(declaration) ? this.inferredFrom(declaration) : undefined;
    return schema && (() => this.aliasShape(schema));
  }

  /** A schema's shape for a type named after it: it depends on the schema's file too. */
  aliasShape(schema: ts.VariableDeclaration): Shape {
    this.builder.dependOn([schema]);
    return this.contractShape(schema);
  }

  namedType(type: ts.Type): Shape | undefined {
    // Only a type a schema library spells (`$InferObjectOutput<…>`, its mapped types) can be one; other types
    // never pay for the lookup.
    const spelled = type.aliasSymbol?.declarations?.[0] ?? type.getSymbol()?.declarations?.[0];
    if (!spelled || !this.family(spelled)) return undefined;
    const target = this.inferred().get(type);
    if (!target) return undefined;
    const { named, schema } = target;
    return this.builder.namedRef(named, () => (named.declaration === schema ? this.contractShape(schema) : this.aliasShape(schema)));
  }

  /**
   * Registers every `type X = z.infer<typeof S>` (and valibot's `InferOutput`) of the project's files, so a plain
   * type that uses X (a field, an RPC result) refers to the schema under that name instead of spelling out its
   * inferred structure. The checker hands out one type object per instantiation, which is what is looked up.
   */
  nameInferredTypes(files: readonly ts.SourceFile[]): void {
    this.inferredAliases = files.flatMap((file) => file.statements.filter(isInferredAlias));
    this.inferredTypes = undefined;
  }

  /** The registered aliases by their types, worked out the first time a type asks: each costs a full inference. */
  private inferred(): Map<ts.Type, { named: NamedTarget; schema: ts.VariableDeclaration }> {
    if (this.inferredTypes) return this.inferredTypes;
    const types = new Map<ts.Type, { named: NamedTarget; schema: ts.VariableDeclaration }>();
    for (const statement of this.inferredAliases) {
      const schema = this.inferredFrom(statement);
      const symbol = schema && this.checker.getSymbolAtLocation(statement.name);
      if (!schema || !symbol) continue;
      // Beside a const of its own name the alias is that const's symbol, and the schema's entry is the const's.
      const declaration = symbol.valueDeclaration === schema ? schema : statement;
      const type = this.checker.getDeclaredTypeOfSymbol(symbol);
      if (!types.has(type)) types.set(type, { named: { name: qualifiedName(statement, statement.name.text), declaration }, schema });
    }
    this.inferredTypes = types;
    return types;
  }

  /** The schema const behind `type Order = z.infer<typeof OrderSchema>` (or valibot's `v.InferOutput<…>`). */
  inferredFrom(alias: ts.TypeAliasDeclaration): (ts.VariableDeclaration & { name: ts.Identifier }) | undefined {
    const written = alias.type;
    if (!ts.isTypeReferenceNode(written) || written.typeArguments?.length !== 1) return undefined;
    const [argument] = written.typeArguments;
    if (!argument || !ts.isTypeQueryNode(argument)) return undefined;
    let helper = this.checker.getSymbolAtLocation(ts.isIdentifier(written.typeName) ? written.typeName : written.typeName.right);
    if (helper && helper.flags & ts.SymbolFlags.Alias) helper = this.checker.getAliasedSymbol(helper);
    const helperDeclaration = helper?.declarations?.[0];
    if (!helper || !helperDeclaration || !INFERRED.has(helper.name) || !this.family(helperDeclaration)) return undefined;
    const name = argument.exprName;
    let target = this.checker.getSymbolAtLocation(ts.isIdentifier(name) ? name : name.right);
    if (target && target.flags & ts.SymbolFlags.Alias) target = this.checker.getAliasedSymbol(target);
    const value = target?.valueDeclaration;
    if (!value || !ts.isVariableDeclaration(value) || !ts.isIdentifier(value.name) || !this.libraryOf(value)) return undefined;
    return value as ts.VariableDeclaration & { name: ts.Identifier };
  }

  isLibraryAlias(declaration: ts.Node): boolean {
    return this.family(declaration) !== undefined;
  }

  private family(node: ts.Node): SchemaFamily | undefined {
    return familyOf(node, this.packageNameOf, this.families);
  }

  private libraryOfExpression(node: ts.Expression, seen: Set<ts.Node>): SchemaLibrary | undefined {
    const expr = skipOuter(node);
    const target = ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) ? this.schemaConst(expr) : undefined;
    if (target) {
      if (seen.has(target.declaration)) return undefined;
      seen.add(target.declaration);
      return this.libraryOfExpression(target.declaration.initializer, seen);
    }
    if (!ts.isCallExpression(expr)) return undefined;
    const call = this.libraryCall(expr);
    if (!call) return undefined;
    if (call.family !== 'zod-core') return call.family;
    return call.receiver ? this.libraryOfExpression(call.receiver, seen) : 'zod4';
  }

  private isSchemaConst(declaration: ts.VariableDeclaration): boolean {
    let known = this.schemaConsts.get(declaration);
    if (known === undefined) {
      known = false;
      this.schemaConsts.set(declaration, false);
      const initializer = declaration.initializer;
      if (initializer && ts.isIdentifier(declaration.name) && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
        known = this.isSchemaExpression(initializer);
      }
      this.schemaConsts.set(declaration, known);
    }
    return known;
  }

  /**
   * A library call whose value is a schema, or a schema const. Whether a library function makes a schema (has
   * the Standard Schema `~standard` property) is read from its declared return type once per declaration:
   * asking the type of each call would make the checker infer every schema's full type, the bulk of the cost.
   */
  private isSchemaExpression(node: ts.Expression): boolean {
    const expr = skipOuter(node);
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) return this.schemaConst(expr) !== undefined;
    const call = ts.isCallExpression(expr) ? this.libraryCall(expr) : undefined;
    if (!call) return false;
    const makes = this.returns(call.declaration);
    if (makes === 'this') return call.receiver !== undefined && this.isSchemaExpression(call.receiver);
    return makes === 'schema';
  }

  /** What a library function or method returns: a schema, its receiver (`this`), or something else. */
  private returns(declaration: ts.Declaration): 'schema' | 'this' | 'other' {
    let known = this.returnKinds.get(declaration);
    if (!known && this.library && declaration.getSourceFile().isDeclarationFile) {
      known = this.library.recall(declaration, 'returns a schema', () => this.returnKind(declaration));
      this.returnKinds.set(declaration, known);
    }
    return known ?? this.returnKind(declaration);
  }

  /** What `returns` answers, asked of this checker. */
  private returnKind(declaration: ts.Declaration): 'schema' | 'this' | 'other' {
    let known = this.returnKinds.get(declaration);
    if (!known) {
      known = 'other';
      const signature = ts.isFunctionLike(declaration)
        ? this.checker.getSignatureFromDeclaration(declaration)
        : this.checker.getTypeAtLocation(declaration).getCallSignatures()[0];
      const returned = signature && this.checker.getReturnTypeOfSignature(signature);
      // `check(...): this` (zod's checks and metadata): a schema exactly when its receiver is one.
      if (returned && returned.flags & ts.TypeFlags.TypeParameter && (returned as { isThisType?: boolean }).isThisType) known = 'this';
      else if (returned && this.checker.getApparentType(returned).getProperty('~standard')) known = 'schema';
      this.returnKinds.set(declaration, known);
    }
    return known;
  }

  private schemaConst(expr: ts.Identifier | ts.PropertyAccessExpression): SchemaConst | undefined {
    const nameNode = ts.isIdentifier(expr) ? expr : expr.name;
    let symbol =
      ts.isIdentifier(expr) && ts.isShorthandPropertyAssignment(expr.parent) && expr.parent.name === expr
        ? this.checker.getShorthandAssignmentValueSymbol(expr.parent)
        : this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !declaration.initializer) return undefined;
    if (declaration.getSourceFile().isDeclarationFile || !this.isSchemaConst(declaration)) return undefined;
    return { name: qualifiedName(declaration, declaration.name.text), declaration: declaration as SchemaConst['declaration'] };
  }

  private libraryCall(call: ts.CallExpression): LibraryCall | undefined {
    let found = this.calls.get(call);
    if (found === undefined) {
      found = this.findLibraryCall(call) ?? null;
      this.calls.set(call, found);
    }
    return found ?? undefined;
  }

  private findLibraryCall(call: ts.CallExpression): LibraryCall | undefined {
    const callee = skipOuter(call.expression);
    const nameNode = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
    if (!nameNode) return undefined;
    let symbol = (ts.isPropertyAccessExpression(callee) ? this.members.memberOf(callee) : undefined) ?? this.checker.getSymbolAtLocation(nameNode);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.declarations?.[0];
    if (!symbol || !declaration) return undefined;
    const family = this.family(declaration);
    if (!family) return undefined;
    let name = symbol.name.replace(/^_+|_+$/g, '');
    if (family === 'zod3') name = name.replace(/Type$/, '');
    const found: LibraryCall = { call, name, written: nameNode.text, nameNode, symbol, family, declaration };
    const parent = declaration.parent;
    if (ts.isPropertyAccessExpression(callee) && (ts.isInterfaceDeclaration(parent) || ts.isClassLike(parent) || ts.isTypeLiteralNode(parent))) {
      found.receiver = callee.expression;
    }
    // `z.coerce.number()` accepts what converts to a number: only its types say what that is.
    if (/\/coerce\.d\.[cm]?ts$/.test(declaration.getSourceFile().fileName)) found.name = `coerce.${found.name}`;
    return found;
  }

  /** One schema node. */
  read(node: ts.Expression): Read {
    const expr = skipOuter(node);
    if (ts.isCallExpression(expr)) {
      const call = this.libraryCall(expr);
      if (call?.receiver && POLICY_CALLS.has(call.name)) this.policyCalledOn.add(skipOuter(call.receiver));
      if (call) return call.receiver ? this.method(call, this.read(call.receiver)) : this.construct(call);
    } else if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
      const target = this.schemaConst(expr);
      if (target) return this.refTo(target);
    } else if (ts.isArrowFunction(expr) && !ts.isBlock(expr.body)) {
      return this.read(expr.body);
    }
    return this.byTypes(expr);
  }

  /** Another schema const: a named type, so a shared schema is one type; its key's optionality comes along. */
  private refTo(target: SchemaConst): Read {
    const declaration = target.declaration;
    const read: Read = { shape: this.builder.namedRef({ name: target.name, declaration }, () => this.contractShape(declaration)) };
    const outer = this.outerFlags(declaration.initializer, new Set([declaration]));
    if (outer.optional) read.optional = true;
    if (outer.defaulted) read.defaulted = true;
    return read;
  }

  /** `optional` and `defaulted` of a schema without reading it all: its outermost call says. */
  private outerFlags(node: ts.Expression, seen: Set<ts.Node>): Omit<Read, 'shape'> {
    const expr = skipOuter(node);
    if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
      const target = this.schemaConst(expr);
      if (!target || seen.has(target.declaration)) return {};
      seen.add(target.declaration);
      return this.outerFlags(target.declaration.initializer, seen);
    }
    if (!ts.isCallExpression(expr)) return {};
    const call = this.libraryCall(expr);
    if (!call) return {};
    const inner = call.receiver ?? expr.arguments[0];
    const flags = () => (inner ? this.outerFlags(inner, seen) : {});
    switch (call.name) {
      case 'optional':
      case 'nullish':
      case 'exactOptional':
      case 'undefinedable':
        return call.family === 'valibot' && expr.arguments.length > 1 ? { defaulted: true } : { optional: true };
      case 'default':
      case 'prefault':
      case 'catch':
      case 'fallback':
        return { defaulted: true };
      case 'nonoptional':
      case 'required':
        return {};
      case 'nullable':
      case 'describe':
      case 'meta':
      case 'brand':
      case 'readonly':
      case 'refine':
      case 'superRefine':
      case 'check':
      case 'pipe':
        return flags();
      default:
        return {};
    }
  }

  /** A function of the library: `z.object({...})`, `v.pipe(v.string(), v.email())`, `z.email()`. */
  private construct(call: LibraryCall): Read {
    const args = call.call.arguments;
    const arg = (i: number) => args[i];
    const valibot = call.family === 'valibot';
    switch (call.name) {
      case 'object':
        return this.object(call, arg(0), 'strip');
      case 'strictObject':
        return this.object(call, arg(0), 'strict');
      case 'looseObject':
        return this.object(call, arg(0), 'lenient');
      case 'objectWithRest':
        return this.withIndex(this.object(call, arg(0), 'lenient'), arg(1));
      case 'catchall':
        return arg(0) ? this.withIndex(this.inlineObject(arg(0)!, call), arg(1), call.nameNode) : this.byTypes(call.call);
      case 'extend':
      case 'safeExtend':
        return arg(0) ? this.extend(this.inlineObject(arg(0)!, call), arg(1), call) : this.byTypes(call.call);
      case 'merge':
        return arg(0) && arg(1) ? this.merge(this.inlineObject(arg(0)!, call), this.inlineObject(arg(1)!, call), call) : this.byTypes(call.call);
      case 'pick':
      case 'omit':
      case 'partial':
      case 'required':
        return arg(0) ? this.reshape(call, this.inlineObject(arg(0)!, call), arg(1)) : this.byTypes(call.call);
      case 'optional':
      case 'exactOptional':
      case 'undefinedable':
      case 'nullish':
      case 'nullable': {
        if (!arg(0)) return this.byTypes(call.call);
        return this.wrap(call.name, this.read(arg(0)!), valibot && args.length > 1);
      }
      case 'default':
      case 'prefault':
        return arg(0) ? { ...this.read(arg(0)!), optional: false, defaulted: true } : this.byTypes(call.call);
      case 'catch':
      case 'fallback':
        return arg(0) ? caught(this.read(arg(0)!)) : this.byTypes(call.call);
      case 'nonoptional':
        return arg(0) ? { ...this.read(arg(0)!), optional: false } : this.byTypes(call.call);
      case 'array':
        return arg(0) ? { shape: { kind: 'array', element: this.read(arg(0)!).shape } } : this.byTypes(call.call);
      case 'tuple':
      case 'strictTuple':
      case 'looseTuple':
        return this.tuple(call, arg(0), valibot ? undefined : arg(1));
      case 'tupleWithRest':
        return this.tuple(call, arg(0), arg(1));
      case 'union':
      case 'xor':
        return this.union(call, arg(0));
      case 'discriminatedUnion':
      case 'variant':
        return this.union(call, args.find((a) => ts.isArrayLiteralExpression(skipOuter(a))));
      case 'intersection':
        return arg(0) && arg(1) ? this.merge(this.inlineObject(arg(0)!, call), this.inlineObject(arg(1)!, call), call) : this.byTypes(call.call);
      case 'intersect': {
        const list = arg(0) && skipOuter(arg(0)!);
        if (!list || !ts.isArrayLiteralExpression(list)) return this.byTypes(call.call);
        return list.elements.reduce<Read | undefined>((acc, e) => (acc ? this.merge(acc, this.inlineObject(e, call), call) : this.inlineObject(e, call)), undefined) ?? this.byTypes(call.call);
      }
      case 'record':
        return this.record(call, args.length === 1 ? undefined : arg(0), args.length === 1 ? arg(0) : arg(1));
      case 'lazy':
        return arg(0) ? this.read(arg(0)!) : this.byTypes(call.call);
      case 'pipe':
        return valibot ? this.valibotPipe(call) : arg(0) && arg(1) ? decoded(this.read(arg(0)!), writerSide(this.read(arg(1)!).shape)) : this.byTypes(call.call);
      case 'codec':
        // A codec's writer encodes before sending (`Schema.encode(value)`): both sides meet on its wire schema.
        return arg(0) ? this.read(arg(0)!) : this.byTypes(call.call);
      case 'brand':
      case 'readonly':
        return arg(0) ? this.read(arg(0)!) : this.byTypes(call.call);
      case 'string':
        return { shape: { kind: 'string' } };
      case 'number':
        return { shape: { kind: 'number' } };
      case 'boolean':
        return { shape: { kind: 'boolean' } };
      case 'null':
        return { shape: { kind: 'null' } };
      case 'any':
      case 'unknown':
        return { shape: { kind: 'any' } };
      default:
        return this.leaf(call);
    }
  }

  /** A method on a schema: `.optional()`, `.strict()`, `.min(3)`, `.transform(f)`. */
  private method(call: LibraryCall, base: Read): Read {
    const args = call.call.arguments;
    const arg = (i: number) => args[i];
    switch (call.name) {
      case 'optional':
      case 'exactOptional':
      case 'nullable':
      case 'nullish':
        return this.wrap(call.name, base, false);
      case 'default':
      case 'prefault':
        return { ...base, optional: false, defaulted: true };
      case 'catch':
        return caught(base);
      case 'nonoptional':
        return { ...base, optional: false };
      case 'array':
        return { shape: { kind: 'array', element: base.shape } };
      case 'or':
        return arg(0) ? unionRead([base, this.read(arg(0)!)]) : base;
      case 'and':
        return arg(0) ? this.merge(this.inlineObject(call.receiver!, call), this.inlineObject(arg(0)!, call), call) : base;
      case 'transform':
        return decoded(base, this.written(call.call));
      case 'pipe':
        return arg(0) ? decoded(base, writerSide(this.read(arg(0)!).shape)) : base;
      case 'strict':
        return this.withPolicy(this.policyReceiver(call), 'strict', call);
      case 'strip':
        return this.withPolicy(this.policyReceiver(call), 'strip', call);
      case 'passthrough':
      case 'loose':
      case 'nonstrict':
        return this.withPolicy(this.policyReceiver(call), 'lenient', call);
      case 'catchall':
        return this.withIndex(this.policyReceiver(call), arg(0), call.nameNode);
      case 'extend':
      case 'safeExtend':
        return this.extend(this.inlineObject(call.receiver!, call), arg(0), call);
      case 'merge':
        return arg(0) ? this.merge(this.inlineObject(call.receiver!, call), this.inlineObject(arg(0)!, call), call) : base;
      case 'pick':
      case 'omit':
      case 'partial':
      case 'required':
        return this.reshape(call, this.inlineObject(call.receiver!, call), arg(0));
      case 'rest': {
        const tuple = base.shape;
        if (tuple.kind !== 'tuple' || !arg(0)) return this.byTypes(call.call);
        return { ...base, shape: { kind: 'tuple', elements: [...tuple.elements, { shape: this.read(arg(0)!).shape, optional: true, rest: true }] } };
      }
      case 'refine':
      case 'superRefine':
        return withCheck(this.checkable(call.receiver!, base), this.refinement(call));
      case 'check':
      case 'with':
        return args.reduce((read, a) => this.addCheck(read, a), this.checkable(call.receiver!, base));
      default:
        if (NEUTRAL.has(call.name)) return base;
        if (BY_TYPES.has(call.name)) return this.byTypes(call.call);
        // Every other method a schema library puts on a schema is a check: `.min(3)`, `.email()`, `.int()`.
        return withCheck(this.checkable(call.receiver!, base), this.refinement(call));
    }
  }

  private wrap(name: string, inner: Read, withDefault: boolean): Read {
    const nullable = name === 'nullable' || name === 'nullish';
    const read: Read = nullable ? { ...inner, shape: unionOf([inner.shape, { kind: 'null' }]) } : { ...inner };
    if (withDefault) return { ...read, optional: false, defaulted: true };
    if (name !== 'nullable') read.optional = true;
    return read;
  }

  /** A constructor the tables above do not name: its types; a format (`z.email()`, `z.int()`) is a check too. */
  private leaf(call: LibraryCall): Read {
    const read = this.literals(call) ?? this.declaredTypes(call.declaration) ?? this.byTypes(call.call);
    if (PLAIN.has(call.name) || call.name.startsWith('coerce.')) return read;
    return withCheck(read, this.refinement(call));
  }

  /**
   * `z.enum(['a', 'b'])`, `v.picklist([...])`, `z.literal('a')` written with literals: the values themselves.
   * Asking the checker instead would make it infer the whole enclosing schema for the call's context.
   */
  private literals(call: LibraryCall): Read | undefined {
    const [first] = call.call.arguments;
    if (!first) return undefined;
    const expr = skipOuter(first);
    const values = call.name === 'literal' ? [expr] : (call.name === 'enum' || call.name === 'picklist') && ts.isArrayLiteralExpression(expr) ? [...expr.elements] : undefined;
    if (!values || values.length === 0) return undefined;
    const shapes: Shape[] = [];
    for (const value of values) {
      const literal = skipOuter(value);
      if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) shapes.push({ kind: 'literal', value: literal.text });
      else if (ts.isNumericLiteral(literal)) shapes.push({ kind: 'literal', value: Number(literal.text) });
      else if (literal.kind === ts.SyntaxKind.TrueKeyword || literal.kind === ts.SyntaxKind.FalseKeyword) shapes.push({ kind: 'literal', value: literal.kind === ts.SyntaxKind.TrueKeyword });
      else return undefined;
    }
    return { shape: unionOf(shapes) };
  }

  /** A function that is not generic makes the same schema whatever it is given: its declared types, read once. */
  private declaredTypes(declaration: ts.Declaration): Read | undefined {
    if (!ts.isFunctionLike(declaration) || declaration.typeParameters?.length) return undefined;
    if (this.declaredReads.has(declaration)) return this.declaredReads.get(declaration);
    const signature = this.checker.getSignatureFromDeclaration(declaration);
    const types = signature && this.standardTypes(this.checker.getReturnTypeOfSignature(signature));
    const read = types && this.readTypes(types);
    this.declaredReads.set(declaration, read);
    return read;
  }

  private refinement(call: LibraryCall): Refinement {
    const refinement: Refinement = { name: call.written };
    const arg = literalArgument(call.call.arguments[0]);
    if (arg !== undefined) refinement.arg = arg;
    const loc = locOf(call.nameNode, this.relative);
    if (loc) refinement.loc = loc;
    return refinement;
  }

  /** One argument of `.check(...)`: a library check (`z.minLength(3)`) by its name, a function as `check`. */
  private addCheck(read: Read, node: ts.Expression): Read {
    const expr = skipOuter(node);
    const call = ts.isCallExpression(expr) ? this.libraryCall(expr) : undefined;
    if (call && NEUTRAL.has(call.name)) return read;
    if (call) return withCheck(read, this.refinement(call));
    const check: Refinement = { name: 'check' };
    const loc = locOf(node, this.relative);
    if (loc) check.loc = loc;
    return withCheck(read, check);
  }

  /** `v.pipe(schema, ...items)`: validations are checks, metadata nothing; a transformation makes a decoded node. */
  private valibotPipe(call: LibraryCall): Read {
    const [first, ...items] = call.call.arguments;
    if (!first) return this.byTypes(call.call);
    let read = this.read(first);
    if (/^(ref|union)$/.test(read.shape.kind) && items.some((item) => this.actionKind(item) === 'validation')) read = this.checkable(first, read);
    let transforms = false;
    for (const item of items) {
      const expr = skipOuter(item);
      const action = ts.isCallExpression(expr) ? this.libraryCall(expr) : undefined;
      const kind = this.actionKind(item);
      if (kind === 'metadata' || (action && NEUTRAL.has(action.name))) continue;
      if (kind === 'validation') read = action ? withCheck(read, this.refinement(action)) : this.addCheck(read, item);
      else transforms = true;
    }
    return transforms ? decoded(read, this.written(call.call)) : read;
  }

  /** A valibot pipe item's `kind`: 'schema', 'validation', 'transformation' or 'metadata'. */
  private actionKind(item: ts.Expression): string | undefined {
    const type = this.checker.getTypeAtLocation(item);
    const kind = type.getProperty('kind');
    const kindType = kind && this.checker.getTypeOfSymbolAtLocation(kind, item);
    return kindType?.isStringLiteral() ? kindType.value : undefined;
  }

  private object(call: LibraryCall, entries: ts.Expression | undefined, policy: ReaderPolicy): Read {
    const literal = entries && this.objectLiteral(entries);
    if (!literal) return this.byTypes(call.call);
    const fields: Field[] = [];
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        // `{ ...Base.shape, extra }` (zod) and `{ ...Base.entries, extra }` (valibot) take Base's fields.
        const spread = skipOuter(property.expression);
        const base = ts.isPropertyAccessExpression(spread) && /^(shape|entries)$/.test(spread.name.text) ? this.inlineObject(spread.expression, call) : undefined;
        if (base?.shape.kind !== 'object') return this.byTypes(call.call);
        for (const field of base.shape.fields) upsert(fields, field);
        continue;
      }
      if (!(ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property))) return this.byTypes(call.call);
      const key = propertyKey(property.name);
      if (key === undefined) return this.byTypes(call.call);
      const value = ts.isPropertyAssignment(property) ? property.initializer : property.name;
      const field = fieldOf(key, this.read(value));
      const loc = locOf(property.name, this.relative);
      if (loc) field.loc = loc;
      if (isDeprecated(property)) field.deprecated = true;
      const suppressions = suppressionsOf(property, this.relative);
      if (suppressions) field.suppressions = suppressions;
      upsert(fields, field);
    }
    const shape: ObjectShape = { kind: 'object', fields, policy };
    const policyLoc = locOf(call.nameNode, this.relative);
    if (policyLoc) shape.policyLoc = policyLoc;
    return { shape };
  }

  /** An object literal, written in place or held by a local const (`const shape = {...}; z.object(shape)`). */
  private objectLiteral(node: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const expr = skipOuter(node);
    if (ts.isObjectLiteralExpression(expr)) return expr;
    if (!ts.isIdentifier(expr)) return undefined;
    const declaration = this.checker.getSymbolAtLocation(expr)?.valueDeclaration;
    if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    this.builder.dependOn([declaration]);
    const initializer = skipOuter(declaration.initializer);
    return ts.isObjectLiteralExpression(initializer) ? initializer : undefined;
  }

  /**
   * The object a schema expression builds, with another schema const read in place rather than as a ref:
   * `.extend()`, `.strict()` and friends make a new object from it. Not an object: read from the types.
   */
  private inlineObject(node: ts.Expression, at: LibraryCall): Read {
    const expr = skipOuter(node);
    const target = ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr) ? this.schemaConst(expr) : undefined;
    let read: Read;
    if (target) {
      if (this.inlining.has(target.declaration)) return this.byTypes(at.call);
      this.inlining.add(target.declaration);
      this.builder.dependOn([target.declaration]);
      try {
        read = this.read(target.declaration.initializer);
      } finally {
        this.inlining.delete(target.declaration);
      }
    } else read = this.read(expr);
    return read.shape.kind === 'object' ? read : this.byTypes(at.call);
  }

  /**
   * A node that is about to get a check, in a form that can hold it. A ref is the named schema read in place: the
   * check belongs to this use, not to the schema, which other uses read without it. A union (of refs too) is read
   * with its variants in place, each then carrying the check.
   */
  private checkable(node: ts.Expression, read: Read): Read {
    if (read.shape.kind !== 'ref' && read.shape.kind !== 'union') return read;
    return inPlace(node, {
      schemaConst: (expr) => this.schemaConst(expr),
      unionOptions: (expr) => {
        const call = this.libraryCall(expr);
        if (!call || !UNIONS.has(call.name)) return undefined;
        if (call.name === 'or' && call.receiver && call.call.arguments[0]) return [call.receiver, call.call.arguments[0]];
        const list = call.call.arguments.map(skipOuter).find(ts.isArrayLiteralExpression);
        return list && [...list.elements];
      },
      read: (expr) => this.read(expr),
      inlining: this.inlining,
      dependOn: (declaration) => this.builder.dependOn([declaration]),
    }) ?? read;
  }

  private policyReceiver(call: LibraryCall): Read {
    return this.inlineObject(call.receiver!, call);
  }

  private withPolicy(read: Read, policy: ReaderPolicy, call: LibraryCall): Read {
    if (read.shape.kind !== 'object') return read;
    const shape: ObjectShape = { ...read.shape, policy };
    const loc = locOf(call.nameNode, this.relative);
    if (loc) shape.policyLoc = loc;
    else delete shape.policyLoc;
    return { ...read, shape };
  }

  /** `.catchall(s)` / `objectWithRest(entries, s)`: unknown keys are read by `s`. */
  private withIndex(read: Read, rest: ts.Expression | undefined, at?: ts.Node): Read {
    if (read.shape.kind !== 'object' || !rest) return read;
    const shape: ObjectShape = { ...read.shape, index: this.read(rest).shape, policy: 'lenient' };
    const loc = at && locOf(at, this.relative);
    if (loc) shape.policyLoc = loc;
    return { ...read, shape };
  }

  private extend(base: Read, entries: ts.Expression | undefined, call: LibraryCall): Read {
    if (base.shape.kind !== 'object') return base;
    const added = this.object(call, entries, base.shape.policy ?? 'strip');
    if (added.shape.kind !== 'object') return this.byTypes(call.call);
    const fields = [...base.shape.fields];
    for (const field of added.shape.fields) upsert(fields, field);
    return { ...base, shape: { ...base.shape, fields } };
  }

  /** zod's `.merge()` and intersections of objects: the second's fields win, and its policy (zod's rule). */
  private merge(first: Read, second: Read, call: LibraryCall): Read {
    if (first.shape.kind !== 'object' || second.shape.kind !== 'object') return this.byTypes(call.call);
    const fields = [...first.shape.fields];
    for (const field of second.shape.fields) upsert(fields, field);
    const shape: ObjectShape = { ...first.shape, ...second.shape, fields };
    return { shape };
  }

  /** pick / omit / partial / required with a mask: zod's `{ a: true }`, valibot's `['a']`. */
  private reshape(call: LibraryCall, base: Read, mask: ts.Expression | undefined): Read {
    if (base.shape.kind !== 'object') return this.byTypes(call.call);
    const keys = mask && this.maskKeys(mask);
    if (mask && !keys) return this.byTypes(call.call);
    const inMask = (name: string) => !keys || keys.has(name);
    let fields = base.shape.fields;
    if (call.name === 'pick') fields = fields.filter((f) => inMask(f.name));
    else if (call.name === 'omit') fields = fields.filter((f) => !inMask(f.name));
    else if (call.name === 'partial') fields = fields.map((f) => (inMask(f.name) ? { ...f, optional: true } : f));
    else fields = fields.map((f) => (inMask(f.name) ? withoutDefault({ ...f, optional: false }) : f));
    return { ...base, shape: { ...base.shape, fields } };
  }

  private maskKeys(mask: ts.Expression): Set<string> | undefined {
    const expr = skipOuter(mask);
    if (ts.isObjectLiteralExpression(expr)) {
      const keys = expr.properties.map((p) => (p.name ? propertyKey(p.name) : undefined));
      return keys.every((k) => k !== undefined) ? new Set(keys) : undefined;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      const keys = expr.elements.map((e) => literalArgument(e));
      return keys.every((k) => typeof k === 'string') ? new Set(keys) : undefined;
    }
    return undefined;
  }

  private tuple(call: LibraryCall, items: ts.Expression | undefined, rest: ts.Expression | undefined): Read {
    const list = items && skipOuter(items);
    if (!list || !ts.isArrayLiteralExpression(list)) return this.byTypes(call.call);
    const elements = list.elements.map((e): TupleElement => {
      const read = this.read(e);
      return { shape: read.shape, optional: !!read.optional };
    });
    if (rest) elements.push({ shape: this.read(rest).shape, optional: true, rest: true });
    return { shape: { kind: 'tuple', elements } };
  }

  private union(call: LibraryCall, options: ts.Expression | undefined): Read {
    const list = options && skipOuter(options);
    if (!list || !ts.isArrayLiteralExpression(list)) return this.byTypes(call.call);
    return unionRead(list.elements.map((e) => this.read(e)));
  }

  /** A record keyed by any string is an object of unknown keys; other keys (an enum) only the types can spell out. */
  private record(call: LibraryCall, key: ts.Expression | undefined, value: ts.Expression | undefined): Read {
    if (!value) return this.byTypes(call.call);
    if (key) {
      const keyShape = this.read(key).shape;
      if (keyShape.kind !== 'string' || keyShape.checks || keyShape.template) return this.byTypes(call.call);
    }
    return { shape: { kind: 'object', fields: [], index: this.read(value).shape } };
  }

  /**
   * What the checker says the schema reads and writes: its Standard Schema types (`~standard.types`, which zod
   * 3.24+, zod 4 and valibot 1 all declare). Used for what the construction does not show.
   */
  private byTypes(expr: ts.Expression, read = true): Read {
    const types = this.standardTypes(this.checker.getTypeAtLocation(expr));
    if (!types) {
      this.builder.note(expr, 'Skew cannot read this schema: neither its construction nor its type says what it accepts; it is read as any.');
      return { shape: { kind: 'any' } };
    }
    const found = this.readTypes(types);
    // Its types do not say how its objects treat keys they do not declare (zod 4 types a strict and a strip object
    // alike): a reader that is in fact strict would refuse what Skew lets through, so the spot is named. Once.
    // Where a policy call is made on it (`make().strict()`) only the objects below the top are unknown.
    const shape = readerSide(found.shape);
    const unknown = this.policyCalledOn.has(expr) && shape.kind === 'object' ? objectWithoutPolicy({ ...shape, policy: 'strict' }) : objectWithoutPolicy(shape);
    if (read && unknown && !this.notedPolicy.has(expr)) {
      this.notedPolicy.add(expr);
      this.builder.note(expr, UNKNOWN_POLICY);
    }
    return found;
  }

  private readTypes(types: { input: ts.Type; output: ts.Type }): Read {
    const output = this.builder.memberShape(types.output, false);
    const input = this.builder.memberShape(types.input, false);
    const read = decoded({ shape: input.shape }, output.shape);
    if (output.optional) read.optional = true;
    else if (input.optional) read.defaulted = true;
    return read;
  }

  /** What a schema produces, by its output type. */
  private written(expr: ts.Expression): Shape {
    return writerSide(this.byTypes(expr, false).shape);
  }

  private standardTypes(schema: ts.Type): { input: ts.Type; output: ts.Type } | undefined {
    const property = (type: ts.Type, name: string) => {
      const symbol = this.checker.getApparentType(type).getProperty(name);
      return symbol && this.checker.getTypeOfSymbol(symbol);
    };
    const standard = property(schema, '~standard');
    const types = standard && property(this.checker.getNonNullableType(standard), 'types');
    const nonNull = types && this.checker.getNonNullableType(types);
    const input = nonNull && property(nonNull, 'input');
    const output = nonNull && property(nonNull, 'output');
    return input && output ? { input, output } : undefined;
  }
}

/** What a writer sends where a schema node decodes one shape into another. */
function writerSide(shape: Shape): Shape {
  return shape.kind === 'decoded' ? shape.output : shape;
}

/** `type X = helper<typeof Y>`, by its syntax alone: whether it is a schema's inferred type is asked later. */
function isInferredAlias(statement: ts.Statement): statement is ts.TypeAliasDeclaration {
  if (!ts.isTypeAliasDeclaration(statement) || statement.typeParameters) return false;
  const written = statement.type;
  return ts.isTypeReferenceNode(written) && written.typeArguments?.length === 1 && ts.isTypeQueryNode(written.typeArguments[0]!);
}

/** A key written twice (or spread, then written) is the last one. */
function upsert(fields: Field[], field: Field): void {
  const at = fields.findIndex((f) => f.name === field.name);
  if (at >= 0) fields[at] = field;
  else fields.push(field);
}

function withoutDefault(field: Field): Field {
  const { defaulted: _, ...rest } = field;
  return rest;
}
