import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';

export const TRPC_PACKAGES = ['@trpc/server'] as const;

/** A property of a type, read through the checker (intersections and mapped types included). */
export function propertyType(type: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined {
  const property = checker.getPropertyOfType(type, name);
  return property ? checker.getTypeOfSymbol(property) : undefined;
}

/**
 * The `_def` of a router or procedure, when `type` has one declared by tRPC itself (`RouterDef`,
 * `Procedure`), whatever the project calls its helpers: that is what makes it a router or a procedure.
 */
function trpcDef(type: ts.Type, checker: ts.TypeChecker, owner: 'RouterDef' | 'Procedure'): ts.Type | undefined {
  const def = checker.getPropertyOfType(type, '_def');
  const declaration = def?.declarations?.[0];
  if (!def || !declaration || !declaredByPackage(declaration, TRPC_PACKAGES)) return undefined;
  const defType = checker.getTypeOfSymbol(def);
  if (owner === 'RouterDef') return checker.getPropertyOfType(defType, 'record') && checker.getPropertyOfType(defType, '_config') ? defType : undefined;
  return checker.getPropertyOfType(defType, '$types') && checker.getPropertyOfType(defType, 'procedure') ? defType : undefined;
}

export interface RouterInfo {
  record: ts.Type;
  /** True when the root config has a transformer (superjson, in practice). */
  transformer: boolean;
}

export function routerInfo(type: ts.Type, checker: ts.TypeChecker): RouterInfo | undefined {
  const def = trpcDef(type, checker, 'RouterDef');
  if (!def) return undefined;
  const record = propertyType(def, 'record', checker);
  if (!record) return undefined;
  const config = propertyType(def, '_config', checker);
  const types = config && propertyType(config, '$types', checker);
  const transformer = types && propertyType(types, 'transformer', checker);
  return { record, transformer: !!transformer && isTrue(transformer) };
}

export interface ProcedureInfo {
  kind: 'query' | 'mutation' | 'subscription';
  input: ts.Type;
  output: ts.Type;
}

export function procedureInfo(type: ts.Type, checker: ts.TypeChecker): ProcedureInfo | undefined {
  const def = trpcDef(type, checker, 'Procedure');
  if (!def) return undefined;
  const types = propertyType(def, '$types', checker);
  const input = types && propertyType(types, 'input', checker);
  const output = types && propertyType(types, 'output', checker);
  const kindType = propertyType(def, 'type', checker);
  if (!input || !output || !kindType?.isStringLiteral()) return undefined;
  const kind = kindType.value;
  if (kind !== 'query' && kind !== 'mutation' && kind !== 'subscription') return undefined;
  return { kind, input, output };
}

function isTrue(type: ts.Type): boolean {
  return !!(type.flags & ts.TypeFlags.BooleanLiteral) && (type as { intrinsicName?: string }).intrinsicName === 'true';
}
