import { ts } from '@ts-morph/common';
import { declaredByPackage, type AdapterContext, type ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { Method, ReaderPolicy, ServiceContract, Shape } from '../../engine/shape.js';
import { resultType } from '../stream-element.js';
import { libraryName } from '../library-symbol.js';
import { patternName } from './patterns.js';
import { validationPolicy } from './validation-pipe.js';
import { ADAPTER_PACKAGES } from '../names.js';

const LIBRARY = ['@nestjs/microservices'];

type Service = 'MessagePatterns' | 'EventPatterns';

/** A handler or a writer of one pattern. */
interface Use {
  data?: ts.Type;
  result?: ts.Type;
  at: ts.Node;
  member?: ts.Node;
}

/**
 * NestJS microservices: `@MessagePattern(pattern)` handlers are the `MessagePatterns` service (request and
 * response: `ClientProxy.send`), `@EventPattern(pattern)` handlers the `EventPatterns` service (`ClientProxy.emit`,
 * no result). Each pattern is a method named by it (`MessagePatterns.sum`, `MessagePatterns.{"cmd":"sum"}`); its one
 * parameter is the handler's `@Payload()` (or, with no handler in the project, the type of the data `send`/`emit`
 * is given), its result the handler's return value (awaited, an Observable's element).
 */
const nestjs: ContractAdapter & { name: 'nestjs' } = {
  name: 'nestjs',
  packages: ADAPTER_PACKAGES.nestjs,
  collect(context) {
    const handlers = new Map<Service, Map<string, Use>>();
    const writers = new Map<Service, Map<string, Use>>();
    const record = (into: Map<Service, Map<string, Use>>, service: Service, pattern: string, use: Use) => {
      const uses = into.get(service) ?? new Map<string, Use>();
      into.set(service, uses);
      if (!uses.has(pattern)) uses.set(pattern, use);
    };
    for (const file of context.files) {
      const visit = (node: ts.Node) => {
        if (ts.isMethodDeclaration(node)) handlerOf(node, context, (service, pattern, use) => record(handlers, service, pattern, use));
        else if (ts.isCallExpression(node)) writerOf(node, context, (service, pattern, use) => record(writers, service, pattern, use));
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    const policy = handlers.size ? validationPolicy(context.files, context.checker) : undefined;
    for (const service of ['MessagePatterns', 'EventPatterns'] as const) {
      const patterns = new Map([...(writers.get(service) ?? new Map<string, Use>()), ...(handlers.get(service) ?? new Map<string, Use>())]);
      if (patterns.size) addService(context, service, patterns);
      if (policy) for (const use of handlers.get(service)?.values() ?? []) applyPolicy(context, use, policy);
    }
  },
};
export default nestjs;

function libraryCall(call: ts.CallExpression, checker: ts.TypeChecker): boolean {
  const declaration = checker.getResolvedSignature(call)?.getDeclaration();
  return !!declaration && declaredByPackage(declaration, LIBRARY);
}

function handlerOf(method: ts.MethodDeclaration, context: AdapterContext, found: (service: Service, pattern: string, use: Use) => void): void {
  const { checker } = context;
  for (const decorator of ts.getDecorators(method) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) continue;
    const kind = libraryName(call.expression, checker, LIBRARY);
    if (kind !== 'MessagePattern' && kind !== 'EventPattern') continue;
    const pattern = patternName(call.arguments[0], checker);
    const signature = checker.getSignatureFromDeclaration(method);
    if (pattern === undefined || !signature) continue;
    const payload = method.parameters.find((p) => ts.getDecorators(p)?.some((d) => isPayload(d, checker))) ?? method.parameters.find((p) => !ts.getDecorators(p)?.length);
    const use: Use = { at: nameNode(method), member: method };
    if (payload) use.data = checker.getTypeAtLocation(payload);
    if (kind === 'MessagePattern') use.result = signature.getReturnType();
    found(kind === 'MessagePattern' ? 'MessagePatterns' : 'EventPatterns', pattern, use);
  }
}

function isPayload(decorator: ts.Decorator, checker: ts.TypeChecker): boolean {
  const call = decorator.expression;
  return ts.isCallExpression(call) && libraryName(call.expression, checker, LIBRARY) === 'Payload';
}

/** `client.send(pattern, data)` / `client.emit(pattern, data)` on a `ClientProxy`. */
function writerOf(call: ts.CallExpression, context: AdapterContext, found: (service: Service, pattern: string, use: Use) => void): void {
  const { checker } = context;
  if (!ts.isPropertyAccessExpression(call.expression)) return;
  const verb = call.expression.name.text;
  if ((verb !== 'send' && verb !== 'emit') || !libraryCall(call, checker)) return;
  const pattern = patternName(call.arguments[0], checker);
  if (pattern === undefined) return;
  const use: Use = { at: call.arguments[0]! };
  if (call.arguments[1]) use.data = checker.getTypeAtLocation(call.arguments[1]);
  found(verb === 'send' ? 'MessagePatterns' : 'EventPatterns', pattern, use);
}

function shapeOrAny(type: ts.Type | undefined, context: AdapterContext): Shape {
  if (!type) return { kind: 'any' };
  const result = resultType(type, context.checker);
  return result === 'void' ? { kind: 'void' } : context.builder.shapeOf(result);
}

function addService(context: AdapterContext, name: Service, patterns: Map<string, Use>): void {
  const { builder, relative } = context;
  const first = [...patterns.values()][0]!;
  const loc = locOf(first.at, relative);
  if (!loc) return;
  const methods = builder.serviceMethods(`nestjs:${name}`, declarationAround(first.at), () => {
    builder.dependOn([...patterns.values()].map((use) => use.at));
    return [...patterns].map(([pattern, use]): Method => {
      const method: Method = {
        name: pattern,
        params: [{ name: 'data', shape: use.data ? builder.shapeOf(use.data) : { kind: 'any' }, optional: false }],
        result: name === 'EventPatterns' ? { kind: 'void' } : shapeOrAny(use.result, context),
      };
      const at = locOf(use.at, relative);
      if (at) method.loc = at;
      const suppressions = use.member && suppressionsOf(use.member, relative);
      if (suppressions) method.suppressions = suppressions;
      return method;
    });
  });
  const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'nestjs', roles: { caller: 'client', callee: 'handler' }, methods };
  context.add(contract, first.at);
}

/**
 * ValidationPipe validates DTO classes only (an interface or a primitive leaves no class to validate against), and
 * only their own keys unless nested DTOs are marked: the policy goes on the payload class's object shape. The entry is
 * replaced, not changed, because the builder may hand the same entry to the next extraction.
 */
function applyPolicy({ builder }: AdapterContext, use: Use, policy: ReaderPolicy): void {
  const declaration = use.data?.getSymbol()?.declarations?.[0];
  if (!use.data || !declaration || !ts.isClassDeclaration(declaration)) return;
  const shape = builder.shapeOf(use.data);
  if (shape.kind !== 'ref') return;
  const entry = builder.types[shape.name];
  if (entry?.shape.kind === 'object') builder.types[shape.name] = { ...entry, shape: { ...entry.shape, policy } };
}

function declarationAround(node: ts.Node): ts.Declaration {
  for (let at: ts.Node = node; ; at = at.parent) {
    if (ts.isVariableDeclaration(at) || ts.isMethodDeclaration(at) || ts.isFunctionLike(at) || ts.isClassLike(at) || ts.isSourceFile(at)) return at;
  }
}
