import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { offsetOf, type ParsedFile } from './parsed-file.js';

/**
 * Where a procedure of a router written as an object literal (`t.router({...})`, an oRPC `{...}` router) lives in
 * the working tree: the literal reached from the same variable through the same keys as the literal that held
 * the baseline property named at `baselineName`. Found by the way back from the baseline property, so it is
 * the same router even after its other procedures changed; undefined when that way no longer exists.
 */
export function routerLiteralFor(old: ParsedFile, baselineName: Range, target: ParsedFile): ts.ObjectLiteralExpression | undefined {
  const route = routeTo(old, offsetOf(old, baselineName.start));
  if (!route) return undefined;
  const declaration = variableNamed(target, route.variable);
  let literal = declaration?.initializer && literalOf(declaration.initializer);
  for (const key of route.keys) {
    const property = literal?.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyName(p) === key);
    literal = property && literalOf(property.initializer);
  }
  return literal;
}

/** The variable a baseline property's router hangs from, and the keys from it down to the property's literal. */
function routeTo(parsed: ParsedFile, nameStart: number): { variable: string; keys: string[] } | undefined {
  let property: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && node.name.getStart(parsed.source) === nameStart) property = node;
    else if (node.pos <= nameStart && node.getEnd() > nameStart) ts.forEachChild(node, visit);
  };
  ts.forEachChild(parsed.source, visit);
  if (!property || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  const keys: string[] = [];
  let node: ts.Node = property.parent;
  for (let hops = 0; hops < 32; hops++) {
    const up = holderOf(node);
    if (!up) return undefined;
    if (ts.isVariableDeclaration(up)) return ts.isIdentifier(up.name) ? { variable: up.name.text, keys: keys.reverse() } : undefined;
    const key = propertyName(up);
    if (key === undefined || !ts.isObjectLiteralExpression(up.parent)) return undefined;
    keys.push(key);
    node = up.parent;
  }
  return undefined;
}

/** What holds a router literal: the property or variable whose value is the literal or a call taking it. */
function holderOf(literal: ts.Node): ts.PropertyAssignment | ts.VariableDeclaration | undefined {
  let value: ts.Node = literal;
  if (ts.isCallExpression(literal.parent) && literal.parent.arguments[0] === literal) value = literal.parent;
  const parent = value.parent;
  if (ts.isPropertyAssignment(parent) && parent.initializer === value) return parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === value) return parent;
  return undefined;
}

function literalOf(value: ts.Expression): ts.ObjectLiteralExpression | undefined {
  if (ts.isObjectLiteralExpression(value)) return value;
  const first = ts.isCallExpression(value) ? value.arguments[0] : undefined;
  return first && ts.isObjectLiteralExpression(first) ? first : undefined;
}

function variableNamed(parsed: ParsedFile, name: string): ts.VariableDeclaration | undefined {
  for (const statement of parsed.source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const found = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (found) return found;
  }
  return undefined;
}

function propertyName(node: ts.PropertyAssignment): string | undefined {
  const name = node.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}
