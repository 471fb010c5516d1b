import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { Method, Param, ServiceContract, Shape } from '../../engine/shape.js';
import { resultType } from '../stream-element.js';
import { procedureInfo, routerInfo, TRPC_PACKAGES, type ProcedureInfo } from './router-types.js';
import { exportedRoots } from './roots.js';
import { ADAPTER_PACKAGES } from '../names.js';
import type { Read } from '../../contracts/schemas/read-shapes.js';
import { inputParsers, type BuilderDialect } from '../builder-inputs.js';
import { stackedInputs } from './stacked-inputs.js';
import { asClientWrites } from '../client-writes.js';

/**
 * tRPC routers: every router reachable from an exported router value (or `type AppRouter = typeof appRouter`)
 * is a service named by its path (`order`, `order.items`); its procedures are the methods. The input is the
 * request the client writes and the server's parser reads; the output the result the server writes.
 */
const trpc: ContractAdapter & { name: 'trpc' } = {
  name: 'trpc',
  packages: ADAPTER_PACKAGES.trpc,
  collect(context) {
    for (const root of exportedRoots(context)) {
      new RouterWalk(context, root.declaration, root.transformer).record(root.record, [], root.name, root.declaration);
    }
  },
};
export default trpc;

/** tRPC's procedure builder: `.input()` calls stack (each parser runs on the raw input). */
const TRPC_BUILDER: BuilderDialect = {
  packages: TRPC_PACKAGES,
  inputs: new Set(['input']),
  keeps: new Set(['use', 'meta', 'output', 'errors', 'query', 'mutation', 'subscription']),
};

class RouterWalk {
  constructor(
    private readonly context: AdapterContext,
    /** Stands for the whole tree in the builder's reuse records. */
    private readonly rootDeclaration: ts.Declaration,
    private readonly transformer: boolean,
  ) {}

  /** One router's record: procedures become its methods, routers and nested records their own services. */
  record(record: ts.Type, path: readonly string[], rootName: string, at: ts.Node): void {
    const { checker } = this.context;
    const procedures: { symbol: ts.Symbol; info: ProcedureInfo }[] = [];
    for (const symbol of checker.getPropertiesOfType(record)) {
      const type = checker.getTypeOfSymbol(symbol);
      const declaration = symbol.declarations?.[0] ?? at;
      const info = procedureInfo(type, checker, this.context.packageNameOf);
      if (info) {
        procedures.push({ symbol, info });
        continue;
      }
      const router = routerInfo(type, checker, this.context.packageNameOf);
      // tRPC v11 also takes plain objects of procedures as a level of the path.
      const nested = router?.record ?? (type.flags & ts.TypeFlags.Object && !type.getCallSignatures().length ? type : undefined);
      if (nested) this.record(nested, [...path, symbol.getName()], rootName, declaration);
    }
    if (!procedures.length) return;
    const name = path.length ? path.join('.') : rootName;
    const methods = this.context.builder.serviceMethods(`trpc:${name}`, this.rootDeclaration, () => {
      // A procedure's types come from anywhere (a schema file, a helper): any edit to the project rebuilds it.
      this.context.builder.dependOn(this.context.files);
      return procedures.map(({ symbol, info }) => this.method(symbol, info));
    });
    const loc = locOf(nameNode(at), this.context.relative);
    if (!loc) return;
    const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'trpc', roles: { caller: 'tRPC client', callee: 'tRPC server' }, methods };
    if (this.transformer) contract.codec = 'superjson';
    this.context.add(contract, nameNode(at));
  }

  private method(symbol: ts.Symbol, info: ProcedureInfo): Method {
    const { builder, checker, relative } = this.context;
    const declaration = symbol.declarations?.[0];
    const loc = declaration && locOf(nameNode(declaration), relative);
    const result = resultType(info.output, checker);
    const method: Method = { name: symbol.getName(), params: [], result: result === 'void' ? { kind: 'void' } : builder.shapeOf(result) };
    if (loc) method.loc = loc;
    const param = this.input(info, declaration, loc);
    if (param) method.params.push(param);
    const suppressions = declaration && suppressionsOf(declaration, relative);
    if (suppressions) method.suppressions = suppressions;
    return method;
  }

  /**
   * The request: what the procedure's input parsers accept. Read from the parsers themselves when the builder chain
   * names them all and each is a zod or valibot schema (their unknown-key policy and checks are what the server
   * refuses by), else from the input type tRPC's types merge for the client.
   */
  private input(info: ProcedureInfo, declaration: ts.Declaration | undefined, loc: Method['loc']): Param | undefined {
    const { input } = info;
    if (!input || input.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Never)) return undefined;
    const read = declaration && this.parsed(declaration);
    const { shape, optional } = read ? { shape: asClientWrites(read.shape), optional: read.optional === true || read.defaulted === true } : this.context.builder.memberShape(input, false);
    const param: Param = { name: 'input', shape: withoutVoid(shape), optional: optional || acceptsVoid(input) };
    if (loc) param.loc = loc;
    return param;
  }

  /** The stacked `.input()` parsers read as schemas, merged as tRPC runs them. */
  private parsed(declaration: ts.Declaration): Read | undefined {
    const parsers = inputParsers(declaration, this.context.checker, this.context.packageNameOf, TRPC_BUILDER);
    if (!parsers?.length) return undefined;
    const reads: Read[] = [];
    for (const parser of parsers) {
      const read = this.context.schemaValue(parser, true);
      if (!read) return undefined;
      reads.push(read);
    }
    return stackedInputs(reads);
  }
}

/** `void | T` (tRPC's spelling of an optional input) is an optional `T` on the wire. */
function withoutVoid(shape: Shape): Shape {
  if (shape.kind !== 'union') return shape;
  const variants = shape.variants.filter((v) => v.kind !== 'void');
  return variants.length === 1 ? variants[0]! : { ...shape, variants };
}

const acceptsVoid = (type: ts.Type) => type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Void);
