import { ts } from '@ts-morph/common';
import type { Loc, Range, Suppression } from '../engine/shape.js';
import { lineStarts, positionAt } from './text-positions.js';
import { itemAt } from '../common/item-at.js';

/** `// skew-ignore <rule>` optionally followed by `: <reason>`. */
const SKEW_IGNORE = /^\s*\/\/\s*skew-ignore\s+([A-Za-z0-9_-]+)\s*(?::\s*(.*?))?\s*$/;

export type RelativePath = (sourceFile: ts.SourceFile) => string | undefined;

export function rangeOf(sourceFile: ts.SourceFile, start: number, end: number): Range {
  return { start: positionAt(sourceFile, start), end: positionAt(sourceFile, end) };
}

/**
 * A node's location and suppressions depend only on its source file's text (which never changes) and the
 * file's name in the project: kept per node, so the nodes of files an edit did not touch (the same objects in
 * the next program) are not measured again, and their records stay the same objects. Nothing changes a Loc or
 * a Suppression once made.
 */
const locs = new WeakMap<ts.Node, { file: string; loc: Loc }>();
const suppressionLists = new WeakMap<ts.Node, { file: string; list: Suppression[] | undefined }>();

/** Lib declarations get no location: they are not part of either version of the project. */
export function locOf(node: ts.Node, relative: RelativePath): Loc | undefined {
  const sourceFile = node.getSourceFile();
  const file = relative(sourceFile);
  if (file === undefined) return undefined;
  const known = locs.get(node);
  if (known?.file === file) return known.loc;
  const loc = { file, range: rangeOf(sourceFile, node.getStart(sourceFile), node.getEnd()) };
  locs.set(node, { file, loc });
  return loc;
}

/** The part of a declaration a finding should point at: its name where it has one. */
export function nameNode(node: ts.Node): ts.Node {
  const name = (node as { name?: ts.Node }).name;
  return name ?? node;
}

/**
 * `// skew-ignore` lines directly above a member. Both the line above its JSDoc and the line between the JSDoc
 * and the declaration count, and several stacked lines each add one suppression. A member that does not start
 * its own line (a parameter after `getUser(`) has nothing "directly before" it, so it gets none.
 */
export function suppressionsOf(node: ts.Node, relative: RelativePath): Suppression[] | undefined {
  const sourceFile = node.getSourceFile();
  const file = relative(sourceFile);
  if (file === undefined || !mentionsSkewIgnore(sourceFile)) return undefined;
  const known = suppressionLists.get(node);
  if (known?.file === file) return known.list;
  const list = readSuppressions(node, sourceFile, file);
  suppressionLists.set(node, { file, list });
  return list;
}

function readSuppressions(node: ts.Node, sourceFile: ts.SourceFile, file: string): Suppression[] | undefined {
  const starts = lineStarts(sourceFile);
  const text = sourceFile.text;
  const lineText = (line: number) => text.slice(starts[line], line + 1 < starts.length ? starts[line + 1] : text.length).replace(/(\r\n|\r|\n)$/, '');

  const found = new Map<number, Suppression>();
  for (const start of new Set([node.getStart(sourceFile, true), node.getStart(sourceFile, false)])) {
    const { line, character } = positionAt(sourceFile, start);
    if (lineText(line).slice(0, character).trim() !== '') continue;
    for (let above = line - 1; above >= 0; above--) {
      const match = SKEW_IGNORE.exec(lineText(above));
      if (!match) break;
      const comment = lineText(above);
      const first = comment.length - comment.trimStart().length;
      found.set(above, {
        rule: itemAt(match, 1),
        reason: match[2] ?? '',
        loc: { file, range: { start: { line: above, character: first }, end: { line: above, character: comment.trimEnd().length } } },
      });
    }
  }
  if (found.size === 0) return undefined;
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, suppression]) => suppression);
}

const mentions = new WeakMap<ts.SourceFile, boolean>();

/** Most files suppress nothing: every member of every contract asks, and the answer is then found once. */
function mentionsSkewIgnore(sourceFile: ts.SourceFile): boolean {
  let answer = mentions.get(sourceFile);
  if (answer === undefined) mentions.set(sourceFile, (answer = sourceFile.text.includes('skew-ignore')));
  return answer;
}

export function isDeprecated(node: ts.Node): boolean {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'deprecated');
}
