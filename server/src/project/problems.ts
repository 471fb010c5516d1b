import { ts } from '@ts-morph/common';
import { parseErrors } from '../contracts/parse-errors';
import { positionAt } from '../contracts/text-positions';
import type { SourceTree } from '../common/source';
import type { SourceProblem } from '../common/errors';

/**
 * Splits extractor problems into syntax errors (the version cannot be analysed: fatal) and the rest
 * (unresolved imports, duplicate names: reported, not fatal). The extractor reports both the same way, so
 * the files named are parsed again — only those, only when there are problems — to recognise the syntax ones.
 */
export function splitProblems(tree: SourceTree, problems: readonly SourceProblem[]): { syntax: SourceProblem[]; other: SourceProblem[] } {
  const syntax: SourceProblem[] = [];
  const other: SourceProblem[] = [];
  const parsed = new Map<string, Set<string>>();
  for (const problem of problems) {
    let keys = parsed.get(problem.file);
    if (!keys) {
      keys = parseErrorKeys(problem.file, tree.readFile(problem.file));
      parsed.set(problem.file, keys);
    }
    (keys.has(keyOf(problem.range.start.line, problem.range.start.character, problem.message)) ? syntax : other).push(problem);
  }
  return { syntax, other };
}

const keyOf = (line: number, character: number, message: string) => `${line}:${character}:${message}`;

function parseErrorKeys(file: string, text: string | undefined): Set<string> {
  const keys = new Set<string>();
  if (text === undefined) return keys;
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  for (const d of parseErrors(sourceFile)) {
    const { line, character } = positionAt(sourceFile, d.start ?? 0);
    keys.add(keyOf(line, character, ts.flattenDiagnosticMessageText(d.messageText, ' ')));
  }
  return keys;
}
