import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ts } from '@ts-morph/common';
import { suppressionsOf } from '../../../server/src/contracts/locations';

/** `node` as seen through a source file that counts how often its whole text is read. */
function countingTextReads(sourceFile: ts.SourceFile): { wrap: (node: ts.Node) => ts.Node; textReads: () => number } {
  let reads = 0;
  const file = new Proxy(sourceFile, {
    get(target, key) {
      if (key === 'text') reads++;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  const wrap = (node: ts.Node) =>
    new Proxy(node, {
      get(target, key) {
        if (key === 'getSourceFile') return () => file;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  return { wrap, textReads: () => reads };
}

const membersOf = (sourceFile: ts.SourceFile) => sourceFile.statements.filter(ts.isInterfaceDeclaration).flatMap((i) => [...i.members]);

test('a file without skew-ignore comments is searched for them once, not once per member', () => {
  const text = Array.from({ length: 50 }, (_, i) => `export interface M${i} {\n  /** doc */\n  id: string;\n}`).join('\n');
  const sourceFile = ts.createSourceFile('/p/a.ts', text, ts.ScriptTarget.ES2022, true);
  const { wrap, textReads } = countingTextReads(sourceFile);
  for (const member of membersOf(sourceFile)) assert.equal(suppressionsOf(wrap(member), () => 'a.ts'), undefined);
  assert.ok(textReads() <= 1, `the text was read ${textReads()} times`);
});

test('a skew-ignore comment above a member still suppresses, in a file that has one', () => {
  const text = 'export interface A {\n  id: string;\n  // skew-ignore field-removed: moved to B\n  /** doc */\n  old?: string;\n}\n';
  const sourceFile = ts.createSourceFile('/p/a.ts', text, ts.ScriptTarget.ES2022, true);
  const [id, old] = membersOf(sourceFile);
  assert.equal(suppressionsOf(id!, () => 'a.ts'), undefined);
  assert.deepEqual(
    suppressionsOf(old!, () => 'a.ts')?.map((s) => [s.rule, s.reason, s.loc.range.start.line]),
    [['field-removed', 'moved to B', 2]],
  );
});
