import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixesFor } from '../../../server/src/fixes';
import { applyFixEdits, checkFix, loadPair } from './fix-harness';

/**
 * Edits are in LSP positions: lines end at `\n`, `\r\n` or a lone `\r` only. A U+2028 in a comment is a line
 * break to TypeScript but not to an editor, so positions counted TypeScript's way land on the wrong line.
 */
describe('fix positions and unusual line breaks', () => {
  for (const [name, breakChar] of [
    ['a line separator in a comment', '\u2028'],
    ['a paragraph separator in a comment', '\u2029'],
  ] as const) {
    test(`${name} above the contract does not move the edit`, () => {
      const head = `// note: a${breakChar}b\n/** @wire */\nexport interface M {\n  id: string;\n`;
      const pair = loadPair('line-breaks', { 'm.ts': `${head}}\n` }, { 'm.ts': `${head}  added: string;\n}\n` });
      const finding = pair.comparison.findings.find((f) => f.rule === 'field-required-added');
      assert.ok(finding);
      const [fix] = fixesFor(finding, pair.input).fixes.filter((f) => f.safe);
      assert.ok(fix);
      assert.equal(fix.edits[0]!.range.start.line, 4, 'the fifth line as an editor counts lines');
      assert.equal(applyFixEdits(pair.new, fix.edits)['m.ts'], `${head}  added?: string;\n}\n`);
      assert.deepEqual(checkFix(pair, finding, fix), []);
    });
  }

  test('a file with lone carriage returns keeps them and gets the edit on the right line', () => {
    const head = '/** @wire */\rexport interface M {\r  id: string;\r';
    const pair = loadPair('line-breaks', { 'm.ts': `${head}}\r` }, { 'm.ts': `${head}  added: string;\r}\r` });
    const finding = pair.comparison.findings.find((f) => f.rule === 'field-required-added')!;
    const [fix] = fixesFor(finding, pair.input).fixes.filter((f) => f.safe);
    assert.equal(applyFixEdits(pair.new, fix!.edits)['m.ts'], `${head}  added?: string;\r}\r`);
  });
});
