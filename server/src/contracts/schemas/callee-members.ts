import { ts } from '@ts-morph/common';
import type { LibraryFacts } from './library-memo.js';

/** What the lookup needs of a receiver that is itself a call of the library. */
export interface ReceiverCall {
  /** The callee's symbol, aliases resolved. */
  symbol: ts.Symbol;
  /** Set when the callee is a method of a schema. */
  receiver?: ts.Expression;
}

/**
 * Where a member of a callee `a.b` is looked up: a namespace's exports, or the members of the type a library
 * function declares it returns (named by that function's declaration, which outlives the checker).
 */
type Owner = { module: ts.Symbol } | { returnedBy: ts.SignatureDeclaration };

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

  /**
   * @param library Answers about the library's declarations kept from earlier programs. A member found there
   * may be an earlier checker's symbol: only its name and declarations are read, never handed to this checker.
   */
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly libraryCall: (call: ts.CallExpression) => ReceiverCall | undefined,
    private readonly library?: LibraryFacts,
  ) {}

  memberOf(callee: ts.PropertyAccessExpression): ts.Symbol | undefined {
    if (!ts.isIdentifier(callee.name)) return undefined;
    const name = callee.name.text;
    const owner = this.ownerOf(callee.expression);
    if (!owner) return undefined;
    if ('module' in owner) {
      const module = owner.module;
      // Aliases resolved here, where they can be kept: zod exports `enum` as `export { _enum as enum }`.
      const find = () => cached(this.inModules, module, name, () => this.resolved(this.checker.tryGetMemberInModuleExports(name, module)));
      return this.library && isLibrarySymbol(module) ? this.library.recall(module, `member ${name}`, find) : find();
    }
    const find = () => {
      const type = this.declaredReturn(owner.returnedBy);
      return type && type !== 'this' ? cached(this.inTypes, type, name, () => this.checker.getPropertyOfType(type, name)) : undefined;
    };
    return this.library && isFromLibrary(owner.returnedBy) ? this.library.recall(owner.returnedBy, `member ${name}`, find) : find();
  }

  private resolved(symbol: ts.Symbol | undefined): ts.Symbol | undefined {
    return symbol && symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
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
    const returned = declaration && this.returnKind(declaration);
    if (!returned) return undefined;
    if (returned === 'members') return { returnedBy: declaration };
    // `min(…): this` returns its receiver, whose owner is a type (a namespace is no schema).
    const receiver = call.receiver && this.ownerOf(call.receiver);
    return receiver && 'returnedBy' in receiver ? receiver : undefined;
  }

  /**
   * The namespace an identifier names. Outside any function, block, class or namespace every expression of a
   * file sees the same names, so there the answer is kept per file and name: a schema file names `z` once per
   * field.
   */
  private namespaceAt(identifier: ts.Identifier): ts.Symbol | undefined {
    const file = fileScopeOf(identifier);
    if (!file) return this.resolveNamespace(identifier);
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

  /** The namespace a name at the top level of a file names. */
  private namespaceNamed(identifier: ts.Identifier): ts.Symbol | undefined {
    // An import of a library module names the same namespace in every program of the same library.
    const module = this.library && this.importedLibrary(identifier);
    if (module && this.library) {
      const find = () => {
        const namespace = this.resolveNamespace(identifier);
        // A namespace import's symbol may be the checker's copy of the module (made for interop with CommonJS);
        // its exports are the module's, which is what is kept.
        return (namespace && module.imported === '*' ? module.symbol : namespace) ?? null;
      };
      // A symbol this checker made or merged is its own, and not kept.
      const found = this.library.recall(module.symbol, `import ${module.imported}`, find, (s) => !s || !(s.flags & ts.SymbolFlags.Transient));
      return found ?? undefined;
    }
    return this.resolveNamespace(identifier);
  }

  /**
   * The library module and the name a file-level import of `identifier` takes from it, when the import's module
   * is a library's declaration file. The module is asked of the checker, which only resolves its file name.
   */
  private importedLibrary(identifier: ts.Identifier): { symbol: ts.Symbol; imported: string } | undefined {
    const imported = importOf(identifier);
    if (!imported) return undefined;
    const symbol = this.checker.getSymbolAtLocation(imported.specifier);
    const file = symbol?.valueDeclaration;
    if (!symbol || symbol.flags & ts.SymbolFlags.Transient || !file || !ts.isSourceFile(file) || !isFromLibrary(file)) return undefined;
    return { symbol, imported: imported.name };
  }

  private resolveNamespace(identifier: ts.Identifier): ts.Symbol | undefined {
    let symbol = this.checker.getSymbolAtLocation(identifier);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.checker.getAliasedSymbol(symbol);
    // A namespace and nothing else (a function or class merged with it has members of its own), whose value
    // is its exports (not an `export =` module's single value).
    if (!symbol || !isOnlyNamespace(symbol) || symbol.exports?.has(ts.InternalSymbolName.ExportEquals)) return undefined;
    return symbol;
  }

  /** Whether a function's declared return has members of its own, or is `this` (see declaredReturn). */
  private returnKind(declaration: ts.SignatureDeclaration): 'members' | 'this' | null {
    const find = () => {
      const returned = this.declaredReturn(declaration);
      return returned === 'this' ? 'this' : returned ? 'members' : null;
    };
    return this.library && isFromLibrary(declaration) ? this.library.recall(declaration, 'returns', find) : find();
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
      const find = () => {
        const declaration = this.checker.getResolvedSignature(call)?.getDeclaration();
        return declarations.find((d) => d === declaration) ?? null;
      };
      const first = declarations[0]!;
      chosen = this.library && isFromLibrary(first) ? this.library.recall(first, 'without arguments', find) : find();
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

/** A declaration of a library (or of any declaration file): one of the files that make a LibraryMemo's world. */
function isFromLibrary(node: ts.Node): boolean {
  return node.getSourceFile().isDeclarationFile;
}

/** A binder's symbol (not one merged by a checker) declared only in declaration files. */
function isLibrarySymbol(symbol: ts.Symbol): boolean {
  const declarations = symbol.declarations ?? [];
  return !(symbol.flags & ts.SymbolFlags.Transient) && declarations.length > 0 && declarations.every(isFromLibrary);
}

/**
 * The file-level import that declares `identifier`'s name, as its module specifier and the name it takes from
 * the module (`*` for a namespace import). Default imports and `import x = require()` are left to the checker:
 * what they name depends on compiler options and the importing file's module kind.
 */
function importOf(identifier: ts.Identifier): { specifier: ts.StringLiteral; name: string } | undefined {
  const file = identifier.getSourceFile();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly || !clause.namedBindings) continue;
    const bindings = clause.namedBindings;
    if (ts.isNamespaceImport(bindings)) {
      if (bindings.name.text === identifier.text) return { specifier: statement.moduleSpecifier, name: '*' };
      continue;
    }
    for (const element of bindings.elements) {
      if (element.name.text !== identifier.text) continue;
      if (element.isTypeOnly) return undefined;
      const imported = element.propertyName ?? element.name;
      return ts.isIdentifier(imported) ? { specifier: statement.moduleSpecifier, name: imported.text } : undefined;
    }
  }
  return undefined;
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}

/**
 * Syntax, so kept per node for as long as the node lives: an unchanged file keeps its nodes from one program to
 * the next, and the identifiers of one schema share their ancestors.
 */
const scopes = new WeakMap<ts.Node, ts.SourceFile | null>();

/** The file an expression sits in at its top level, where nothing between declares names of its own. */
function fileScopeOf(node: ts.Node): ts.SourceFile | undefined {
  return node.parent ? (scopeAt(node.parent) ?? undefined) : undefined;
}

function scopeAt(at: ts.Node): ts.SourceFile | null {
  if (ts.isSourceFile(at)) return at;
  let known = scopes.get(at);
  if (known === undefined) {
    known = declaresNames(at) || !at.parent ? null : scopeAt(at.parent);
    scopes.set(at, known);
  }
  return known;
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
