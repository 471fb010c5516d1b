import { ts } from '@ts-morph/common';
import type { Range } from '../engine/shape.js';
import { describeMember, isMemberNode, memberNodeAt, nameText, type MemberSpan } from './member-spans.js';
import { topLevelDeclarations, type ParsedFile } from './parsed-file.js';

/** The interfaces, type literals, classes and enums that hold members, and how to find one again in another version. */

export interface ContainerSpan {
  kind: 'interface' | 'type-literal' | 'class' | 'enum';
  name?: string;
  /** Positions of `{` and `}`. */
  open: number;
  close: number;
  members: MemberSpan[];
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
