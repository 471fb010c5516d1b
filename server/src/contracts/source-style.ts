import { ts } from '@ts-morph/common';
import { describeMember } from './member-spans.js';
import type { ParsedFile, Span } from './parsed-file.js';

/** What a file's house style is (separators, quotes), so fixed text matches the file it lands in. */

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
