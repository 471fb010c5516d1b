import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFixes } from '../../../server/src/project/apply-fixes';
import { formatText } from '../../../server/src/report/text';
import { checkOf } from './sample';

/** Quoted names and string literals can hold any character; the terminal must get them escaped. */
const BEFORE = { 'src/m.ts': '/** @wire */\nexport interface M {\n  k: "a";\n}\n' };
const AFTER = { 'src/m.ts': '/** @wire */\nexport interface M {\n  k: "a" | "b";\n  "line\\nbreak\\u001b[2J": string;\n}\n' };

describe('text report and control characters from the code', () => {
  it('escapes newlines and terminal escapes in paths, messages and the plan', () => {
    const out = formatText(checkOf(BEFORE, AFTER).result);
    assert.doesNotMatch(out, /\u001b/, 'no raw escape reaches the terminal');
    assert.match(out, /^ {2}✖ M\["line\\nbreak\\u001b\[2J"\] {2}field-required-added$/m);
    assert.match(out, /^ {4}Required field `line\\nbreak\\u001b\[2J` was added/m);
    // Every line is one of the report's own: none starts with the tail of a broken name.
    assert.doesNotMatch(out, /^break/m);
  });

  it('escapes them in what --fix says it changed', () => {
    const out = describeFixes({
      result: checkOf(BEFORE, BEFORE).result,
      changed: [{ file: 'src/m.ts', titles: ['Make `line\nbreak\u001b[2J` optional'] }],
      refused: [],
    });
    assert.equal(out, 'fixed src/m.ts: Make line\\nbreak\\u001b[2J optional\n');
  });
});
