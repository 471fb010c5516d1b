import { ts } from '@ts-morph/common';

/**
 * A pattern as Nest matches it: a string as it is, an object (`{ cmd: 'sum' }`) as JSON with its keys sorted, which
 * is how Nest turns object patterns into routes. Undefined when a part is not a literal the checker knows.
 */
export function patternName(node: ts.Expression | undefined, checker: ts.TypeChecker): string | undefined {
  if (!node) return undefined;
  const value = literalValue(node, checker);
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

type PatternValue = string | number | boolean | { [key: string]: PatternValue };

function literalValue(node: ts.Expression, checker: ts.TypeChecker): PatternValue | undefined {
  let at = node;
  while (ts.isParenthesizedExpression(at) || ts.isAsExpression(at) || ts.isSatisfiesExpression(at)) at = at.expression;
  if (ts.isObjectLiteralExpression(at)) {
    const entries: [string, PatternValue][] = [];
    for (const property of at.properties) {
      if (!ts.isPropertyAssignment(property) || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) return undefined;
      const value = literalValue(property.initializer, checker);
      if (value === undefined) return undefined;
      entries.push([property.name.text, value]);
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  }
  const type = checker.getTypeAtLocation(at);
  if (type.isStringLiteral() || type.isNumberLiteral()) return type.value;
  if (type.flags & ts.TypeFlags.BooleanLiteral) return checker.typeToString(type) === 'true';
  return undefined;
}
