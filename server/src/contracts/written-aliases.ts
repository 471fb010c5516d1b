import { ts } from '@ts-morph/common';
import type { Shape } from '../engine/shape.js';

/** Kinds the checker expands an alias of into plain structure; the others keep their name (refs, named unions). */
const EXPANDED = new Set<Shape['kind']>(['string', 'number', 'boolean', 'literal', 'array']);

/**
 * The shape with the aliases its declaration wrote put back for messages (`Sku[]`, not `string[]`): the checker
 * resolves `type Sku = string` to `string` itself, so only the type node still says `Sku`. `keyOf` gives the
 * unannotated shape of a union member node as a JSON key, to find which variant it became. Comparisons never
 * see the names.
 */
export function withWrittenAliases(shape: Shape, node: ts.TypeNode, checker: ts.TypeChecker, keyOf: (member: ts.TypeNode) => string): Shape {
  while (ts.isParenthesizedTypeNode(node) || (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword)) node = node.type;
  if (ts.isTypeReferenceNode(node)) {
    // Most references name an interface (a ref): only an expanded shape can have lost a name, and resolving the
    // written name costs the checker a lookup.
    if (!EXPANDED.has(shape.kind)) return shape;
    const name = aliasName(node, checker);
    return name ? { ...shape, alias: name } as Shape : shape;
  }
  if (ts.isArrayTypeNode(node) && shape.kind === 'array') {
    const element = withWrittenAliases(shape.element, node.elementType, checker, keyOf);
    return element === shape.element ? shape : { ...shape, element };
  }
  if (!ts.isUnionTypeNode(node)) return shape;
  const written = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword && mentionsReference(t));
  // `items?: Sku[] | undefined`: the `undefined` became `optional`, leaving one member as the whole shape.
  if (shape.kind !== 'union') {
    const only = node.types.filter((t) => t.kind !== ts.SyntaxKind.UndefinedKeyword);
    return only.length === 1 && only[0] ? withWrittenAliases(shape, only[0], checker, keyOf) : shape;
  }
  if (written.length === 0) return shape;
  const variants = [...shape.variants];
  for (const member of written) {
    const key = keyOf(member);
    const at = variants.findIndex((v) => JSON.stringify(v) === key);
    if (at >= 0) variants[at] = withWrittenAliases(variants[at]!, member, checker, keyOf);
  }
  return variants.every((v, i) => v === shape.variants[i]) ? shape : { ...shape, variants };
}

/** The name of a non-generic type alias the reference is written with, followed through imports. */
function aliasName(node: ts.TypeReferenceNode, checker: ts.TypeChecker): string | undefined {
  if (node.typeArguments?.length) return undefined;
  let symbol = checker.getSymbolAtLocation(node.typeName);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  if (!symbol || !(symbol.flags & ts.SymbolFlags.TypeAlias)) return undefined;
  const declaration = symbol.declarations?.find(ts.isTypeAliasDeclaration);
  if (!declaration || declaration.typeParameters?.length) return undefined;
  return node.typeName.getText();
}

const mentionsReference = (node: ts.Node): boolean => ts.isTypeReferenceNode(node) || (ts.forEachChild(node, mentionsReference) ?? false);
