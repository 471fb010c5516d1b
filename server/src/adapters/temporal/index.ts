import { ts } from '@ts-morph/common';
import type { AdapterContext, ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { ContractRoles, Method, Param, ServiceContract, Shape } from '../../engine/shape.js';
import { importsPackage, libraryName } from '../library-symbol.js';
import { paramOf } from '../parameter.js';
import { resultType } from '../stream-element.js';
import { ADAPTER_PACKAGES } from '../names.js';

const WORKFLOW_PACKAGE = '@temporalio/workflow';

/** A method and the node it is anchored at (the activity function, the workflow function, the `defineSignal` call). */
interface Found {
  method: Method;
  at: ts.Node;
}

type Service = 'Activities' | 'Workflows' | 'Signals' | 'Queries' | 'Updates';

/**
 * Temporal (TypeScript SDK): activities proxied by a workflow (`proxyActivities<typeof activities>()`,
 * `proxyLocalActivities`) are the `Activities` service, the workflow worker calling and the activity worker serving;
 * exported functions of workflow modules (those importing `@temporalio/workflow`) are `Workflows`, started by a
 * client; `defineSignal`, `defineQuery` and `defineUpdate` are `Signals`, `Queries` and `Updates`, named by their
 * string name. A workflow's history keeps inputs, activity results and signal arguments and replays them on new
 * code, so every one of these contracts is persisted.
 */
const temporal: ContractAdapter & { name: 'temporal' } = {
  name: 'temporal',
  packages: ADAPTER_PACKAGES.temporal,
  collect(context) {
    const services = new Map<Service, Map<string, Found>>();
    const put = (service: Service, found: Found) => {
      const methods = services.get(service) ?? new Map<string, Found>();
      services.set(service, methods);
      // One activity proxied by several workflows, one signal defined twice: the first is the contract.
      if (!methods.has(found.method.name)) methods.set(found.method.name, found);
    };
    for (const file of context.files) {
      if (importsPackage(file, context.checker, [WORKFLOW_PACKAGE])) for (const found of workflowFunctions(file, context)) put('Workflows', found);
      const visit = (node: ts.Node) => {
        if (ts.isCallExpression(node)) callOf(node, context, put);
        ts.forEachChild(node, visit);
      };
      visit(file);
    }
    for (const [name, methods] of services) addService(context, name, [...methods.values()]);
  },
};
export default temporal;

function callOf(call: ts.CallExpression, context: AdapterContext, put: (service: Service, found: Found) => void): void {
  if (!ts.isIdentifier(call.expression) && !ts.isPropertyAccessExpression(call.expression)) return;
  const callee = libraryName(call.expression, context.checker, [WORKFLOW_PACKAGE]);
  if (!callee || !['proxyActivities', 'proxyLocalActivities', 'defineSignal', 'defineQuery', 'defineUpdate'].includes(callee)) return;
  const typeArguments = call.typeArguments?.map((node) => context.checker.getTypeFromTypeNode(node)) ?? [];
  if (callee === 'proxyActivities' || callee === 'proxyLocalActivities') {
    if (typeArguments[0]) for (const found of activities(typeArguments[0], context)) put('Activities', found);
    return;
  }
  const name = call.arguments[0] && context.checker.getTypeAtLocation(call.arguments[0]);
  if (!name?.isStringLiteral()) return;
  const [result, args] = callee === 'defineSignal' ? [undefined, typeArguments[0]] : [typeArguments[0], typeArguments[1]];
  const method: Method = {
    name: name.value,
    params: args ? tupleParams(args, context) : [],
    result: result ? shapeOfResult(result, context) : { kind: 'void' },
  };
  const service: Service = callee === 'defineSignal' ? 'Signals' : callee === 'defineQuery' ? 'Queries' : 'Updates';
  put(service, { method: anchored(method, call.arguments[0]!, call.parent, context), at: call.arguments[0]! });
}

/** Each function of the proxied activities type is an activity, named as the workflow calls it. */
function activities(type: ts.Type, context: AdapterContext): Found[] {
  const found: Found[] = [];
  for (const property of context.checker.getPropertiesOfType(type)) {
    const [signature] = context.checker.getTypeOfSymbol(property).getCallSignatures();
    const member = property.valueDeclaration ?? property.declarations?.[0];
    if (!signature || !member) continue;
    context.builder.dependOn(property.declarations);
    found.push({ method: anchored(methodOf(property.getName(), signature, context), nameNode(member), member, context), at: nameNode(member) });
  }
  return found;
}

/** `export async function order(…)` and `export const order = async (…) => …` in a workflow module. */
function workflowFunctions(file: ts.SourceFile, context: AdapterContext): Found[] {
  const found: Found[] = [];
  const exported = (node: ts.Node) => !!(ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export);
  for (const statement of file.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name && statement.body && exported(statement)) {
      const signature = context.checker.getSignatureFromDeclaration(statement);
      if (signature) found.push({ method: anchored(methodOf(statement.name.text, signature, context), statement.name, statement, context), at: statement.name });
    } else if (ts.isVariableStatement(statement) && exported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !init || !(ts.isArrowFunction(init) || ts.isFunctionExpression(init))) continue;
        const signature = context.checker.getSignatureFromDeclaration(init);
        if (signature) found.push({ method: anchored(methodOf(declaration.name.text, signature, context), declaration.name, statement, context), at: declaration.name });
      }
    }
  }
  return found;
}

