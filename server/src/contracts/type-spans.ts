import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { memberNodeAt } from './member-spans.js';
import { spanOf, topLevelDeclarations, type ParsedFile, type Span } from './parsed-file.js';

/** The type written at a member, its union variants, and whether a type needs parentheses inside a union. */

export interface UnionSpan extends Span {
  variants: (Span & { text: string })[];
}

function promiseArgument(type: ts.TypeNode): ts.TypeNode {
  if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise' && type.typeArguments?.length === 1) {
    return type.typeArguments[0]!;
  }
  return type;
}

/**
 * The type that carries a value at the member named at `range`: a field's or parameter's type, a method's
 * (awaited) result type for `result`. Undefined when the type is inferred.
 */
export function valueTypeAt(parsed: ParsedFile, range: Range, what: 'member' | 'result'): Span | undefined {
  const node = memberNodeAt(parsed, range);
  if (!node) return undefined;
  let type: ts.TypeNode | undefined;
  if (what === 'result') {
    if (ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) type = node.type;
    else if ((ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) && node.type && ts.isFunctionTypeNode(node.type)) type = node.type.type;
    type = type && promiseArgument(type);
  } else if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node) || ts.isParameter(node)) {
    type = node.type;
  } else if (ts.isTypeAliasDeclaration(node)) {
    type = node.type;
  }
  return type && spanOf(type, parsed.source);
}

/**
 * The union at a value type, following an alias declared in the same file (`status: OrderStatus`). A type
 * that is not a union is returned as a union of one.
 */
export function unionAt(parsed: ParsedFile, typeSpan: Span): UnionSpan | undefined {
  let type = findTypeNode(parsed, typeSpan);
  for (let hops = 0; type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && hops < 8; hops++) {
    const name = type.typeName.text;
    const alias = topLevelDeclarations(parsed).find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
    if (!alias || alias.typeParameters) break;
    type = alias.type;
  }
  if (!type) return undefined;
  while (ts.isParenthesizedTypeNode(type)) type = type.type;
  const sf = parsed.source;
  const variants = ts.isUnionTypeNode(type) ? [...type.types] : [type];
  return { ...spanOf(type, sf), variants: variants.map((v) => ({ ...spanOf(v, sf), text: v.getText(sf) })) };
}

function findTypeNode(parsed: ParsedFile, target: Span): ts.TypeNode | undefined {
  let found: ts.TypeNode | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isTypeNode(node) && node.getStart(parsed.source) === target.start && node.getEnd() === target.end) {
      found = node;
      return;
    }
    if (node.pos <= target.start && node.getEnd() >= target.end) ts.forEachChild(node, visit);
  };
  ts.forEachChild(parsed.source, visit);
  return found;
}

/** The variants of a union type node at `typeSpan`, when it is one (`string | undefined`). */
export function unionVariantsOf(parsed: ParsedFile, typeSpan: Span): (Span & { text: string })[] | undefined {
  const type = findTypeNode(parsed, typeSpan);
  if (!type || !ts.isUnionTypeNode(type)) return undefined;
  return type.types.map((v) => ({ ...spanOf(v, parsed.source), text: v.getText(parsed.source) }));
}

/** Whether a type written as `text` must be parenthesised to be one variant of a union (`(() => void) | string`). */
export function needsParensInUnion(text: string): boolean {
  const sf = ts.createSourceFile('snippet.ts', `type __T = ${text};`, ts.ScriptTarget.Latest, true);
  const alias = sf.statements[0];
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return true;
  const t = alias.type;
  return ts.isFunctionTypeNode(t) || ts.isConstructorTypeNode(t) || ts.isConditionalTypeNode(t) || ts.isInferTypeNode(t) || ts.isIntersectionTypeNode(t);
}
