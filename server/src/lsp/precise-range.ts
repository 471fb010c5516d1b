import type { Finding } from '../rules';
import type { Range } from '../engine/shape';

/** How far past a member's name its declaration is searched (a long union spans a few lines). */
const DECLARATION_REACH = 2_000;

function offsetAt(text: string, line: number, character: number): number | undefined {
  let offset = 0;
  for (let l = 0; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  return offset + character;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The member's declaration after its name: up to the `;`, `,` or line end that closes it at depth 0. */
function declarationEnd(text: string, from: number): number {
  let depth = 0;
  const limit = Math.min(text.length, from + DECLARATION_REACH);
  for (let i = from; i < limit; i++) {
    const c = text[i]!;
    if ('([{<'.includes(c)) depth++;
    else if (')]}>'.includes(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ';' || c === ',' || (c === '\n' && !/^\s*[|&]/.test(text.slice(i + 1, i + 40))))) return i;
  }
  return limit;
}

/** The spellings a literal from a message (`"refunded"`, `3`) may have in the source. */
function spellings(literal: string): string[] {
  try {
    const value: unknown = JSON.parse(literal);
    if (typeof value === 'string') return [`'${value}'`, `"${value}"`, `\`${value}\``];
  } catch {
    // Not a JSON literal: looked for as written.
  }
  return [literal];
}

/**
 * Where the change itself is written, when the finding points at the member that holds it: the added variant of
 * a union, the type of a member whose type changed. Undefined keeps the finding's own place.
 */
export function preciseRange(f: Finding, range: Range, text: string | undefined): Range | undefined {
  if (text === undefined || (f.rule !== 'union-variant-added' && f.rule !== 'type-changed')) return undefined;
  const start = offsetAt(text, range.end.line, range.end.character);
  if (start === undefined) return undefined;
  const colon = /^\??\s*:\s*/.exec(text.slice(start, start + 20));
  if (!colon) return undefined;
  const typeStart = start + colon[0].length;
  const end = declarationEnd(text, typeStart);
  const declared = text.slice(typeStart, end);
  if (f.rule === 'type-changed') {
    const trimmed = declared.trimEnd();
    return trimmed ? { start: positionAt(text, typeStart), end: positionAt(text, typeStart + trimmed.length) } : undefined;
  }
  const literal = /`([^`]+)`/.exec(f.message)?.[1];
  if (!literal) return undefined;
  for (const s of spellings(literal)) {
    const at = declared.indexOf(s);
    if (at >= 0) return { start: positionAt(text, typeStart + at), end: positionAt(text, typeStart + at + s.length) };
  }
  return undefined;
}
