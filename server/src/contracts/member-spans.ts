import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { offsetOf, spanOf, type ParsedFile, type Span } from './parsed-file.js';

/**
 * Text spans of contract members (fields, methods, parameters, enum members, declarations), found by the
 * range of their name: everything a fix needs to know about a member's syntax.
 */

/** `entry`: a property of an object literal (a schema's field, a router's procedure), found by adapters. */
export type MemberKind = 'property' | 'method' | 'parameter' | 'enum-member' | 'declaration' | 'entry';

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

/** The deepest node that starts where `range` starts and ends where it ends (normally a name identifier). */
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

export type MemberNode =
  | ts.PropertyAssignment
  | ts.ShorthandPropertyAssignment
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

/**
 * What a schema contract is written with: a field of its object literal (`coupon: z.string().optional()`) and
 * the `const` statement that declares it. A comment can go above either; fixes that edit type syntax never see them.
 */
export type SchemaMemberNode = ts.PropertyAssignment | ts.VariableStatement;

const isSchemaMember = (node: ts.Node): node is SchemaMemberNode => ts.isPropertyAssignment(node) || ts.isVariableStatement(node);

export function isMemberNode(node: ts.Node): node is MemberNode {
  return (
    ts.isPropertyAssignment(node) ||
    ts.isShorthandPropertyAssignment(node) ||
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

export function memberNodeAt(parsed: ParsedFile, range: Range): MemberNode | undefined {
  const node = nodeAt(parsed, range);
  if (!node) return undefined;
  if (isMemberNode(node)) return node;
  return node.parent && isMemberNode(node.parent) ? node.parent : undefined;
}

/** `memberNodeAt`, or the schema field or schema const whose name is at `range`. */
function anyMemberNodeAt(parsed: ParsedFile, range: Range): MemberNode | SchemaMemberNode | undefined {
  const node = nodeAt(parsed, range);
  if (!node) return undefined;
  const member = memberNodeAt(parsed, range);
  if (member) return member;
  if (node.parent && ts.isPropertyAssignment(node.parent)) return node.parent;
  const statement = node.parent?.parent?.parent;
  return node.parent && ts.isVariableDeclaration(node.parent) && statement && ts.isVariableStatement(statement) ? statement : undefined;
}

export function nameText(name: ts.Node | undefined): string {
  if (!name) return '';
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return name.getText();
}

function kindOf(node: MemberNode | SchemaMemberNode): MemberKind {
  if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) return 'entry';
  if (ts.isPropertySignature(node) || ts.isPropertyDeclaration(node)) return 'property';
  if (ts.isMethodSignature(node) || ts.isMethodDeclaration(node)) return 'method';
  if (ts.isParameter(node)) return 'parameter';
  if (ts.isEnumMember(node)) return 'enum-member';
  return 'declaration';
}

export function describeMember(parsed: ParsedFile, node: MemberNode | SchemaMemberNode): MemberSpan {
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
    // Enum members, parameters and object literal properties are list elements: the comma after them belongs to the list.
    let i = end;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === ',' && (ts.isEnumMember(node) || ts.isParameter(node) || ts.isPropertyAssignment(node))) {
      separator = ',';
      afterSeparator = i + 1;
    }
  }
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const nameNode = ts.isVariableStatement(node) ? (node.declarationList.declarations[0]?.name ?? node) : (node as { name: ts.Node }).name;
  const member: MemberSpan = {
    kind: kindOf(node),
    name: nameText(nameNode),
    start,
    end,
    fullStart: node.getStart(sf, true),
    bodyEnd,
    separator,
    afterSeparator,
    nameSpan: spanOf(nameNode, sf),
    ownLine: text.slice(lineStart, start).trim() === '',
  };
  const question = (node as { questionToken?: ts.Node }).questionToken;
  if (question) member.question = spanOf(question, sf);
  const type = (node as { type?: ts.Node }).type;
  if (type && !ts.isTypeAliasDeclaration(node)) member.type = spanOf(type, sf);
  const initializer = (node as { initializer?: ts.Node }).initializer;
  if (initializer) member.initializer = spanOf(initializer, sf);
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

/** The schema object property whose name is at `range` (`total: z.number()`), with its initializer's span. */
export function schemaPropertyAt(parsed: ParsedFile, range: Range): MemberSpan | undefined {
  const node = anyMemberNodeAt(parsed, range);
  return node && ts.isPropertyAssignment(node) ? describeMember(parsed, node) : undefined;
}

/** Where a comment line may go above the member at `range` so that it precedes a member starting its own line. */
export function ownLineMemberAt(parsed: ParsedFile, range: Range): MemberSpan | undefined {
  let node: ts.Node | undefined = anyMemberNodeAt(parsed, range);
  for (; node; node = node.parent) {
    if (!isMemberNode(node) && !isSchemaMember(node)) continue;
    const member = describeMember(parsed, node);
    if (member.ownLine) return member;
  }
  return undefined;
}
