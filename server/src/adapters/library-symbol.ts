import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../contracts/adapter-hook.js';

/**
 * The name a library declares the called or constructed thing under (`proxyActivities`, `MessagePattern`), whatever
 * the project imported it as (`import { proxyActivities as proxy }`); undefined when it is not one of the packages'.
 */
export function libraryName(expression: ts.Expression, checker: ts.TypeChecker, packages: readonly string[]): string | undefined {
  const at = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  let symbol = checker.getSymbolAtLocation(at);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  return symbol && declaration && declaredByPackage(declaration, packages) ? symbol.getName() : undefined;
}

/** Whether a module specifier (`'@temporalio/workflow'`, or a re-exporting module of the project) resolves to the package. */
export function importsPackage(file: ts.SourceFile, checker: ts.TypeChecker, packages: readonly string[]): boolean {
  return file.statements.some((statement) => {
    if (!ts.isImportDeclaration(statement)) return false;
    const declaration = checker.getSymbolAtLocation(statement.moduleSpecifier)?.declarations?.[0];
    return !!declaration && declaredByPackage(declaration, packages);
  });
}
