import { ts } from '@ts-morph/common';
import { declaredByPackage, type AdapterContext, type ContractAdapter } from '../../contracts/adapter-hook.js';
import { locOf, nameNode, suppressionsOf } from '../../contracts/locations.js';
import type { ContractRoles, Method, ServiceContract } from '../../engine/shape.js';
import { paramOf } from '../parameter.js';
import { resultType } from '../stream-element.js';
import { ADAPTER_PACKAGES } from '../names.js';

const TYPES_PACKAGE = '@cloudflare/workers-types';
const ENTRYPOINTS = new Set(['WorkerEntrypoint', 'DurableObject']);
/** Where wrangler's generated `worker-configuration.d.ts` (and the types package) declare `cloudflare:workers`. */
const MODULE_NAMESPACE = 'CloudflareWorkersModule';

/**
 * Cloudflare Workers RPC: a class extending `WorkerEntrypoint` or `DurableObject` (from `cloudflare:workers`) is a
 * service named by the class; its public methods are what callers reach through a binding. Values travel by
 * structured clone. Handlers the runtime calls itself (`fetch`, `alarm`, …) are not RPC methods.
 */
const cloudflare: ContractAdapter & { name: 'cloudflare' } = {
  name: 'cloudflare',
  packages: ADAPTER_PACKAGES.cloudflare,
  ambientTypes: [TYPES_PACKAGE],
  collect(context) {
    for (const file of context.files) visit(file.statements, context);
  },
};
export default cloudflare;

function visit(statements: ts.NodeArray<ts.Statement>, context: AdapterContext): void {
  for (const statement of statements) {
    if (ts.isModuleDeclaration(statement)) {
      let module: ts.ModuleDeclaration = statement;
      while (module.body && ts.isModuleDeclaration(module.body)) module = module.body;
      if (module.body && ts.isModuleBlock(module.body)) visit(module.body.statements, context);
    } else if (ts.isClassDeclaration(statement) && statement.name && statement.heritageClauses && !isAbstract(statement)) {
      const base = entrypointBase(statement, context.checker);
      if (base) addService(context, statement as ts.ClassDeclaration & { name: ts.Identifier }, base);
    }
  }
}

/** An abstract class is a base for entrypoints, never bound itself. */
const isAbstract = (declaration: ts.ClassDeclaration) => !!(ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract);

/** The library class this one extends, directly or through the project's own base classes. */
function entrypointBase(declaration: ts.ClassDeclaration, checker: ts.TypeChecker): ts.InterfaceType | undefined {
  let type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name!)!) as ts.InterfaceType;
  for (let depth = 0; depth < 20; depth++) {
    const [base] = checker.getBaseTypes(type);
    if (!base) return undefined;
    const symbol = base.getSymbol();
    const baseDeclaration = symbol?.declarations?.[0];
    if (symbol && baseDeclaration && ENTRYPOINTS.has(symbol.getName()) && isLibraryDeclaration(baseDeclaration)) return base as ts.InterfaceType;
    type = base as ts.InterfaceType;
  }
  return undefined;
}

function isLibraryDeclaration(node: ts.Node): boolean {
  if (declaredByPackage(node, [TYPES_PACKAGE])) return true;
  const namespace = node.parent.parent;
  return node.getSourceFile().isDeclarationFile && ts.isModuleDeclaration(namespace) && namespace.name.text === MODULE_NAMESPACE;
}

function addService(context: AdapterContext, declaration: ts.ClassDeclaration & { name: ts.Identifier }, base: ts.InterfaceType): void {
  const { builder, checker, relative } = context;
  const loc = locOf(declaration.name, relative);
  if (!loc) return;
  const name = declaration.name.text;
  const runtimeHandlers = new Set(checker.getPropertiesOfType(base).map((p) => p.getName()));
  const type = checker.getDeclaredTypeOfSymbol(checker.getSymbolAtLocation(declaration.name)!);
  const methods = builder.serviceMethods(`cloudflare:${name}`, declaration, () => {
    const found: Method[] = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const member = property.valueDeclaration;
      builder.dependOn(property.declarations);
      if (!member || runtimeHandlers.has(property.getName()) || property.getName().startsWith('#')) continue;
      if (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) continue;
      const [signature] = checker.getNonNullableType(checker.getTypeOfSymbol(property)).getCallSignatures();
      if (!signature) continue;
      const method: Method = {
        name: property.getName(),
        params: signature.getParameters().map((parameter, i) => paramOf(parameter, i, context)),
        result: resultShape(signature, context),
      };
      const at = locOf(nameNode(member), relative);
      if (at) method.loc = at;
      const suppressions = suppressionsOf(member, relative);
      if (suppressions) method.suppressions = suppressions;
      found.push(method);
    }
    return found;
  });
  const contract: ServiceContract = { kind: 'service', name, loc, source: 'adapter', adapter: 'cloudflare', codec: 'structured-clone', roles: endsOf(base), methods };
  context.add(contract, declaration.name);
}

function resultShape(signature: ts.Signature, { builder, checker }: AdapterContext): Method['result'] {
  const result = resultType(signature.getReturnType(), checker);
  return result === 'void' ? { kind: 'void' } : builder.shapeOf(result);
}

/** A Worker calls another Worker's entrypoint through a service binding, or a Durable Object through its stub. */
function endsOf(base: ts.InterfaceType): ContractRoles {
  return { caller: 'calling Worker', callee: base.getSymbol()?.getName() === 'DurableObject' ? 'Durable Object' : 'entrypoint Worker' };
}
