import { getLibFiles } from '@ts-morph/common';
import { offsetAt, positionAt } from './text-positions.js';
import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';

/**
 * Text spans of contract members, for quick fixes: everything a fix needs to know about the syntax, as plain
 * offsets and strings, so `fixes/` never touches the TypeScript API itself.
 */

export interface Span {
  start: number;
  end: number;
}

export type MemberKind = 'property' | 'method' | 'parameter' | 'enum-member' | 'declaration';

export interface MemberSpan extends Span {
  kind: MemberKind;
  name: string;
  /** Start including a leading JSDoc block. */
  fullStart: number;
  /** End without the member's own `;` / `,`. */
  bodyEnd: number;
  /** `;`, `,` or '' when none follows the member. */
  separator: string;
  /** End after the separator (equals bodyEnd when there is none). */
  afterSeparator: number;
  nameSpan: Span;
  question?: Span;
  type?: Span;
  initializer?: Span;
  /** Description text of a JSDoc block, without tags. */
  docText?: string;
  /** True when the member begins its own line (only whitespace before it). */
  ownLine: boolean;
  /** A method of a class (has a body) rather than a signature. */
  hasBody?: boolean;
  /** A `...rest` parameter. */
  rest?: boolean;
}

export interface ContainerSpan {
  kind: 'interface' | 'type-literal' | 'class' | 'enum';
  name?: string;
  /** Positions of `{` and `}`. */
  open: number;
  close: number;
  members: MemberSpan[];
}

export interface UnionSpan extends Span {
  variants: (Span & { text: string })[];
}

export interface ParsedFile {
  readonly file: string;
  readonly text: string;
  readonly source: ts.SourceFile;
}

export function parseFile(file: string, text: string): ParsedFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return { file, text, source: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
}

export function offsetOf(parsed: ParsedFile, pos: { line: number; character: number }): number {
  return offsetAt(parsed.source, pos);
}

export function positionOf(parsed: ParsedFile, offset: number): { line: number; character: number } {
  return positionAt(parsed.source, offset);
}

/** The deepest node that starts where `range` starts and ends where it ends (normally a name identifier). */
function nodeAt(parsed: ParsedFile, range: Range): ts.Node | undefined {
  const start = offsetOf(parsed, range.start);
  const end = offsetOf(parsed, range.end);
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (node.getStart(parsed.source) === start && node.getEnd() === end) found = node;
    if (node.pos <= start && node.getEnd() >= end) ts.forEachChild(node, visit);
  };
  ts.forEachChild(parsed.source, visit);
  return found;
}

type MemberNode =
  | ts.PropertySignature
  | ts.PropertyDeclaration
  | ts.MethodSignature
  | ts.MethodDeclaration
  | ts.ParameterDeclaration
  | ts.EnumMember
  | ts.InterfaceDeclaration
  | ts.TypeAliasDeclaration
  | ts.ClassDeclaration
  | ts.EnumDeclaration;

function isMemberNode(node: ts.Node): node is MemberNode {
  return (
    ts.isPropertySignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isEnumMember(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isEnumDeclaration(node)
  );
}

function memberNodeAt(parsed: ParsedFile, range: Range): MemberNode | undefined {
  const node = nodeAt(parsed, range);
  if (!node) return undefined;
  if (isMemberNode(node)) return node;
  return node.parent && isMemberNode(node.parent) ? node.parent : undefined;
}

function nameText(name: ts.Node | undefined): string {
  if (!name) return '';
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return name.getText();
}

function kindOf(node: MemberNode): MemberKind {
  if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) return 'property';
  if (ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) return 'method';
  if (ts.isParameter(node)) return 'parameter';
  if (ts.isEnumMember(node)) return 'enum-member';
  return 'declaration';
}

const span = (node: ts.Node, sf: ts.SourceFile): Span => ({ start: node.getStart(sf), end: node.getEnd() });

