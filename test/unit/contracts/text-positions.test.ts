import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ts } from '@ts-morph/common';
import { positionAt } from '../../../server/src/contracts/text-positions';

/** A source file that counts how often its whole text is read. */
function counting(text: string): { sourceFile: ts.SourceFile; textReads: () => number } {
  const real = ts.createSourceFile('/a.ts', text, ts.ScriptTarget.ES2022, true);
  let reads = 0;
  const sourceFile = new Proxy(real, {
    get(target, key) {
      if (key === 'text') reads++;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { sourceFile, textReads: () => reads };
}

test('a file is scanned for editor line breaks once, however many positions are asked of it', () => {
  const lines = Array.from({ length: 200 }, (_, i) => `export interface M${i} { id: string }`);
  const { sourceFile, textReads } = counting(lines.join('\n'));
  for (let i = 0; i < 200; i++) assert.deepEqual(positionAt(sourceFile, lines.slice(0, i).join('\n').length + (i ? 1 : 0)), { line: i, character: 0 });
  assert.ok(textReads() <= 1, `the text was read ${textReads()} times`);
});

test('U+2028 does not start a line for the editor, with the answer remembered per file', () => {
  const { sourceFile } = counting('const a = "\u2028";\nexport interface B { id: string }');
  const offset = sourceFile.text.indexOf('export');
  assert.deepEqual(positionAt(sourceFile, offset), { line: 1, character: 0 });
  assert.deepEqual(positionAt(sourceFile, offset + 7), { line: 1, character: 7 });
});
