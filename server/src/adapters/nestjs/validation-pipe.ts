import { ts } from '@ts-morph/common';
import { libraryName } from '../library-symbol.js';
import type { ReaderPolicy } from '../../engine/shape.js';

/**
 * What the project's `new ValidationPipe({ whitelist, forbidNonWhitelisted })` does with keys a DTO class does not
 * declare: `whitelist` strips them, `forbidNonWhitelisted` (with it) rejects the payload. The strictest pipe the
 * project builds is taken: where a pipe applies (global, controller, handler) is not followed.
 */
export function validationPolicy(files: readonly ts.SourceFile[], checker: ts.TypeChecker): ReaderPolicy | undefined {
  let policy: ReaderPolicy | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && libraryName(node.expression, checker, ['@nestjs/common']) === 'ValidationPipe') {
      const options = node.arguments?.[0];
      if (options && ts.isObjectLiteralExpression(options)) {
        const whitelist = flag(options, 'whitelist');
        const forbid = flag(options, 'forbidNonWhitelisted');
        if (whitelist && forbid) policy = 'strict';
        else if (whitelist && policy !== 'strict') policy = 'strip';
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return policy;
}

function flag(options: ts.ObjectLiteralExpression, key: string): boolean {
  return options.properties.some((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === key && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}
