import { ts } from '@ts-morph/common';
import type { Contract, Method, Param, Shape, WireModel } from '../engine/shape.js';
import type { Discovery } from './discover.js';
import { locOf, nameNode, suppressionsOf, type RelativePath } from './locations.js';
import { qualifiedName } from './qualified-name.js';
import type { BuilderProblem, ShapeBuilder } from './shape-builder.js';
import type { SchemaReader } from './schemas/schema-reader.js';
import { packageNames } from './schemas/library.js';
import type { Steps } from '../common/steps.js';
import type { AdapterContext, ContractAdapter } from './adapter-hook.js';
import { pushAll } from '../engine/push-all.js';
import { reachesBeyondItself } from './reuse.js';
import type { FileContracts } from './file-contracts.js';

type ContractDeclaration = ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.EnumDeclaration | ts.ClassDeclaration;

type Candidate =
  | { declaration: ContractDeclaration & { name: ts.Identifier }; kind: 'message' | 'service'; source: 'jsdoc' | 'config' }
  /**
   * A `const` holding a schema value (zod, valibot), if the checker confirms it is one; `alias` names it when the
   * tagged declaration is a type inferred from it under another name (`type Order = z.infer<typeof OrderSchema>`).
   */
  | { declaration: ts.VariableDeclaration & { name: ts.Identifier }; kind: 'schema'; source: 'jsdoc' | 'config'; alias?: ts.TypeAliasDeclaration & { name: ts.Identifier } };