function describeMember(parsed: ParsedFile, node: MemberNode): MemberSpan {
  const sf = parsed.source;
  const text = parsed.text;
  const start = node.getStart(sf);
  const end = node.getEnd();
  let bodyEnd = end;
  let separator = '';
  let afterSeparator = end;
  const last = text[end - 1];
  if ((last === ';' || last === ',') && kindOf(node) !== 'declaration') {
    // Type members and class properties own their separator token.
    separator = last;
    bodyEnd = end - 1;
    while (bodyEnd > start && /\s/.test(text.charAt(bodyEnd - 1))) bodyEnd--;
  } else {
    // Enum members and parameters are list elements: the comma after them belongs to the list.
    let i = end;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === ',' && (ts.isEnumMember(node) || ts.isParameter(node))) {
      separator = ',';
      afterSeparator = i + 1;
    }
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const member: MemberSpan = {
    kind: kindOf(node),
    name: ts.isParameter(node) ? nameText(node.name) : nameText((node as { name?: ts.Node }).name),
    start,
    end,
    fullStart: node.getStart(sf, true),
    bodyEnd,
    separator,
    afterSeparator,
    nameSpan: span((node as { name: ts.Node }).name, sf),
    ownLine: text.slice(lineStart, start).trim() === '',
  };
  const question = (node as { questionToken?: ts.Node }).questionToken;
  if (question) member.question = span(question, sf);
  const type = (node as { type?: ts.Node }).type;
  if (type && !ts.isTypeAliasDeclaration(node)) member.type = span(type, sf);
  const initializer = (node as { initializer?: ts.Node }).initializer;
  if (initializer) member.initializer = span(initializer, sf);
  if (ts.isMethodDeclaration(node) && node.body) member.hasBody = true;
  if (ts.isParameter(node) && node.dotDotDotToken) member.rest = true;
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const doc = docs.map((d) => ts.getTextOfJSDocComment(d.comment) ?? '').join('\n').trim();
  if (doc) member.docText = doc;
  return member;
}

/** The member (field, method, parameter, enum member or declaration) whose name is at `range`. */
export function memberAt(parsed: ParsedFile, range: Range): MemberSpan | undefined {
  const node = memberNodeAt(parsed, range);
  return node && describeMember(parsed, node);
}

