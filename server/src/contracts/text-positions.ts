import type { ts } from 'ts-morph';

export interface LinePosition {
  line: number;
  character: number;
}

/**
 * Line starts the way editors and LSP count lines: after `\n`, `\r\n` and a lone `\r`. TypeScript also breaks
 * lines at U+2028 and U+2029, so its own line numbers drift from the editor's after one of those.
 */
const lspLineStarts = new WeakMap<ts.SourceFile, number[]>();

export function lineStarts(sourceFile: ts.SourceFile): readonly number[] {
  const text = sourceFile.text;
  if (!/[\u2028\u2029]/.test(text)) return sourceFile.getLineStarts();
  let starts = lspLineStarts.get(sourceFile);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    lspLineStarts.set(sourceFile, starts);
  }
  return starts;
}

/** The editor's line and character (UTF-16) of an offset. */
export function positionAt(sourceFile: ts.SourceFile, offset: number): LinePosition {
  const starts = lineStarts(sourceFile);
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

/** The offset of an editor position, clamped to the text. */
export function offsetAt(sourceFile: ts.SourceFile, pos: LinePosition): number {
  const starts = lineStarts(sourceFile);
  if (pos.line >= starts.length) return sourceFile.text.length;
  return Math.min(starts[pos.line]! + pos.character, sourceFile.text.length);
}
