import { offsetOf, parseFile, type ParsedFile } from '../contracts/member-spans';
import type { Range } from '../engine/shape';
import type { FixEdit } from './types';

/**
 * Line starts as LSP (and so every editor) counts lines: after `\n`, `\r\n` or a lone `\r`. TypeScript also
 * breaks lines at U+2028 and U+2029, so its positions cannot be used for edits.
 */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') i++;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  return starts;
}

const startsOf = new WeakMap<ParsedFile, number[]>();

function lspPosition(parsed: ParsedFile, offset: number): Range['start'] {
  let starts = startsOf.get(parsed);
  if (!starts) startsOf.set(parsed, (starts = lineStarts(parsed.text)));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** An edit of `parsed`'s text between two offsets, in LSP positions. */
export function editAt(parsed: ParsedFile, start: number, end: number, newText: string): FixEdit {
  return { file: parsed.file, range: { start: lspPosition(parsed, start), end: lspPosition(parsed, end) }, newText };
}

function toOffset(starts: number[], text: string, pos: Range['start']): number {
  if (pos.line >= starts.length) return text.length;
  return Math.min(starts[pos.line] + pos.character, text.length);
}

/**
 * Applies edits to one file's text. Edits are given against the original text; overlapping edits are an
 * error since their result would depend on the order.
 */
export function applyEdits(text: string, edits: readonly Pick<FixEdit, 'range' | 'newText'>[]): string {
  const starts = lineStarts(text);
  const spans = edits
    .map((e, i) => ({ start: toOffset(starts, text, e.range.start), end: toOffset(starts, text, e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (spans[k].start < spans[k - 1].end) throw new Error('Overlapping edits cannot be applied together.');
  }
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + s.newText;
    at = s.end;
  }
  return out + text.slice(at);
}

/** Whether two ranges of the same file share any character (or are insertions at the same point). */
export function rangesOverlap(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  const same = (p: Range['start'], q: Range['start']) => p.line === q.line && p.character === q.character;
  if (same(a.start, b.start)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}

export const parse = parseFile;
export { offsetOf };
