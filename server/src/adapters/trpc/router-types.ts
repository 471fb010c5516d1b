import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';
import type { PackageNameOf } from '../../contracts/schemas/library.js';

export const TRPC_PACKAGES = ['@trpc/server'] as const;

/** A property of a type, read through the checker (intersections and mapped types included). */
export function propertyType(type: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined {
  const property = checker.getPropertyOfType(type, name);
  return property ? checker.getTypeOfSymbol(property) : undefined;
}

/**
 * The `_def` of a router or procedure, when `type` has one declared by tRPC itself (`RouterDef`,
 * `Procedure`), whatever the project calls its helpers: that is what makes it a router or a procedure.
 * v10 and v11 share the router's `record` and `_config`; a v11 procedure's `_def` holds `$types` and
 * `procedure`, a v10 one the parsers' `_input_in` and `_output_out` directly.
 */
function trpcDef(type: ts.Type, checker: ts.TypeChecker, owner: 'RouterDef' | 'Procedure', packageNameOf: PackageNameOf): ts.Type | undefined {
  const def = checker.getPropertyOfType(type, '_def');
  const declaration = def?.declarations?.[0];
  if (!def || !declaration || !declaredByPackage(declaration, TRPC_PACKAGES, packageNameOf)) return undefined;
  const defType = checker.getTypeOfSymbol(def);
  const has = (name: string) => !!checker.getPropertyOfType(defType, name);
  if (owner === 'RouterDef') return has('record') && has('_config') ? defType : undefined;
  return (has('$types') && has('procedure')) || (has('_input_in') && has('_output_out')) ? defType : undefined;
}

export interface RouterInfo {
  record: ts.Type;
  /** True when the root config has a transformer (superjson, in practice). */
  transformer: boolean;
}

export function routerInfo(type: ts.Type, checker: ts.TypeChecker, packageNameOf: PackageNameOf): RouterInfo | undefined {
  const def = trpcDef(type, checker, 'RouterDef', packageNameOf);
  if (!def) return undefined;
  const record = propertyType(def, 'record', checker);
  if (!record) return undefined;
  const config = propertyType(def, '_config', checker);
  const types = config && propertyType(config, '$types', checker);
  const transformer = types && propertyType(types, 'transformer', checker);
  return { record, transformer: !!transformer && transformerSet(transformer, checker) };
}

/**
 * v11 says whether a transformer was given as `true`; v10 keeps the transformer's own type, and
 * `DefaultDataTransformer` (marked `_default: true`) when none was given.
 */
function transformerSet(transformer: ts.Type, checker: ts.TypeChecker): boolean {
  if (transformer.flags & ts.TypeFlags.BooleanLiteral) return isTrue(transformer);
  return !!(transformer.flags & ts.TypeFlags.Object) && !checker.getPropertyOfType(transformer, '_default');
}

export interface ProcedureInfo {
  kind: 'query' | 'mutation' | 'subscription';
  /** Undefined when the procedure takes no input (v10 leaves its `UnsetMarker` there). */
  input: ts.Type | undefined;
  output: ts.Type;
}

export function procedureInfo(type: ts.Type, checker: ts.TypeChecker, packageNameOf: PackageNameOf): ProcedureInfo | undefined {
  const def = trpcDef(type, checker, 'Procedure', packageNameOf);
  if (!def) return undefined;
  const types = propertyType(def, '$types', checker);
  const v10 = !types;
  const input = v10 ? propertyType(def, '_input_in', checker) : propertyType(types, 'input', checker);
  const output = v10 ? propertyType(def, '_output_out', checker) : propertyType(types, 'output', checker);
  // v11 names the kind in `_def.type`, v10 on the procedure itself (`_type`).
  const kindType = v10 ? propertyType(type, '_type', checker) : propertyType(def, 'type', checker);
  if (!input || !output || !kindType?.isStringLiteral()) return undefined;
  const kind = kindType.value;
  if (kind !== 'query' && kind !== 'mutation' && kind !== 'subscription') return undefined;
  return { kind, input: input.flags & ts.TypeFlags.UniqueESSymbol ? undefined : input, output };
}

function isTrue(type: ts.Type): boolean {
  return !!(type.flags & ts.TypeFlags.BooleanLiteral) && (type as { intrinsicName?: string }).intrinsicName === 'true';
}
