import { ts } from '@ts-morph/common';
import { topLevelDeclarations, type ParsedFile } from './parsed-file.js';

/** Which type names a file can refer to and which ones a snippet of restored text needs. */

/** Names a type written in this file can refer to: its own declarations and imports. */
export function namesInScope(parsed: ParsedFile): Set<string> {
  const names = new Set<string>();
  for (const s of topLevelDeclarations(parsed)) {
    const name = (s as { name?: ts.Node }).name;
    if (name && ts.isIdentifier(name)) names.add(name.text);
    if (ts.isImportDeclaration(s) && s.importClause) {
      const clause = s.importClause;
      if (clause.name) names.add(clause.name.text);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) for (const el of bindings.elements) names.add(el.name.text);
    }
  }
  return names;
}

/** Type names a snippet of TypeScript type or member text refers to (first segment of qualified names). */
export function referencedTypeNames(memberText: string): string[] {
  const sf = ts.createSourceFile('snippet.ts', `interface __Snippet { ${memberText} }`, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  const typeParams = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isTypeParameterDeclaration(node)) typeParams.add(node.name.text);
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node)) {
      let name: ts.Node = ts.isTypeReferenceNode(node) ? node.typeName : node.expression;
      while (ts.isQualifiedName(name)) name = name.left;
      while (ts.isPropertyAccessExpression(name)) name = name.expression;
      if (ts.isIdentifier(name)) names.add(name.text);
    }
    if (ts.isTypeQueryNode(node)) {
      let name: ts.Node = node.exprName;
      while (ts.isQualifiedName(name)) name = name.left;
      if (ts.isIdentifier(name)) names.add(name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...names].filter((n) => !typeParams.has(n));
}
