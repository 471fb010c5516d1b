import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, suppressionsOf } from '../../contracts/locations.js';
import type { Method, Param, ServiceContract, Shape } from '../../engine/shape.js';
import { resultType } from '../stream-element.js';
import { CompiledMethods, methodNameOf, sentByPosition, signatureOf, type Signature } from './message-types.js';
import { ADAPTER_PACKAGES } from '../names.js';

interface Found {
  method: string;
  declaration: ts.VariableDeclaration;
  signature: Signature;
}

/**
 * JSON-RPC over vscode-jsonrpc: each request type is an RPC method named as it travels (`textDocument/hover`),
 * grouped into a service per namespace (`textDocument`, `$`, and `jsonrpc` for names without one); each
 * notification is a message named by its method. The caller writes params and reads the result, whichever side
 * `messageDirection` names: in a mixed cluster every version meets both older and newer peers.
 */
const jsonrpc: ContractAdapter & { name: 'jsonrpc' } = {
  name: 'jsonrpc',
  packages: ADAPTER_PACKAGES.jsonrpc,
  collect(context) {
    const found = findMessageTypes(context);
    const services = new Map<string, Found[]>();
    const named = new Set<string>();
    for (const item of found) {
      // One method declared twice (a re-declaration, a copy) is one contract: the first wins.
      if (named.has(item.method)) continue;
      named.add(item.method);
      if (item.signature.kind === 'notification') addNotification(context, item);
      else {
        const service = namespaceOf(item.method);
        services.set(service, [...(services.get(service) ?? []), item]);
      }
    }
    for (const [service, requests] of services) addService(context, service, requests);
  },
};
export default jsonrpc;

/** `textDocument/semanticTokens/full` → `textDocument/semanticTokens`; a name without a slash → `jsonrpc`. */
function namespaceOf(method: string): string {
  const slash = method.lastIndexOf('/');
  return slash > 0 ? method.slice(0, slash) : 'jsonrpc';
}

function methodPart(method: string): string {
  const slash = method.lastIndexOf('/');
  return slash > 0 ? method.slice(slash + 1) : method;
}

function findMessageTypes(context: AdapterContext): Found[] {
  const found: Found[] = [];
  const compiled = new CompiledMethods((fileName) => context.readFile(fileName));
  const visit = (statements: ts.NodeArray<ts.Statement>) => {
    for (const statement of statements) {
      if (ts.isModuleDeclaration(statement)) {
        let module: ts.ModuleDeclaration = statement;
        while (module.body && ts.isModuleDeclaration(module.body)) module = module.body;
        if (module.body && ts.isModuleBlock(module.body)) visit(module.body.statements);
      } else if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (!ts.isIdentifier(declaration.name)) continue;
          const signature = signatureOf(context.checker.getTypeAtLocation(declaration.name), context.checker);
          const method = signature && methodNameOf(declaration, context.checker, compiled);
          if (signature && method) found.push({ method, declaration, signature });
        }
      }
    }
  };
  for (const file of context.files) visit(file.statements);
  return found;
}

function addNotification(context: AdapterContext, { method, declaration, signature }: Found): void {
  const { builder, checker } = context;
  const loc = locOf(declaration.name, context.relative);
  if (!loc) return;
  const [only, ...more] = signature.params;
  // NotificationType1..9 send their params as an array, NotificationType<P> sends P itself, NotificationType0 none.
  const single = !signature.positional ? only : undefined;
  // Positional params are a tuple built from the list below; the builder first gets a placeholder it reads cheaply.
  const ok = builder.defineContractType(method, declaration, () => single ?? checker.getVoidType());
  if (!ok) return;
  // Sent by position (ParameterStructures.byPosition), the one parameter travels wrapped in an array too.
  if ((signature.positional || sentByPosition(declaration, checker)) && (only || more.length)) {
    builder.types[method] = { name: method, loc, shape: { kind: 'tuple', elements: signature.params.map((p) => ({ shape: builder.shapeOf(p), optional: false })) } };
  }
  context.add({ kind: 'message', name: method, loc, source: 'adapter', adapter: 'jsonrpc' }, declaration.name);
}

function addService(context: AdapterContext, name: string, requests: Found[]): void {
  const { builder, checker, relative } = context;
  const first = requests[0]!.declaration;
  const loc = locOf(first.name, relative);
  if (!loc) return;
  const methods = builder.serviceMethods(`jsonrpc:${name}`, first, () => {
    builder.dependOn(requests.map((r) => r.declaration));
    return requests.map(({ method, declaration, signature }): Method => {
      const at = locOf(declaration.name, relative);
      const byPosition = !signature.positional && sentByPosition(declaration, checker);
      const params: Param[] = signature.params.map((type, i) => {
        const member = builder.memberShape(type, false);
        // Sent by position, the one parameter travels wrapped in an array: `[P]`.
        const shape: Shape = byPosition ? { kind: 'tuple', elements: [{ shape: member.shape, optional: member.optional }] } : member.shape;
        const optional = byPosition ? false : member.optional;
        const param: Param = { name: signature.positional ? `p${i + 1}` : 'params', shape, optional };
        if (at) param.loc = at;
        return param;
      });
      const result = signature.kind === 'request' ? resultType(signature.result, checker) : 'void';
      const built: Method = { name: methodPart(method), params, result: result === 'void' ? { kind: 'void' } : builder.shapeOf(result) };
      if (at) built.loc = at;
      const suppressions = suppressionsOf(declaration.parent.parent, relative);
      if (suppressions) built.suppressions = suppressions;
      return built;
    });
  });
  const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'jsonrpc', roles: { caller: 'request sender', callee: 'request handler' }, methods };
  if (name !== 'jsonrpc') contract.methodSeparator = '/';
  context.add(contract, first.name);
}