function containerNode(node: ts.Node): ts.InterfaceDeclaration | ts.TypeLiteralNode | ts.ClassDeclaration | ts.EnumDeclaration | undefined {
  if (ts.isInterfaceDeclaration(node) || ts.isTypeLiteralNode(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) return node;
  if (ts.isTypeAliasDeclaration(node)) return containerNode(node.type);
  if (ts.isParenthesizedTypeNode(node)) return containerNode(node.type);
  if (ts.isArrayTypeNode(node)) return containerNode(node.elementType);
  return undefined;
}

function describeContainer(parsed: ParsedFile, node: NonNullable<ReturnType<typeof containerNode>>): ContainerSpan {
  const sf = parsed.source;
  const members: ts.Node[] = ts.isEnumDeclaration(node) ? [...node.members] : [...node.members];
  const kind = ts.isInterfaceDeclaration(node) ? 'interface' : ts.isTypeLiteralNode(node) ? 'type-literal' : ts.isClassDeclaration(node) ? 'class' : 'enum';
  const close = node.getEnd() - 1;
  const open = parsed.text.lastIndexOf('{', members[0]?.getStart(sf, true) ?? close);
  const container: ContainerSpan = {
    kind,
    open,
    close,
    members: members.filter(isMemberNode).map((m) => describeMember(parsed, m)),
  };
  const name = (node as { name?: ts.Node }).name;
  if (name) container.name = nameText(name);
  return container;
}

/** All parameters of the signature holding the parameter at `range`. */
export function parameterListAt(parsed: ParsedFile, range: Range): MemberSpan[] | undefined {
  const node = memberNodeAt(parsed, range);
  if (!node || !ts.isParameter(node) || !ts.isFunctionLike(node.parent)) return undefined;
  return node.parent.parameters.map((p) => describeMember(parsed, p));
}

/** The interface, type literal, class or enum holding the member at `range`. */
export function containerOfMemberAt(parsed: ParsedFile, range: Range): ContainerSpan | undefined {
  const node = memberNodeAt(parsed, range);
  const parent = node?.parent;
  const container = parent && containerNode(parent);
  return container && describeContainer(parsed, container);
}

/** The container that the declaration named at `range` is (an interface, class, enum, or alias of a type literal). */
export function containerAt(parsed: ParsedFile, range: Range): ContainerSpan | undefined {
  const node = memberNodeAt(parsed, range);
  const container = node && containerNode(node);
  return container && describeContainer(parsed, container);
}

/**
 * How to find the member's container in another version of the file: the top-level declaration's name, then
 * the names of the properties whose types are the nested type literals. Undefined when the container is not
 * reachable by names (a union variant, a generic argument).
 */
export function containerPathOf(parsed: ParsedFile, range: Range): string[] | undefined {
  const node = memberNodeAt(parsed, range);
  if (!node?.parent) return undefined;
  return pathTo(node.parent);
}

function pathTo(container: ts.Node): string[] | undefined {
  if (ts.isInterfaceDeclaration(container) || ts.isClassDeclaration(container) || ts.isEnumDeclaration(container)) {
    return container.name ? [container.name.text] : undefined;
  }
  if (!ts.isTypeLiteralNode(container)) return undefined;
  let up: ts.Node = container.parent;
  while (ts.isArrayTypeNode(up) || ts.isParenthesizedTypeNode(up)) up = up.parent;
  if (ts.isTypeAliasDeclaration(up)) return [up.name.text];
  if ((ts.isPropertySignature(up) || ts.isPropertyDeclaration(up)) && up.parent) {
    const outer = pathTo(up.parent);
    return outer && [...outer, nameText(up.name)];
  }
  return undefined;
}

function topLevelDeclarations(parsed: ParsedFile): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (statements: readonly ts.Statement[]) => {
    for (const s of statements) {
      if (ts.isModuleDeclaration(s) && s.body && ts.isModuleBlock(s.body)) visit(s.body.statements);
      else found.push(s);
    }
  };
  visit(parsed.source.statements);
  return found;
}

/** Follows a path from `containerPathOf` in this file. */
export function containerByPath(parsed: ParsedFile, path: readonly string[]): ContainerSpan | undefined {
  const [head, ...rest] = path;
  const top = topLevelDeclarations(parsed).find(
    (s) =>
      (ts.isInterfaceDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s) || ts.isTypeAliasDeclaration(s)) &&
      s.name?.text === head,
  );
  let current = top && containerNode(top);
  for (const name of rest) {
    if (!current || ts.isEnumDeclaration(current)) return undefined;
    const members = [...current.members] as ts.Node[];
    const member = members.find((m) => (ts.isPropertySignature(m) || ts.isPropertyDeclaration(m)) && nameText(m.name) === name) as
      | ts.PropertySignature
      | ts.PropertyDeclaration
      | undefined;
    current = member?.type && containerNode(member.type);
  }
  return current && describeContainer(parsed, current);
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
  return type && span(type, parsed.source);
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
  return { ...span(type, sf), variants: variants.map((v) => ({ ...span(v, sf), text: v.getText(sf) })) };
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
  return type.types.map((v) => ({ ...span(v, parsed.source), text: v.getText(parsed.source) }));
}

/** Where a comment line may go above the member at `range` so that it precedes a member starting its own line. */
export function ownLineMemberAt(parsed: ParsedFile, range: Range): MemberSpan | undefined {
  let node: ts.Node | undefined = memberNodeAt(parsed, range);
  for (; node; node = node.parent) {
    if (!isMemberNode(node)) continue;
    const member = describeMember(parsed, node);
    if (member.ownLine) return member;
  }
  return undefined;
}

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

/** String literal tokens in `text` (so a fix can re-quote restored text the way the target file quotes). */
export function stringLiterals(text: string): (Span & { value: string; quote: string })[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const found: (Span & { value: string; quote: string })[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.StringLiteral) {
      const start = scanner.getTokenStart();
      found.push({ start, end: scanner.getTokenEnd(), value: scanner.getTokenValue(), quote: text.charAt(start) });
    }
  }
  return found;
}

