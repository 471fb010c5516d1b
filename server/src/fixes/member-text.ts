import { stringLiterals } from '../contracts/source-style';
import type { MemberSpan } from '../contracts/member-spans';
import type { ParsedFile } from '../contracts/parsed-file';
import { indentAt, type FileStyle } from './style';

export interface MemberRewrite {
  rename?: string;
  /** Add `?` after the name when it has none. */
  optional?: boolean;
  /** Text of an `@deprecated` tag to add (the description of the old JSDoc is kept). */
  deprecated?: string;
  /** ` = value` for an enum member that had its value implicitly and must keep it in a new position. */
  initializer?: string;
}

/** Re-quotes string literals to the target file's quote character. */
export function requote(text: string, quote: "'" | '"'): string {
  let out = '';
  let at = 0;
  for (const literal of stringLiterals(text)) {
    if (literal.quote === quote) continue;
    const escaped = literal.value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n');
    out += text.slice(at, literal.start) + quote + escaped + quote;
    at = literal.end;
  }
  return out + text.slice(at);
}

function levelsOf(lead: string, unit: string): { levels: number; rest: string } {
  if (unit === '\t') {
    const tabs = /^\t*/.exec(lead)![0].length;
    return { levels: tabs, rest: lead.slice(tabs) };
  }
  const width = lead.replace(/\t/g, '    ').length;
  return { levels: Math.floor(width / unit.length), rest: ' '.repeat(width % unit.length) };
}

/**
 * Moves a block of lines from one indentation to another: `text`'s first line has no indentation, later
 * lines are indented relative to `fromBase` in units of `fromUnit`, and come out relative to `toBase`.
 */
export function reindent(text: string, fromBase: string, fromUnit: string, toBase: string, toUnit: string, eol: string): string {
  const lines = text.split(/\r?\n/);
  return lines
    .map((line, i) => {
      if (i === 0) return toBase + line;
      if (line.trim() === '') return '';
      const lead = /^[ \t]*/.exec(line)![0];
      const body = line.slice(lead.length);
      const base = lead.startsWith(fromBase) ? lead.slice(fromBase.length) : lead;
      const { levels, rest } = levelsOf(base, fromUnit);
      return toBase + toUnit.repeat(levels) + rest + body;
    })
    .join(eol);
}

export function docBlock(description: string | undefined, deprecated: string, indent: string, eol: string): string {
  const tag = deprecated ? `@deprecated ${deprecated}` : '@deprecated';
  if (!description) return `${indent}/** ${tag} */`;
  const lines = [...description.split(/\r?\n/), tag];
  return [`${indent}/**`, ...lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`].join(eol);
}

/**
 * A member from the baseline file, rewritten for the target: renamed / made optional as asked, quoted,
 * indented and separated like the target, with a deprecation doc block. Every line carries `indent`.
 */
export function renderMember(
  old: ParsedFile,
  member: MemberSpan,
  oldStyle: FileStyle,
  target: { indent: string; style: FileStyle; separator: string },
  rewrite: MemberRewrite,
): string {
  const edits: { start: number; end: number; text: string }[] = [];
  if (rewrite.rename) edits.push({ start: member.nameSpan.start, end: member.nameSpan.end, text: rewrite.rename });
  if (rewrite.optional && !member.question && member.kind !== 'enum-member') {
    edits.push({ start: member.nameSpan.end, end: member.nameSpan.end, text: '?' });
  }
  if (rewrite.initializer !== undefined && !member.initializer) {
    edits.push({ start: member.nameSpan.end, end: member.nameSpan.end, text: ` = ${rewrite.initializer}` });
  }
  let body = '';
  let at = member.start;
  for (const e of edits.sort((a, b) => a.start - b.start)) {
    body += old.text.slice(at, e.start) + e.text;
    at = e.end;
  }
  body += old.text.slice(at, member.bodyEnd);
  body = requote(body, target.style.quote);
  const fromBase = indentAt(old.text, member.start);
  const lines = reindent(body, fromBase, oldStyle.indentUnit, target.indent, target.style.indentUnit, target.style.eol);
  const separator = member.hasBody ? '' : target.separator;
  const doc = rewrite.deprecated !== undefined ? docBlock(member.docText, rewrite.deprecated, target.indent, target.style.eol) + target.style.eol : '';
  return doc + lines + separator;
}
