import { ts } from '@ts-morph/common';
import { offsetAt } from './text-positions.js';

/**
 * A file parsed once for quick fixes. Fixes work in plain offsets and strings (spans), so `fixes/` never touches
 * the TypeScript API itself.
 */

export interface Span {
  start: number;
  end: number;
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

/** Top-level statements, looking inside `namespace` blocks. */
export function topLevelDeclarations(parsed: ParsedFile): ts.Node[] {
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

export const spanOf = (node: ts.Node, sf: ts.SourceFile): Span => ({ start: node.getStart(sf), end: node.getEnd() });
