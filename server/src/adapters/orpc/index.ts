import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { Method, Param, ServiceContract } from '../../engine/shape.js';
import { resultType } from '../stream-element.js';
import { ORPC_PACKAGES, orpcProcedure, type OrpcProcedure } from './procedure-types.js';
import { inputParsers, type BuilderDialect } from '../builder-inputs.js';
import { asClientWrites } from '../client-writes.js';
import type { Read } from '../../contracts/schemas/read-shapes.js';
import { ADAPTER_PACKAGES } from '../names.js';
import { outermost, ownExports } from '../exported-roots.js';

/** Routers nest as plain objects; deeper than this an export is not searched for procedures. */
const MAX_DEPTH = 8;

interface Root {
  name: string;
  declaration: ts.Declaration;
  type: ts.Type;
  contract: boolean;
}

/**
 * oRPC: routers are objects of procedures (`os.input(..).handler(..)`) or of contract procedures (`oc.input(..)`,
 * `oc.router({...})`), exported from a project file. As for tRPC, a router at path `planet` is a service and its
 * procedures the methods: `planet.create(input).name`. A contract-first project declares each path twice (the
 * contract and its implementation); the contract's reading is kept.
 */
const orpc: ContractAdapter & { name: 'orpc' } = {
  name: 'orpc',
  packages: ADAPTER_PACKAGES.orpc,
  collect(context) {
    const taken = new Set<string>();
    for (const root of exportedRoots(context).sort((a, b) => Number(b.contract) - Number(a.contract))) {
      walk(context, root, root.type, [], root.declaration, taken, 0);
    }
  },
};
export default orpc;

function isObjectLike(type: ts.Type): boolean {
  return !!(type.flags & ts.TypeFlags.Object) && !type.getCallSignatures().length;
}

/** Whether a type holds a procedure within MAX_DEPTH levels of plain objects; what it holds is `contract` or not. */
function holdsProcedures(type: ts.Type, checker: ts.TypeChecker, depth: number): { contract: boolean } | undefined {
  if (depth > MAX_DEPTH || !isObjectLike(type)) return undefined;
  for (const symbol of checker.getPropertiesOfType(type)) {
    const member = checker.getTypeOfSymbol(symbol);
    const procedure = orpcProcedure(member, checker);
    if (procedure) return { contract: procedure.contract };
    const inner = holdsProcedures(member, checker, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

function exportedRoots(context: AdapterContext): Root[] {
  const { checker } = context;
  const candidates: Root[] = [];
  for (const { name, symbol, declaration } of ownExports(context)) {
    if (!(symbol.flags & ts.SymbolFlags.Variable)) continue;
    const type = checker.getTypeOfSymbol(symbol);
    if (orpcProcedure(type, checker)) continue;
    const holds = holdsProcedures(type, checker, 0);
    if (holds) candidates.push({ name, declaration, type, contract: holds.contract });
  }
  const collect = (type: ts.Type, depth: number, inner: Set<ts.Node>) => {
    if (depth > MAX_DEPTH || orpcProcedure(type, checker) || !isObjectLike(type)) return;
    for (const symbol of checker.getPropertiesOfType(type)) {
      for (const d of symbol.declarations ?? []) inner.add(d);
      collect(checker.getTypeOfSymbol(symbol), depth + 1, inner);
    }
  };
  return outermost(
    candidates,
    (c) => checker.getPropertiesOfType(c.type),
    (member, inner) => collect(checker.getTypeOfSymbol(member), 1, inner),
  );
}

function walk(context: AdapterContext, root: Root, record: ts.Type, path: readonly string[], at: ts.Node, taken: Set<string>, depth: number): void {
  const { checker } = context;
  if (depth > MAX_DEPTH) return;
  const procedures: { symbol: ts.Symbol; procedure: OrpcProcedure }[] = [];
  for (const symbol of checker.getPropertiesOfType(record)) {
    const type = checker.getTypeOfSymbol(symbol);
    const procedure = orpcProcedure(type, checker);
    if (procedure) procedures.push({ symbol, procedure });
    else if (isObjectLike(type)) walk(context, root, type, [...path, symbol.getName()], symbol.declarations?.[0] ?? at, taken, depth + 1);
  }
  if (!procedures.length) return;
  const name = path.length ? path.join('.') : root.name;
  // The same path from a contract and from its implementation: one API, read once.
  if (taken.has(name)) return;
  taken.add(name);
  const loc = locOf(nameNode(at), context.relative);
  if (!loc) return;
  const methods = context.builder.serviceMethods(`orpc:${name}`, root.declaration, () => {
    context.builder.dependOn(context.files);
    return procedures.map(({ symbol, procedure }) => method(context, symbol, procedure));
  });
  // oRPC's RPC protocol carries Date, Map, Set and bigint as themselves, as superjson does.
  const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'orpc', codec: 'superjson', roles: { caller: 'oRPC client', callee: 'oRPC server' }, methods };
  context.add(contract, nameNode(at));
}

function method(context: AdapterContext, symbol: ts.Symbol, procedure: OrpcProcedure): Method {
  const { builder, checker, relative } = context;
  const declaration = symbol.declarations?.[0];
  const loc = declaration && locOf(nameNode(declaration), relative);
  const result = resultType(procedure.output, checker);
  const built: Method = { name: symbol.getName(), params: [], result: result === 'void' ? { kind: 'void' } : builder.shapeOf(result) };
  if (loc) built.loc = loc;
  if (procedure.input) {
    const read = declaration && inputSchema(context, declaration);
    const { shape, optional } = read ? { shape: asClientWrites(read.shape), optional: read.optional === true || read.defaulted === true } : builder.memberShape(procedure.input, false);
    const param: Param = { name: 'input', shape, optional };
    if (loc) param.loc = loc;
    built.params.push(param);
  }
  const suppressions = declaration && suppressionsOf(declaration, relative);
  if (suppressions) built.suppressions = suppressions;
  return built;
}

/** oRPC's builders (`os`, contract-first `oc`): `.input()` replaces the schema, so the last one given is the reader. */
const ORPC_BUILDER: BuilderDialect = {
  packages: ORPC_PACKAGES,
  inputs: new Set(['input', '$input']),
  keeps: new Set(['use', 'errors', 'meta', 'route', 'output', 'handler', 'callable', 'actionable', '$context', '$config', '$meta', '$route']),
};

/**
 * The procedure's input schema read by its construction (its unknown-key policy and checks are what the server
 * refuses by), when the builder chain names it and it is a zod or valibot schema; else the caller reads its type.
 */
function inputSchema(context: AdapterContext, declaration: ts.Declaration): Read | undefined {
  const schema = inputParsers(declaration, context.checker, context.packageNameOf, ORPC_BUILDER)?.at(-1);
  return schema && context.schemaValue(schema, true);
}
