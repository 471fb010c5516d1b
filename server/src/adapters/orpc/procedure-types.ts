import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';

export const ORPC_PACKAGES = ['@orpc/server', '@orpc/contract'] as const;

export interface OrpcProcedure {
  /** Undefined when the procedure takes no input (its input schema accepts `unknown`). */
  input: ts.Type | undefined;
  output: ts.Type;
  /** A contract-first procedure (`oc.input(..)`), as opposed to one with a handler (`os.….handler(..)`). */
  contract: boolean;
}

const prop = (type: ts.Type, name: string, checker: ts.TypeChecker): ts.Type | undefined => {
  const symbol = checker.getPropertyOfType(type, name);
  return symbol ? checker.getNonNullableType(checker.getTypeOfSymbol(symbol)) : undefined;
};

/**
 * A procedure of oRPC (`Procedure`, `ContractProcedure` and what builds on them) is known by the `~orpc` member
 * oRPC's own classes declare; its input and output are the Standard Schema types of its schemas (`~standard.types`).
 * After `.handler(fn)` the output schema's type is the handler's result, so the output is what the server writes.
 */
export function orpcProcedure(type: ts.Type, checker: ts.TypeChecker): OrpcProcedure | undefined {
  const def = checker.getPropertyOfType(type, '~orpc');
  const declaration = def?.declarations?.[0];
  if (!def || !declaration || !declaredByPackage(declaration, ORPC_PACKAGES)) return undefined;
  const owner = declaration.parent;
  if (!ts.isClassDeclaration(owner) || !owner.name || !/^(Contract)?Procedure$/.test(owner.name.text)) return undefined;
  const defType = checker.getTypeOfSymbol(def);
  const schemaTypes = (name: string) => {
    const schema = prop(defType, name, checker);
    const standard = schema && prop(schema, '~standard', checker);
    return standard && prop(standard, 'types', checker);
  };
  const inputTypes = schemaTypes('inputSchema');
  const outputTypes = schemaTypes('outputSchema');
  // Kept as written: an input that may be undefined is an optional one.
  const raw = (types: ts.Type | undefined, name: string) => {
    const symbol = types && checker.getPropertyOfType(types, name);
    return symbol && checker.getTypeOfSymbol(symbol);
  };
  const input = raw(inputTypes, 'input');
  const output = raw(outputTypes, 'output');
  return {
    input: !input || input.flags & ts.TypeFlags.Unknown ? undefined : input,
    output: output ?? checker.getAnyType(),
    contract: owner.name.text === 'ContractProcedure',
  };
}
