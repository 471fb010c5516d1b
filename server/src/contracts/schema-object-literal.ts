import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { offsetOf, type ParsedFile } from './parsed-file.js';

/**
 * The object literal of fields a schema object is built from, found from where its policy is set (the
 * `object` of `z.object({...})`, or the `strict` of `z.object({...}).strict()`).
 */
export function schemaObjectLiteralAt(parsed: ParsedFile, policyAt: Range): ts.ObjectLiteralExpression | undefined {
  const start = offsetOf(parsed, policyAt.start);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(parsed.source) === start && ts.isIdentifier(node)) found = node;
    else if (node.pos <= start && node.getEnd() > start) ts.forEachChild(node, visit);
  };
  ts.forEachChild(parsed.source, visit);
  let call: ts.Node | undefined = found?.parent;
  if (call && ts.isPropertyAccessExpression(call)) call = call.parent;
  for (let hops = 0; call && ts.isCallExpression(call) && hops < 8; hops++) {
    const first = call.arguments[0];
    if (first && ts.isObjectLiteralExpression(first)) return first;
    // `.strict()` on a receiver: the object is built further left in the chain.
    const callee = call.expression;
    call = ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
  }
  return undefined;
}
