import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../contracts/adapter-hook.js';
import type { PackageNameOf } from '../contracts/schemas/library.js';
import { skipOuter } from '../contracts/schemas/read-shapes.js';

/** How a framework's procedure builder takes input parsers. */
export interface BuilderDialect {
  /** The framework's packages: their members make the chain, and a value they declare is its base (no input yet). */
  packages: readonly string[];
  /** Methods that add an input parser (`.input(schema)`). */
  inputs: ReadonlySet<string>;
  /** Methods that neither add nor drop one: the chain before them holds all of the procedure's. */
  keeps: ReadonlySet<string>;
}

/**
 * The `.input(…)` arguments of a procedure, in the order they are given, followed from its declaration in the
 * router object through the builder chain and the consts it goes through (tRPC's `publicProcedure = t.procedure`,
 * a base procedure with an input of its own elsewhere). Undefined when any link is something else (a function
 * returning a builder, tRPC's `.concat()`): then the parsers cannot all be named from source.
 */
export function inputParsers(declaration: ts.Declaration, checker: ts.TypeChecker, packageNameOf: PackageNameOf, dialect: BuilderDialect): ts.Expression[] | undefined {
  let start: ts.Expression | undefined;
  if (ts.isPropertyAssignment(declaration)) start = declaration.initializer;
  else if (ts.isShorthandPropertyAssignment(declaration)) start = declaration.name;
  return start && chain(start, { checker, packageNameOf, dialect }, new Set());
}

interface Walk {
  checker: ts.TypeChecker;
  packageNameOf: PackageNameOf;
  dialect: BuilderDialect;
}

function chain(node: ts.Expression, walk: Walk, seen: Set<ts.Node>): ts.Expression[] | undefined {
  const { checker, packageNameOf, dialect } = walk;
  const expr = skipOuter(node);
  const frameworks = (name: ts.Node) => {
    const declaration = symbolAt(name, checker)?.declarations?.[0];
    return !!declaration && declaredByPackage(declaration, dialect.packages, packageNameOf);
  };
  if (ts.isCallExpression(expr)) {
    const callee = skipOuter(expr.expression);
    if (!ts.isPropertyAccessExpression(callee) || !frameworks(callee.name)) return undefined;
    const method = callee.name.text;
    const adds = dialect.inputs.has(method);
    if (!adds && !dialect.keeps.has(method)) return undefined;
    const before = chain(callee.expression, walk, seen);
    if (!before || !adds) return before;
    const parser = expr.arguments[0];
    return parser ? [...before, parser] : undefined;
  }
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr)) return undefined;
  // The framework's base builder (tRPC's `t.procedure`, oRPC's `os`), which has no input yet.
  if (frameworks(ts.isIdentifier(expr) ? expr : expr.name)) return [];
  const value = valueDeclaration(expr, checker);
  if (!value || seen.has(value) || !ts.isVariableDeclaration(value) || !value.initializer || value.getSourceFile().isDeclarationFile) return undefined;
  seen.add(value);
  return chain(value.initializer, walk, seen);
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
