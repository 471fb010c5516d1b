import { ts } from '@ts-morph/common';
import type { Field, Refinement, Shape } from '../../engine/shape.js';

/** What one schema node says about the value at its place: its shape, and how its parent object holds it. */
export interface Read {
  shape: Shape;
  /** The key may be absent (`.optional()`, `.nullish()`). */
  optional?: boolean;
  /** The reader fills it in when absent (`.default()`, `.catch()`, valibot `optional(s, d)`). */
  defaulted?: boolean;
}

const key = (shape: Shape) => JSON.stringify(shape);

/** The same normal form as the type builder's unions: nested unions flattened, duplicates dropped, sorted. */
export function unionOf(shapes: Shape[]): Shape {
  const unique = new Map<string, Shape>();
  for (const shape of shapes.flatMap((s) => (s.kind === 'union' ? s.variants : [s]))) unique.set(key(shape), shape);
  if (unique.size === 0) return { kind: 'never' };
  if (unique.size === 1) return [...unique.values()][0]!;
  const variants = [...unique.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s);
  return { kind: 'union', variants };
}

export function unionRead(reads: Read[]): Read {
  const read: Read = { shape: unionOf(reads.map((r) => r.shape)) };
  if (reads.some((r) => r.optional)) read.optional = true;
  return read;
}

/** The reader accepts `input` where the writer produces `output`; one shape when they are the same. */
export function decoded(input: Read, output: Shape): Read {
  if (key(input.shape) === key(output)) return input;
  return { ...input, shape: { kind: 'decoded', input: input.shape, output } };
}

/**
 * `.catch(v)`, valibot `fallback(s, v)`: the reader replaces whatever fails the schema (a missing key included) by
 * `v`, so it accepts any value there, while its writer still produces the schema's output.
 */
export function caught(inner: Read): Read {
  const written = inner.shape.kind === 'decoded' ? inner.shape.output : inner.shape;
  return { ...decoded({ shape: { kind: 'any' } }, written), optional: false, defaulted: true };
}

/** Adds a reader check where the model keeps checks; on other shapes (a literal, a ref) it cannot be shown. */
export function withCheck(read: Read, check: Refinement): Read {
  const shape = read.shape;
  if (shape.kind === 'string' || shape.kind === 'number' || shape.kind === 'array' || shape.kind === 'object') {
    return { ...read, shape: { ...shape, checks: [...(shape.checks ?? []), check] } };
  }
  if (shape.kind === 'decoded') return { ...read, shape: { ...shape, input: withCheck({ shape: shape.input }, check).shape } };
  // A check on a union runs on whichever variant the value is: each variant that can hold it carries it.
  if (shape.kind === 'union') return { ...read, shape: { ...shape, variants: shape.variants.map((v) => withCheck({ shape: v }, check).shape) } };
  return read;
}

/** A field as its parent object holds it. */
export function fieldOf(name: string, read: Read): Field {
  const field: Field = { name, shape: read.shape, optional: !!read.optional };
  if (read.defaulted && !read.optional) field.defaulted = true;
  return field;
}

/** A check's argument when it is written as a literal (`.min(3)`, `.regex(/^a/)`, `v.minLength(3)`). */
export function literalArgument(node: ts.Expression | undefined): string | number | undefined {
  if (!node) return undefined;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(node.operand)) return -Number(node.operand.text);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isRegularExpressionLiteral(node)) return node.text;
  return undefined;
}

/** A property name as a key on the wire, when it is a constant. */
export function propertyKey(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && (ts.isStringLiteral(name.expression) || ts.isNumericLiteral(name.expression))) return name.expression.text;
  return undefined;
}

/** Parentheses, `as`, `satisfies` and `!` change nothing a reader does. */
export function skipOuter(node: ts.Expression): ts.Expression {
  let expr = node;
  while (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr) || ts.isNonNullExpression(expr) || ts.isTypeAssertionExpression(expr)) {
    expr = expr.expression;
  }
  return expr;
}