/** Separators the file uses after type members and class properties, counted. */
export function memberSeparatorCounts(parsed: ParsedFile): Record<';' | ',' | '', number> {
  const counts: Record<';' | ',' | '', number> = { ';': 0, ',': 0, '': 0 };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyDeclaration(node)) {
      const m = describeMember(parsed, node);
      const closesLine = /^[ \t]*(\r?\n|\/\/)/.test(parsed.text.slice(m.afterSeparator)) || parsed.text.slice(m.afterSeparator).trim() === '';
      // A last member right before `}` on the same line says nothing about the file's habit.
      if (m.separator || closesLine) counts[m.separator as ';' | ',' | '']++;
    }
    ts.forEachChild(node, visit);
  };
  visit(parsed.source);
  return counts;
}

/** Parse errors, as one-line messages. */
export function syntaxErrors(parsed: ParsedFile): string[] {
  const diagnostics = (parsed.source as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.map((d) => `${parsed.file}:${positionOf(parsed, d.start ?? 0).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
}

const libCache = new Map<string, ts.SourceFile>();
let libTexts: Map<string, string> | undefined;
const LIB_DIR = '/ts-lib/';

/**
 * Semantic and syntactic errors of a small in-memory project (strict, ES2022 lib), without positions so two
 * versions of the same files can be compared by message. The lib files come from ts-morph's bundled copies,
 * the same ones the extractor uses, since the TypeScript it bundles has none on disk.
 */
export function projectErrors(files: Record<string, string>): string[] {
  const root = '/virtual/';
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    noEmit: true,
    types: [],
  };
  libTexts ??= new Map(getLibFiles().map((lib) => [LIB_DIR + lib.fileName, lib.text]));
  const libs = libTexts;
  const defaultHost = ts.createCompilerHost(options, true);
  const inTree = (name: string) => (name.startsWith(root) ? files[name.slice(root.length)] : libs.get(name));
  const host: ts.CompilerHost = {
    ...defaultHost,
    getCurrentDirectory: () => root,
    getDefaultLibLocation: () => LIB_DIR,
    getDefaultLibFileName: () => LIB_DIR + 'lib.es2022.d.ts',
    fileExists: (name) => inTree(name) !== undefined,
    readFile: (name) => inTree(name),
    directoryExists: (name) => name.startsWith(root) || name.startsWith(LIB_DIR) || name === '/',
    getDirectories: () => [],
    getSourceFile: (name, languageVersion) => {
      const text = inTree(name);
      if (text === undefined) return undefined;
      if (name.startsWith(root)) return ts.createSourceFile(name, text, languageVersion, true);
      let lib = libCache.get(name);
      if (!lib) {
        lib = ts.createSourceFile(name, text, languageVersion, true);
        libCache.set(name, lib);
      }
      return lib;
    },
  };
  const rootNames = Object.keys(files).filter((f) => /\.(ts|tsx|mts|cts)$/.test(f)).map((f) => root + f);
  const program = ts.createProgram({ rootNames, options, host });
  const errors: string[] = [];
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.startsWith(root)) continue;
    for (const d of [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]) {
      errors.push(`${sf.fileName.slice(root.length)}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    }
  }
  return errors.sort();
}

/** Whether a type written as `text` must be parenthesised to be one variant of a union (`(() => void) | string`). */
export function needsParensInUnion(text: string): boolean {
  const sf = ts.createSourceFile('snippet.ts', `type __T = ${text};`, ts.ScriptTarget.Latest, true);
  const alias = sf.statements[0];
  if (!alias || !ts.isTypeAliasDeclaration(alias)) return true;
  const t = alias.type;
  return ts.isFunctionTypeNode(t) || ts.isConstructorTypeNode(t) || ts.isConditionalTypeNode(t) || ts.isInferTypeNode(t) || ts.isIntersectionTypeNode(t);
}