/** Walks the discovered root files and adds every message and service contract to the model, one step each. */
export function* collectContracts(
  program: ts.Program,
  discovery: Discovery,
  absolute: (rel: string) => string,
  relative: RelativePath,
  builder: ShapeBuilder,
  schemas: SchemaReader,
  adapters: readonly ContractAdapter[] = [],
  readFile: (fileName: string) => string | undefined = () => undefined,
  previousFiles?: ReadonlyMap<ts.SourceFile, FileContracts>,
): Steps<{ model: WireModel; problems: BuilderProblem[]; files: Map<ts.SourceFile, FileContracts> }> {
  const checker = program.getTypeChecker();
  schemas.nameInferredTypes(program.getSourceFiles().filter((file) => relative(file) !== undefined && !file.fileName.includes('/node_modules/')));
  const contracts: Record<string, Contract> = {};
  const owners = new Map<string, ts.Node>();
  const seen = new Set<ts.Symbol>();
  const problems: BuilderProblem[] = [];
  const aliases = new Map<string, string>();
  const files = new Map<ts.SourceFile, FileContracts>();
  // With a script or an augmentation among the project's files, a contract's symbol may merge across files.
  const keep = previousFiles && !adapters.length && program.getSourceFiles().every((file) => relative(file) === undefined || file.fileName.includes('/node_modules/') || !reachesBeyondItself(file));

  for (const rel of discovery.roots) {
    const sourceFile = program.getSourceFile(absolute(rel));
    if (!sourceFile) continue;
    const globs = `${discovery.messageFiles.has(rel)}:${discovery.serviceFiles.has(rel)}`;
    const kept = keep ? previousFiles.get(sourceFile) : undefined;
    if (kept?.globs === globs && kept.local && builder.fileUnchanged(sourceFile) && kept.contracts.every(({ contract, declaration }) => !owners.has(contract.name) && builder.canKeep(contract, declaration))) {
      yield;
      for (const { contract, owner, declaration } of kept.contracts) {
        builder.keep(contract, declaration);
        owners.set(contract.name, owner);
        contracts[contract.name] = contract;
      }
      for (const [name, target] of kept.aliases) aliases.set(name, target);
      pushAll(problems, kept.problems);
      files.set(sourceFile, kept);
      continue;
    }
    const record: FileContracts = { globs, contracts: [], aliases: [], problems: [], local: true };
    files.set(sourceFile, record);
    for (const found of candidatesIn(sourceFile, discovery.messageFiles.has(rel), discovery.serviceFiles.has(rel))) {
      yield;
      const candidate = schemaBehind(found, checker, schemas);
      if (!candidate) continue;
      if (candidate.kind === 'schema') {
        const library = schemas.libraryOf(candidate.declaration);
        if (!library) {
          if (candidate.source === 'jsdoc') {
            // Never a silent pass: without its library installed a schema reads as nothing at all.
            const node = candidate.declaration.name;
            const problem = { node, message: `'${node.text}' is tagged @wire but is not a zod or valibot schema Skew can read (is the library installed?); it is not checked.`, uncheckable: true as const };
            problems.push(problem);
            record.problems.push(problem);
          }
          continue;
        }
      }
      const declaration = candidate.kind === 'schema' && candidate.alias ? candidate.alias : candidate.declaration;
      const symbol = checker.getSymbolAtLocation(declaration.name);
      // Merged declarations (an interface reopened in another namespace block) are one contract.
      if (!symbol || seen.has(symbol)) {
        if (symbol) record.local = false;
        continue;
      }
      const name = qualifiedName(declaration, declaration.name.text);
      const owner = owners.get(name);
      if (owner) {
        record.local = false;
        if (owner !== declaration.name) {
          const first = locOf(owner, relative);
          const at = first ? ` (first declared in ${first.file}:${first.range.start.line + 1})` : '';
          problems.push({ node: declaration.name, message: `Another contract is already named '${name}'${at}; this one is ignored.` });
        }
        continue;
      }
      seen.add(symbol);
      if (candidate.kind === 'message' && !builder.defineContractType(name, candidate.declaration, () => checker.getDeclaredTypeOfSymbol(symbol))) {
        record.local = false;
        continue;
      }
      if (candidate.kind === 'schema' && !builder.defineContract(name, declaration, () => (candidate.alias ? schemas.aliasShape(candidate.declaration) : schemas.contractShape(candidate.declaration)))) {
        record.local = false;
        continue;
      }
      owners.set(name, declaration.name);
      const base = { name, loc: locOf(declaration.name, relative)!, source: candidate.source };
      const suppressions = suppressionsOf(candidate.kind === 'schema' && !candidate.alias ? candidate.declaration.parent.parent : declaration, relative);
      let contract: Contract;
      if (candidate.kind === 'service') {
        contract = { ...base, kind: 'service', methods: builder.serviceMethods(name, candidate.declaration, () => methodsOf(checker.getDeclaredTypeOfSymbol(symbol), checker, relative, builder)) };
      } else contract = { ...base, kind: 'message' };
      if (candidate.kind === 'schema') {
        contract.schema = { library: schemas.libraryOf(candidate.declaration)! };
        // `@roundtrip`: the reader saves what it read, so keys a strip object drops are lost (docs/schemas.md).
        const tagged = [candidate.declaration.parent.parent, candidate.alias].filter((node) => node !== undefined);
        if (tagged.some((node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'roundtrip'))) contract.schema.roundtrip = true;
      }
      if (suppressions) contract.suppressions = suppressions;
      contracts[name] = contract;
      const target = candidate.kind === 'message' ? aliasTarget(candidate.declaration, checker) : undefined;
      if (target) {
        aliases.set(name, target);
        record.aliases.push([name, target]);
      }
      record.contracts.push({ contract, owner: declaration.name, declaration });
    }
  }
  if (adapters.length) {
    const files = program.getSourceFiles().filter((file) => relative(file) !== undefined && !program.isSourceFileFromExternalLibrary(file));
    const context: AdapterContext = {
      checker,
      files,
      relative,
      builder,
      add(contract, node) {
        const owner = owners.get(contract.name);
        if (owner) {
          const first = locOf(owner, relative);
          const at = first ? ` (first declared in ${first.file}:${first.range.start.line + 1})` : '';
          problems.push({ node, message: `Another contract is already named '${contract.name}'${at}; this one is ignored.` });
          return;
        }
        owners.set(contract.name, node);
        contracts[contract.name] = contract;
      },
      problem(node, message) {
        problems.push({ node, message });
      },
      readFile,
      schemaValue: (node, inline) => schemas.valueRead(node, inline),
      packageNameOf: packageNames(readFile),
    };
    for (const adapter of adapters) {
      yield;
      adapter.collect(context);
    }
  }
  // A message that only gives another message contract a second name (`type EmptyResult = Result`) is that
  // contract: its entry refers to it, so the alias repeats none of its findings and is listed among the
  // contracts it affects. Settled after the loop, as the named contract may be declared later.
  for (const [name, target] of aliases) {
    const entry = builder.types[name];
    if (entry && target !== name && contracts[name]?.kind === 'message' && contracts[target]?.kind === 'message') {
      builder.types[name] = { ...entry, shape: { kind: 'ref', name: target } };
    }
  }
  return { model: { contracts, types: builder.types }, problems: [...problems, ...builder.problems], files };
}

