import { ts } from '@ts-morph/common';
import { declaredByPackage } from '../../contracts/adapter-hook.js';

export const JSONRPC_LIBRARY = ['vscode-jsonrpc'] as const;

export type Signature =
  /** `params`: one value sent as it is (RequestType<P>, NotificationType<P>); `positional`: an array of them (RequestType2<P1, P2>). */
  | { kind: 'request'; params: ts.Type[]; positional: boolean; result: ts.Type }
  | { kind: 'notification'; params: ts.Type[]; positional: boolean };

const REQUEST = /^RequestType(\d?)$/;
const NOTIFICATION = /^NotificationType(\d?)$/;

/**
 * A request or notification type of vscode-jsonrpc (`RequestType<P, R, E>`, `RequestType0`, `NotificationType<P>`, and
 * every class built on them: `ProtocolRequestType`, …), read from the phantom `_` member those classes declare to
 * carry their type arguments: `[P, R, E, _EM] | undefined`.
 */
export function signatureOf(type: ts.Type, checker: ts.TypeChecker): Signature | undefined {
  const carrier = checker.getPropertyOfType(type, '_');
  const declaration = carrier?.declarations?.[0];
  if (!carrier || !declaration || !declaredByPackage(declaration, JSONRPC_LIBRARY)) return undefined;
  const owner = declaration.parent;
  if (!ts.isClassDeclaration(owner) || !owner.name) return undefined;
  const tuple = checker.getNonNullableType(checker.getTypeOfSymbol(carrier));
  if (!checker.isTupleType(tuple)) return undefined;
  // The last element is the end marker.
  const elements = checker.getTypeArguments(tuple as ts.TypeReference).slice(0, -1);
  const request = REQUEST.exec(owner.name.text);
  if (request) {
    // [...params, R, E]
    const result = elements[elements.length - 2];
    if (!result) return undefined;
    return { kind: 'request', params: elements.slice(0, -2), positional: request[1] !== '', result };
  }
  const notification = NOTIFICATION.exec(owner.name.text);
  if (notification) return { kind: 'notification', params: elements, positional: notification[1] !== '' };
  return undefined;
}

/**
 * The method name, when the code states it as a literal: the constructor's argument (`new RequestType('x/y')`,
 * `new ProtocolRequestType(method)` with `const method = 'x/y'`), or, in declaration files where the call is gone,
 * the `method` constant next to it (`namespace HoverRequest { const method: 'textDocument/hover'; const type: … }`).
 */
export function methodNameOf(declaration: ts.VariableDeclaration, checker: ts.TypeChecker, compiled: CompiledMethods): string | undefined {
  const init = declaration.initializer && skipOuter(declaration.initializer);
  if (init && ts.isNewExpression(init) && init.arguments?.[0]) {
    const literal = checker.getTypeAtLocation(init.arguments[0]);
    if (literal.isStringLiteral()) return literal.value;
  }
  const list = declaration.parent;
  const statement = list.parent;
  const block = statement.parent;
  if (!ts.isModuleBlock(block)) return undefined;
  for (const other of block.statements) {
    if (!ts.isVariableStatement(other)) continue;
    for (const sibling of other.declarationList.declarations) {
      if (!ts.isIdentifier(sibling.name) || sibling.name.text !== 'method') continue;
      const literal = checker.getTypeAtLocation(sibling.name);
      if (literal.isStringLiteral()) return literal.value;
    }
  }
  // Older declaration files (vscode-languageserver-protocol 3.16) drop the name; the compiled file next to them has it.
  const file = declaration.getSourceFile();
  if (!file.isDeclarationFile || !ts.isIdentifier(declaration.name) || !ts.isIdentifier(block.parent.name)) return undefined;
  return compiled.methodsBeside(file.fileName).get(`${block.parent.name.text}.${declaration.name.text}`);
}

/**
 * Method names a compiled `.js` file assigns (`HoverRequest.type = new ProtocolRequestType('textDocument/hover')`),
 * by `Namespace.member`, read from its syntax tree once per file.
 */
export class CompiledMethods {
  private readonly byFile = new Map<string, Map<string, string>>();

  constructor(private readonly readFile: (fileName: string) => string | undefined) {}

  methodsBeside(declarationFile: string): Map<string, string> {
    const js = declarationFile.replace(/\.d\.ts$/, '.js');
    let found = this.byFile.get(js);
    if (!found) {
      found = new Map();
      this.byFile.set(js, found);
      const text = js === declarationFile ? undefined : this.readFile(js);
      if (text !== undefined) collectAssignments(ts.createSourceFile(js, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS), found);
    }
    return found;
  }
}

function collectAssignments(node: ts.Node, found: Map<string, string>): void {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const { left, right } = node;
    const argument = ts.isNewExpression(right) ? right.arguments?.[0] : undefined;
    if (ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression) && argument && ts.isStringLiteral(argument)) {
      found.set(`${left.expression.text}.${left.name.text}`, argument.text);
    }
  }
  ts.forEachChild(node, (child) => collectAssignments(child, found));
}

function skipOuter(node: ts.Expression): ts.Expression {
  let at = node;
  while (ts.isParenthesizedExpression(at) || ts.isAsExpression(at) || ts.isSatisfiesExpression(at) || ts.isTypeAssertionExpression(at)) at = at.expression;
  return at;
}

/**
 * Whether a one-parameter request or notification is sent by position (`new RequestType<P, R, E>(method,
 * ParameterStructures.byPosition)`): its params then travel as `[P]`, not as P itself, which is a different value on
 * the wire. Only a constructor call in source shows it; declaration files keep the default (`auto`).
 */
export function sentByPosition(declaration: ts.VariableDeclaration, checker: ts.TypeChecker): boolean {
  const init = declaration.initializer && skipOuter(declaration.initializer);
  const structure = init && ts.isNewExpression(init) ? init.arguments?.[1] : undefined;
  if (!structure) return false;
  const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(structure) ? structure.name : structure);
  const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declared = target?.declarations?.[0];
  return target?.name === 'byPosition' && !!declared && declaredByPackage(declared, JSONRPC_LIBRARY);
}
