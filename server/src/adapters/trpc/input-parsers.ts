import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';
import type { PackageNameOf } from '../../contracts/schemas/library.js';
import { skipOuter } from '../../contracts/schemas/read-shapes.js';
import { TRPC_PACKAGES } from './router-types.js';

/** Builder methods that neither add nor drop an input parser: the chain before them holds all of the procedure's. */
const KEEPS_INPUTS = new Set(['use', 'meta', 'output', 'errors', 'query', 'mutation', 'subscription']);

/**
 * The `.input(…)` arguments of a procedure, in the order they are stacked, followed from its declaration in the
 * router object through the builder chain and the consts it goes through (`publicProcedure = t.procedure`, a
 * base procedure with an input of its own elsewhere). Undefined when any link is something else (a function
 * returning a builder, `.concat()` of another builder): then the parsers cannot all be named from source.
 */
export function inputParsers(declaration: ts.Declaration, checker: ts.TypeChecker, packageNameOf: PackageNameOf): ts.Expression[] | undefined {
  let start: ts.Expression | undefined;
  if (ts.isPropertyAssignment(declaration)) start = declaration.initializer;
  else if (ts.isShorthandPropertyAssignment(declaration)) start = declaration.name;
  return start && chain(start, checker, packageNameOf, new Set());
}

function chain(node: ts.Expression, checker: ts.TypeChecker, packageNameOf: PackageNameOf, seen: Set<ts.Node>): ts.Expression[] | undefined {
  const expr = skipOuter(node);
  const ownMember = (name: ts.Node) => {
    const declaration = symbolAt(name, checker)?.declarations?.[0];
    return !!declaration && declaredByPackage(declaration, TRPC_PACKAGES, packageNameOf);
  };
  if (ts.isCallExpression(expr)) {
    const callee = skipOuter(expr.expression);
    if (!ts.isPropertyAccessExpression(callee) || !ownMember(callee.name)) return undefined;
    const method = callee.name.text;
    if (method !== 'input' && !KEEPS_INPUTS.has(method)) return undefined;
    const before = chain(callee.expression, checker, packageNameOf, seen);
    if (!before || method !== 'input') return before;
    const parser = expr.arguments[0];
    return parser ? [...before, parser] : undefined;
  }
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return undefined;
  // `t.procedure`: tRPC's base builder, which has no input yet.
  if (ts.isPropertyAccessExpression(expr) && ownMember(expr.name)) return [];
  const value = valueDeclaration(expr, checker);
  if (!value || seen.has(value) || !ts.isVariableDeclaration(value) || !value.initializer || value.getSourceFile().isDeclarationFile) return undefined;
  seen.add(value);
  return chain(value.initializer, checker, packageNameOf, seen);
}

function symbolAt(node: ts.Node, checker: ts.TypeChecker): ts.Symbol | undefined {
  let symbol =
    ts.isIdentifier(node) && ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol;
}

function valueDeclaration(expr: ts.Identifier | ts.PropertyAccessExpression, checker: ts.TypeChecker): ts.Declaration | undefined {
  return symbolAt(ts.isIdentifier(expr) ? expr : expr.name, checker)?.valueDeclaration;
}
