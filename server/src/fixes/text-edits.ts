import { offsetOf, parseFile, type ParsedFile } from '../contracts/parsed-file';
import { editorLineStarts, offsetIn, positionIn } from '../contracts/text-positions';
import type { Range } from '../engine/shape';
import type { FixEdit } from './types';
import { itemAt } from '../common/item-at';

const startsOf = new WeakMap<ParsedFile, number[]>();

/** LSP positions count lines as editors do, not as TypeScript does (see editorLineStarts). */
function lspPosition(parsed: ParsedFile, offset: number): Range['start'] {
  let starts = startsOf.get(parsed);
  if (!starts) startsOf.set(parsed, (starts = editorLineStarts(parsed.text)));
  return positionIn(starts, offset);
}

/** An edit of `parsed`'s text between two offsets, in LSP positions. */
export function editAt(parsed: ParsedFile, start: number, end: number, newText: string): FixEdit {
  return { file: parsed.file, range: { start: lspPosition(parsed, start), end: lspPosition(parsed, end) }, newText };
}

/**
 * Applies edits to one file's text. Edits are given against the original text; overlapping edits are an
 * error since their result would depend on the order.
 */
export function applyEdits(text: string, edits: readonly Pick<FixEdit, 'range' | 'newText'>[]): string {
  const starts = editorLineStarts(text);
  const spans = edits
    .map((e, i) => ({ start: offsetIn(starts, text.length, e.range.start), end: offsetIn(starts, text.length, e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < spans.length; k++) {
    if (itemAt(spans, k).start < itemAt(spans, k - 1).end) throw new Error('Overlapping edits cannot be applied together.');
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
