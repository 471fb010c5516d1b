import { memberSeparatorCounts, stringLiterals } from '../contracts/source-style';
import type { ContainerSpan } from '../contracts/container-spans';
import type { ParsedFile } from '../contracts/parsed-file';

/** How a file writes code, so inserted text looks like its neighbours. */
export interface FileStyle {
  /** One level of indentation: a tab or N spaces. */
  indentUnit: string;
  quote: "'" | '"';
  /** After type members: `;`, `,` or nothing. */
  separator: ';' | ',' | '';
  eol: '\n' | '\r\n';
}

function indentUnitOf(text: string): string {
  let tabs = 0;
  let spaced = 0;
  let unit = 0;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (const line of text.split('\n')) {
    const lead = /^[ \t]*/.exec(line)![0];
    // JSDoc continuation lines (` * text`) are offset by one space and say nothing about the unit.
    if (!lead || line.trim() === '' || line.trimStart().startsWith('*')) continue;
    if (lead.startsWith('\t')) tabs++;
    else {
      spaced++;
      unit = gcd(unit, lead.length);
    }
  }
  if (tabs > spaced) return '\t';
  return ' '.repeat(unit > 0 ? unit : 2);
}

function quoteOf(text: string): "'" | '"' {
  let single = 0;
  let double = 0;
  for (const literal of stringLiterals(text)) {
    if (literal.quote === "'") single++;
    else double++;
  }
  return double > single ? '"' : "'";
}

function majority(counts: Record<';' | ',' | '', number>): ';' | ',' | '' | undefined {
  const entries = (Object.entries(counts) as [';' | ',' | '', number][]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return entries[0]?.[0];
}

export function styleOf(parsed: ParsedFile, container?: ContainerSpan): FileStyle {
  const text = parsed.text;
  let separator: ';' | ',' | '' | undefined;
  if (container?.kind === 'enum') separator = ',';
  else if (container && container.members.length > 1) {
    const counts: Record<';' | ',' | '', number> = { ';': 0, ',': 0, '': 0 };
    container.members.slice(0, -1).forEach((m) => counts[m.separator as ';' | ',' | '']++);
    separator = majority(counts);
  }
  separator ??= majority(memberSeparatorCounts(parsed)) ?? ';';
  return { indentUnit: indentUnitOf(text), quote: quoteOf(text), separator, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** Leading whitespace of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset of the end of the line holding `offset`, before its line break. */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}