/** The contract name a `type X = Y` declaration refers to, when Y is a plain reference to a declaration. */
function aliasTarget(declaration: ContractDeclaration, checker: ts.TypeChecker): string | undefined {
  if (!ts.isTypeAliasDeclaration(declaration) || !ts.isTypeReferenceNode(declaration.type) || declaration.type.typeArguments) return undefined;
  let symbol = checker.getSymbolAtLocation(declaration.type.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const target = symbol?.declarations?.find(
    (d): d is ContractDeclaration & { name: ts.Identifier } =>
      (ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isClassDeclaration(d) || ts.isEnumDeclaration(d)) && d.name !== undefined,
  );
  return target ? qualifiedName(target, target.name.text) : undefined;
}

/**
 * `export type Order = z.infer<typeof Order>` beside `export const Order = z.object(...)` is one symbol, and one
 * contract: the schema's, whichever of the two is tagged or comes first.
 */
function schemaBehind(candidate: Candidate, checker: ts.TypeChecker, schemas: SchemaReader): Candidate | undefined {
  if (candidate.kind !== 'message' || !ts.isTypeAliasDeclaration(candidate.declaration)) return candidate;
  const value = checker.getSymbolAtLocation(candidate.declaration.name)?.valueDeclaration;
  if (value && ts.isVariableDeclaration(value) && ts.isIdentifier(value.name) && schemas.libraryOf(value)) {
    return { declaration: value as ts.VariableDeclaration & { name: ts.Identifier }, kind: 'schema', source: candidate.source };
  }
  const inferred = schemas.inferredFrom(candidate.declaration);
  return inferred ? { declaration: inferred, kind: 'schema', source: candidate.source, alias: candidate.declaration } : candidate;
}


/**
 * Candidates are syntax: found once per source file object (an unchanged file keeps its object from one
 * program to the next) and per pair of globs that may match it.
 */
const candidateCache = new WeakMap<ts.SourceFile, Map<string, readonly Candidate[]>>();

function candidatesIn(sourceFile: ts.SourceFile, messageGlob: boolean, serviceGlob: boolean): readonly Candidate[] {
  const key = `${messageGlob}:${serviceGlob}`;
  let byGlobs = candidateCache.get(sourceFile);
  if (!byGlobs) candidateCache.set(sourceFile, (byGlobs = new Map<string, readonly Candidate[]>()));
  let found = byGlobs.get(key);
  if (!found) {
    const list: Candidate[] = [];
    visitStatements(sourceFile.statements, sourceFile, true, false, messageGlob, serviceGlob, list);
    byGlobs.set(key, (found = list));
  }
  return found;
}

/**
 * Contracts can sit in namespaces (`export namespace Protocol { export namespace Network { ... } }`),
 * `declare namespace` and `declare module` blocks at any depth. A JSDoc tag marks a contract wherever it is;
 * a skew.json glob takes only what is reachable from outside the file: exported, inside exported namespaces.
 */
function visitStatements(
  statements: ts.NodeArray<ts.Statement>,
  container: ts.SourceFile | ts.ModuleDeclaration,
  reachable: boolean,
  containerPublic: boolean,
  messageGlob: boolean,
  serviceGlob: boolean,
  found: Candidate[],
): void {
  for (const statement of statements) {
    const exported = reachable && (containerPublic || isExported(statement, container));
    if (ts.isModuleDeclaration(statement)) {
      // A global namespace in a script file, `declare module 'pkg'` and `declare global` are visible to every
      // importer without an export modifier.
      const visible = exported || (ts.isSourceFile(container) && !ts.isExternalModule(container)) || ts.isStringLiteral(statement.name);
      let module = statement;
      // `namespace A.B.C {}` nests declarations whose inner levels are exported implicitly.
      while (module.body && ts.isModuleDeclaration(module.body)) module = module.body;
      const globalBlock = !!(statement.flags & ts.NodeFlags.GlobalAugmentation);
      if (module.body && ts.isModuleBlock(module.body)) {
        visitStatements(module.body.statements, module, reachable && (visible || globalBlock), globalBlock, messageGlob, serviceGlob, found);
      }
      continue;
    }
    if (ts.isVariableStatement(statement)) {
      const tagged = ts.getJSDocTags(statement).some((tag) => tag.tagName.text === 'wire');
      if (!tagged && !(messageGlob && exported)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) {
          found.push({ declaration: declaration as ts.VariableDeclaration & { name: ts.Identifier }, kind: 'schema', source: tagged ? 'jsdoc' : 'config' });
        }
      }
      continue;
    }
    if (!isContractDeclaration(statement)) continue;
    const tags = new Set(ts.getJSDocTags(statement).map((tag) => tag.tagName.text));
    const serviceLike = ts.isInterfaceDeclaration(statement) || ts.isClassDeclaration(statement);
    if (tags.has('wire')) found.push({ declaration: statement, kind: 'message', source: 'jsdoc' });
    else if (tags.has('rpc') && serviceLike) found.push({ declaration: statement, kind: 'service', source: 'jsdoc' });
    else if (serviceGlob && exported && serviceLike) found.push({ declaration: statement, kind: 'service', source: 'config' });
    else if (messageGlob && exported) found.push({ declaration: statement, kind: 'message', source: 'config' });
  }
}

/**
 * An export modifier, or an ambient block without `export {}` / `export =` statements, where the binder
 * exports every declaration implicitly (its ExportContext flag).
 */
