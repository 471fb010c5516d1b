import type { ts } from '@ts-morph/common';

export interface LinePosition {
  line: number;
  character: number;
}

/**
 * Line starts the way editors and LSP count lines: after `\n`, `\r\n` and a lone `\r`. TypeScript also breaks
 * lines at U+2028 and U+2029, so its own line numbers drift from the editor's after one of those.
 */
export function editorLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** The line and character of `offset`, given the text's line starts. */
export function positionIn(starts: readonly number[], offset: number): LinePosition {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low]! };
}

/** The offset of `pos`, given the text's line starts and length, clamped to the text. */
export function offsetIn(starts: readonly number[], textLength: number, pos: LinePosition): number {
  if (pos.line >= starts.length) return textLength;
  return Math.min(starts[pos.line]! + pos.character, textLength);
}

/** A source file's text never changes, and every location in it asks: the answer is kept per file. */
const lspLineStarts = new WeakMap<ts.SourceFile, readonly number[]>();

/** A source file's line starts as the editor counts them (TypeScript's own when they agree). */
export function lineStarts(sourceFile: ts.SourceFile): readonly number[] {
  let starts = lspLineStarts.get(sourceFile);
  if (!starts) {
    const text = sourceFile.text;
    starts = /[\u2028\u2029]/.test(text) ? editorLineStarts(text) : sourceFile.getLineStarts();
    lspLineStarts.set(sourceFile, starts);
  }
  return starts;
}

/** The editor's line and character (UTF-16) of an offset. */
export function positionAt(sourceFile: ts.SourceFile, offset: number): LinePosition {
  return positionIn(lineStarts(sourceFile), offset);
}

/** The offset of an editor position, clamped to the text. */
export function offsetAt(sourceFile: ts.SourceFile, pos: LinePosition): number {
  return offsetIn(lineStarts(sourceFile), sourceFile.text.length, pos);
}
