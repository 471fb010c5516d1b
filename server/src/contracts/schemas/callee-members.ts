import { ts } from '@ts-morph/common';

/** What the lookup needs of a receiver that is itself a call of the library. */
export interface ReceiverCall {
  /** The callee's symbol, aliases resolved. */
  symbol: ts.Symbol;
  /** Set when the callee is a method of a schema. */
  receiver?: ts.Expression;
}

/** Where a member of a callee `a.b` is looked up: a namespace's exports, or the members of a declared type. */
type Owner = { module: ts.Symbol } | { type: ts.Type };

/**
 * The symbol of `b` in a callee `a.b`, found where the checker finds it but without checking `a`: in the
 * exports of a namespace (`z.object`), or in the declared return type of the library function that made `a`
 * (`.optional` in `z.string().optional()`). Asking the checker at each callee makes it check the receiver
 * expression, which for a schema means inferring its whole type, call by call; here each (owner, name) is
 * looked up once. Undefined when the receiver is anything else (a schema const, a cast, a call whose overload
 * depends on its arguments), which the caller then asks the checker about.
 */
export class CalleeMembers {
  private readonly inModules = new Map<ts.Symbol, Map<string, ts.Symbol | undefined>>();
  private readonly inTypes = new Map<ts.Type, Map<string, ts.Symbol | undefined>>();
  private readonly returned = new Map<ts.Declaration, ts.Type | 'this' | null>();
  /** The overload a call without arguments resolves to, per callee (see zeroArgumentOverload). */
  private readonly withoutArguments = new Map<ts.Symbol, ts.SignatureDeclaration | null>();
  private readonly fileNamespaces = new WeakMap<ts.SourceFile, Map<string, ts.Symbol | null>>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly libraryCall: (call: ts.CallExpression) => ReceiverCall | undefined,
  ) {}

  memberOf(callee: ts.PropertyAccessExpression): ts.Symbol | undefined {
    if (!ts.isIdentifier(callee.name)) return undefined;
    const name = callee.name.text;
    const owner = this.ownerOf(callee.expression);
    if (!owner) return undefined;
    if ('module' in owner) return cached(this.inModules, owner.module, name, () => this.checker.tryGetMemberInModuleExports(name, owner.module));
    return cached(this.inTypes, owner.type, name, () => this.checker.getPropertyOfType(owner.type, name));
  }

  private ownerOf(node: ts.Expression): Owner | undefined {
    // Only parentheses: a cast or `!` changes the type the checker would look the member up in.
    let expr = node;
    while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
    if (ts.isIdentifier(expr)) {
      const module = this.namespaceAt(expr);
      return module && { module };
    }
    if (!ts.isCallExpression(expr) || expr.typeArguments) return undefined;
    const call = this.libraryCall(expr);
    const declaration = call && this.overloadOf(call.symbol, expr);
    const returned = declaration && this.declaredReturn(declaration);
    if (!returned) return undefined;
    if (returned !== 'this') return { type: returned };
    // `min(…): this` returns its receiver, whose owner is a type (a namespace is no schema).
    const receiver = call.receiver && this.ownerOf(call.receiver);
    return receiver && 'type' in receiver ? receiver : undefined;
  }

  /**
   * The namespace an identifier names. Outside any function, block, class or namespace every expression of a
   * file sees the same names, so there the answer is kept per file and name: a schema file names `z` once per
   * field.
   */
  private namespaceAt(identifier: ts.Identifier): ts.Symbol | undefined {
    const file = fileScopeOf(identifier);
    if (!file) return this.namespaceNamed(identifier);
    let names = this.fileNamespaces.get(file);
    if (!names) {
      names = new Map<string, ts.Symbol | null>();
      this.fileNamespaces.set(file, names);
    }
    let found = names.get(identifier.text);
    if (found === undefined) {
      found = this.namespaceNamed(identifier) ?? null;
      names.set(identifier.text, found);
    }
    return found ?? undefined;
  }

  private namespaceNamed(identifier: ts.Identifier): ts.Symbol | undefined {
    let symbol = this.checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    // A namespace and nothing else (a function or class merged with it has members of its own), whose value
    // is its exports (not an `export =` module's single value).
    if (!symbol || !isOnlyNamespace(symbol) || symbol.exports?.has(ts.InternalSymbolName.ExportEquals)) return undefined;
    return symbol;
  }

  /** The declaration a call resolves to, when that does not depend on its arguments. */
  private overloadOf(symbol: ts.Symbol, call: ts.CallExpression): ts.SignatureDeclaration | undefined {
    const declarations = symbol.declarations ?? [];
    if (declarations.length === 0 || !declarations.every(isFunctionDeclarationLike)) return undefined;
    if (declarations.length === 1) return declarations[0];
    if (call.arguments.length > 0) return undefined;
    // Without arguments, the first overload that takes none wins whatever the call, unless an overload declares
    // `this` (then the receiver decides): asked of the checker once per callee.
    if (declarations.some((d) => d.parameters.some(isThisParameter))) return undefined;
    let chosen = this.withoutArguments.get(symbol);
    if (chosen === undefined) {
      const declaration = this.checker.getResolvedSignature(call)?.getDeclaration();
      chosen = declarations.find((d) => d === declaration) ?? null;
      this.withoutArguments.set(symbol, chosen);
    }
    return chosen ?? undefined;
  }

  /**
   * A function's declared return type when its members do not depend on how it is called: an interface or a
   * class (generic or not, their members are the same declarations), or `this`. Anything else (a conditional,
   * a mapped type, a union, a type parameter) the checker works out per call.
   */
  private declaredReturn(declaration: ts.SignatureDeclaration): ts.Type | 'this' | undefined {
    let known = this.returned.get(declaration);
    if (known === undefined) {
      known = null;
      const signature = this.checker.getSignatureFromDeclaration(declaration);
      const type = signature && this.checker.getReturnTypeOfSignature(signature);
      if (type && type.flags & ts.TypeFlags.TypeParameter && (type as { isThisType?: boolean }).isThisType) known = 'this';
      else if (type && isInterfaceOrClass(type)) known = type;
      this.returned.set(declaration, known);
    }
    return known ?? undefined;
  }
}

