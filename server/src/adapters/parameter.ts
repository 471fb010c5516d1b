import { ts } from '@ts-morph/common';
import type { AdapterContext } from '../contracts/adapter-hook.js';
import { locOf } from '../contracts/locations.js';
import type { Param } from '../engine/shape.js';

/** A function parameter as an RPC parameter: `?`, a default and a rest parameter all make it optional on the wire. */
export function paramOf(parameter: ts.Symbol, position: number, { builder, checker, relative }: AdapterContext): Param {
  const syntax = parameter.valueDeclaration && ts.isParameter(parameter.valueDeclaration) ? parameter.valueDeclaration : undefined;
  const declaredOptional = !!syntax && (!!syntax.questionToken || !!syntax.initializer || !!syntax.dotDotDotToken);
  const { shape, optional } = builder.memberShape(checker.getTypeOfSymbol(parameter), declaredOptional);
  const param: Param = { name: syntax && !ts.isIdentifier(syntax.name) ? `arg${position}` : parameter.getName(), shape, optional };
  const loc = syntax && locOf(syntax.name, relative);
  if (loc) param.loc = loc;
  return param;
}
