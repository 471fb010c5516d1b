import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { memoryTree } from '../../../server/src/contracts/memory-tree';
import { compareModels } from '../../../server/src/rules';
import type { Rule } from '../../../server/src/engine/rule';
import type { WireModel } from '../../../server/src/engine/shape';

function extract(files: Record<string, string>): WireModel {
  const tree = memoryTree(files);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, {}, read.options).extract().model;
}

/** Records the roots the comparison walked. */
function recorder(): { rule: Rule; walked: string[] } {
  const walked: string[] = [];
  const rule: Rule = {
    meta: { id: 'record-walk', description: 'records the roots walked', severity: 'info', fixes: [] },
    contract: (_pair, ctx) => void walked.push(ctx.contract),
  };
  return { rule, walked };
}

const OLD = {
  'money.ts': 'export interface Money {\n  amount: number;\n}\n',
  'messages.ts':
    "import type { Money } from './money';\n/** @wire */\nexport interface Paid {\n  total: Money;\n}\n/** @wire */\nexport interface Ping {\n  at: number;\n}\n/** @wire */\nexport interface Shipped {\n  paid: Paid;\n}\n",
};
// Ping moves down two lines (its locations change, its wire shape does not); Money gains a required field.
const NEW = {
  'money.ts': 'export interface Money {\n  amount: number;\n  currency: string;\n}\n',
  'messages.ts': `\n\n${OLD['messages.ts']}`,
};

describe('comparing only what can differ', () => {
  it('walks the roots that reach a changed entry and skips those that only moved', () => {
    const { rule, walked } = recorder();
    compareModels(extract(OLD), extract(NEW), { rules: [rule] });
    // Shipped reaches Money through Paid, a contract of its own: its walk stops at Paid, but it is still walked.
    assert.deepEqual(walked.sort(), ['Paid', 'Shipped']);
  });

  it('still reports a change inside an untagged type, on the contract that reaches it', () => {
    const oldModel = extract(OLD);
    const newModel = extract(NEW);
    const result = compareModels(oldModel, newModel);
    assert.deepEqual(
      result.findings.map((f) => `${f.rule} ${f.path}`),
      ['field-required-added Paid.total.currency'],
    );
    assert.deepEqual(result.findings[0]!.affects, ['Shipped']);
    assert.deepEqual(result.changed, ['Paid']);
  });

  it('walks nothing when the versions differ only in where things are', () => {
    const { rule, walked } = recorder();
    const result = compareModels(extract(OLD), extract({ ...OLD, 'messages.ts': `// moved\n${OLD['messages.ts']}` }), { rules: [rule] });
    assert.deepEqual(walked, []);
    assert.deepEqual(result.changed, []);
  });
});