function cached<K>(table: Map<K, Map<string, ts.Symbol | undefined>>, key: K, name: string, find: () => ts.Symbol | undefined): ts.Symbol | undefined {
  let byName = table.get(key);
  if (!byName) {
    byName = new Map<string, ts.Symbol | undefined>();
    table.set(key, byName);
  }
  if (!byName.has(name)) byName.set(name, find());
  return byName.get(name);
}

function isFunctionDeclarationLike(declaration: ts.Declaration): declaration is ts.SignatureDeclaration {
  return ts.isFunctionDeclaration(declaration) || ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration);
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}

/** The file an expression sits in at its top level, where nothing between declares names of its own. */
function fileScopeOf(node: ts.Node): ts.SourceFile | undefined {
  for (let at = node.parent; at !== undefined; at = at.parent) {
    if (ts.isSourceFile(at)) return at;
    if (declaresNames(at)) return undefined;
  }
  return undefined;
}

function declaresNames(node: ts.Node): boolean {
  return (
    ts.isFunctionLike(node) || ts.isClassLike(node) || ts.isBlock(node) || ts.isModuleBlock(node) || ts.isModuleDeclaration(node) ||
    ts.isEnumDeclaration(node) || ts.isCatchClause(node) || ts.isCaseBlock(node) || ts.isForStatement(node) || ts.isForInStatement(node) ||
    ts.isForOfStatement(node) || ts.isDecorator(node)
  );
}

function isOnlyNamespace(symbol: ts.Symbol): boolean {
  const value: number = symbol.flags & ts.SymbolFlags.Value;
  return value === (ts.SymbolFlags.ValueModule as number);
}

function isInterfaceOrClass(type: ts.Type): boolean {
  if (!(type.flags & ts.TypeFlags.Object)) return false;
  const object = type as ts.ObjectType;
  const target = object.objectFlags & ts.ObjectFlags.Reference ? (object as ts.TypeReference).target : object;
  return !!(target.objectFlags & (ts.ObjectFlags.Interface | ts.ObjectFlags.Class)) && !(target.objectFlags & ts.ObjectFlags.Tuple);
}