function methodOf(name: string, signature: ts.Signature, context: AdapterContext): Method {
  return {
    name,
    params: signature.getParameters().map((parameter, i) => paramOf(parameter, i, context)),
    result: shapeOfResult(signature.getReturnType(), context),
  };
}

function anchored(method: Method, at: ts.Node, member: ts.Node, { relative }: AdapterContext): Method {
  const loc = locOf(at, relative);
  if (loc) method.loc = loc;
  const suppressions = suppressionsOf(member, relative);
  if (suppressions) method.suppressions = suppressions;
  return method;
}

/** `defineSignal<[orderId: string, reason?: string]>`: the tuple's elements are the arguments, named by their labels. */
function tupleParams(args: ts.Type, { builder, checker }: AdapterContext): Param[] {
  if (!checker.isTupleType(args)) return [];
  const target = (args as ts.TupleTypeReference).target;
  return checker.getTypeArguments(args as ts.TypeReference).map((type, i): Param => {
    const { shape, optional } = builder.memberShape(type, !!(target.elementFlags[i]! & ts.ElementFlags.Optional));
    const label = target.labeledElementDeclarations?.[i]?.name;
    return { name: label && ts.isIdentifier(label) ? label.text : `arg${i + 1}`, shape, optional };
  });
}

function shapeOfResult(type: ts.Type, { builder, checker }: AdapterContext): Shape {
  const result = resultType(type, checker);
  return result === 'void' ? { kind: 'void' } : builder.shapeOf(result);
}

/** Workflows call activities; clients (and other workflows, through a client's API) start and message workflows. */
const ENDS: Record<Service, ContractRoles> = {
  Activities: { caller: 'workflow worker', callee: 'activity worker' },
  Workflows: { caller: 'Temporal client', callee: 'workflow worker' },
  Signals: { caller: 'Temporal client', callee: 'workflow worker' },
  Queries: { caller: 'Temporal client', callee: 'workflow worker' },
  Updates: { caller: 'Temporal client', callee: 'workflow worker' },
};

function addService(context: AdapterContext, name: Service, found: Found[]): void {
  const first = found[0];
  if (!first) return;
  const loc = locOf(first.at, context.relative);
  const declaration = declarationAround(first.at);
  if (!loc) return;
  const methods = context.builder.serviceMethods(`temporal:${name}`, declaration, () => {
    context.builder.dependOn(found.map((f) => f.at));
    return found.map((f) => f.method);
  });
  const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'temporal', codec: 'json', persisted: true, roles: ENDS[name], methods };
  context.add(contract, first.at);
}

function declarationAround(node: ts.Node): ts.Declaration {
  for (let at: ts.Node = node; ; at = at.parent) {
    if (ts.isVariableDeclaration(at) || ts.isPropertyDeclaration(at) || ts.isPropertySignature(at) || ts.isFunctionLike(at) || ts.isClassLike(at) || ts.isSourceFile(at)) return at;
  }
}
