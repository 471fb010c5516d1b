import { ts } from '@ts-morph/common';
import { skipOuter, unionRead, type Read } from './read-shapes.js';

/** Library calls whose schema is one of several options, and where those options are written. */
export const UNIONS = new Set(['union', 'xor', 'discriminatedUnion', 'variant', 'or']);

/** What reading a schema in place needs from the schema reader. */
export interface InPlaceReader {
  schemaConst(expr: ts.Identifier | ts.PropertyAccessExpression): { declaration: ts.VariableDeclaration & { initializer: ts.Expression } } | undefined;
  /** The options of a union call (`z.union([A, B])`, `A.or(B)`), or undefined when it is not one. */
  unionOptions(call: ts.CallExpression): readonly ts.Expression[] | undefined;
  read(expr: ts.Expression): Read;
  /** Consts being read in place already: a cycle of them is left as refs. */
  inlining: Set<ts.Node>;
  dependOn(declaration: ts.Node): void;
}

/**
 * A schema expression read so that a check can be added to it: another schema const is read from its initializer
 * instead of as a ref, and a union's options likewise, one level down. The check then lives on this use only.
 * Undefined when nothing can be read in place (a recursive schema, an expression of another kind).
 */
export function inPlace(node: ts.Expression, reader: InPlaceReader): Read | undefined {
  const expr = skipOuter(node);
  if (ts.isIdentifier(expr) || ts.isPropertyAccessExpression(expr)) {
    const target = reader.schemaConst(expr);
    if (!target || reader.inlining.has(target.declaration)) return undefined;
    reader.inlining.add(target.declaration);
    reader.dependOn(target.declaration);
    try {
      const read = reader.read(target.declaration.initializer);
      // A const that is itself a union of refs (or a ref) is read one step further.
      return read.shape.kind === 'ref' || read.shape.kind === 'union' ? (inPlace(target.declaration.initializer, reader) ?? read) : read;
    } finally {
      reader.inlining.delete(target.declaration);
    }
  }
  const options = ts.isCallExpression(expr) ? reader.unionOptions(expr) : undefined;
  if (!options) return undefined;
  return unionRead(options.map((option) => inPlace(option, reader) ?? reader.read(option)));
}