function isExported(statement: ts.Statement, container: ts.SourceFile | ts.ModuleDeclaration): boolean {
  if (ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  return !!(container.flags & ts.NodeFlags.ExportContext) && (!ts.isSourceFile(container) || ts.isExternalModule(container));
}

function isContractDeclaration(node: ts.Node): node is ContractDeclaration & { name: ts.Identifier } {
  return (
    (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node) || ts.isEnumDeclaration(node) || ts.isClassDeclaration(node)) &&
    node.name !== undefined
  );
}

/** Public methods and function-typed properties; each call signature (every overload) is a request of its own. */
function methodsOf(type: ts.Type, checker: ts.TypeChecker, relative: RelativePath, builder: ShapeBuilder): Method[] {
  const methods: Method[] = [];
  for (const property of checker.getPropertiesOfType(type)) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    // A method inherited from another file's interface makes the service depend on that file too.
    builder.dependOn(property.declarations);
    if (!declaration || property.getName().startsWith('#') || property.flags & ts.SymbolFlags.Accessor) continue;
    if (ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbol(property));
    const signatures = propertyType.getCallSignatures();
    signatures.forEach((signature, index) => {
      const method: Method = {
        name: property.getName(),
        params: signature.getParameters().map((parameter, i) => paramOf(parameter, i, checker, relative, builder)),
        result: resultOf(signature, checker, builder),
      };
      if (signatures.length > 1) method.overload = index;
      // An overload written as a signature of its own is shown (and suppressed) there; one inside a function
      // type (`find: { (id: string): A; (ids: string[]): A[] }`) at the property.
      const own = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
      const at = own && (ts.isMethodSignature(own) || ts.isMethodDeclaration(own)) ? own : declaration;
      const loc = locOf(nameNode(at), relative);
      if (loc) method.loc = loc;
      const suppressions = suppressionsOf(at, relative);
      if (suppressions) method.suppressions = suppressions;
      methods.push(method);
    });
  }
  return methods;
}

function paramOf(parameter: ts.Symbol, position: number, checker: ts.TypeChecker, relative: RelativePath, builder: ShapeBuilder): Param {
  const declaration = parameter.valueDeclaration;
  const syntax = declaration && ts.isParameter(declaration) ? declaration : undefined;
  const declaredOptional = !!syntax && (!!syntax.questionToken || !!syntax.initializer || !!syntax.dotDotDotToken);
  const member = builder.memberShape(checker.getTypeOfSymbol(parameter), declaredOptional);
  const { optional } = member;
  const shape = syntax?.type ? builder.asWritten(member.shape, syntax.type) : member.shape;
  const name = syntax && !ts.isIdentifier(syntax.name) ? `arg${position}` : parameter.getName();
  const param: Param = { name, shape, optional };
  if (syntax) {
    const loc = locOf(syntax.name, relative);
    if (loc) param.loc = loc;
    const suppressions = suppressionsOf(syntax, relative);
    if (suppressions) param.suppressions = suppressions;
  }
  return param;
}

/**
 * Results that arrive as a stream of values, server to client: each value is a result of the call, so what is
 * compared is the element type. Known by name, as ReadableStream (a DOM and Node global) and Observable (rxjs)
 * may not even resolve in the program Skew builds.
 */
const STREAMS = new Set(['AsyncIterable', 'AsyncIterableIterator', 'AsyncIterator', 'AsyncGenerator', 'ReadableStream', 'Observable', 'Subscribable']);

/** The element type of a stream-like result, from its type or, when that does not resolve, from how it is written. */
function streamElement(type: ts.Type, signature: ts.Signature, checker: ts.TypeChecker): ts.Type | undefined {
  const name = (type.aliasSymbol ?? type.getSymbol())?.getName();
  if (name && STREAMS.has(name)) {
    const args = type.aliasSymbol ? type.aliasTypeArguments : type.flags & ts.TypeFlags.Object ? checker.getTypeArguments(type as ts.TypeReference) : undefined;
    if (args?.[0]) return args[0];
  }
  const written = signature.getDeclaration()?.type;
  if (written && ts.isTypeReferenceNode(written) && STREAMS.has(ts.isIdentifier(written.typeName) ? written.typeName.text : written.typeName.right.text)) {
    const [element] = written.typeArguments ?? [];
    if (element) return checker.getTypeFromTypeNode(element);
  }
  return undefined;
}

/** `Promise<T>` and `T` are the same on the wire; a result that carries nothing is `void`; a stream carries its elements. */
function resultOf(signature: ts.Signature, checker: ts.TypeChecker, builder: ShapeBuilder): Shape {
  const returned = signature.getReturnType();
  const awaited = checker.getAwaitedType(returned) ?? returned;
  const element = streamElement(awaited, signature, checker);
  if (element) return builder.shapeOf(element);
  if (awaited.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return { kind: 'void' };
  return builder.shapeOf(awaited);
}
