import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCompilerOptions } from '../../../server/src/contracts/compiler-options.js';
import { createExtractor } from '../../../server/src/contracts/extractor.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import { CompareMemo } from '../../../server/src/engine/compare-memo.js';
import { compareModels } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape.js';

const baselineFiles = {
  'status.ts': 'export enum Status {\n  Pending,\n  Done,\n}\n',
  'money.ts': 'export interface Money {\n  amount: number;\n}\n',
  'order.ts':
    "import type { Money } from './money';\nimport { Status } from './status';\n/** @wire */\nexport interface Order {\n  total: Money;\n  status: Status;\n}\n/** @wire */\nexport interface Shipped {\n  order: Order;\n  at: string;\n}\n",
  'ping.ts': '/** @wire */\nexport interface Ping {\n  at: number;\n}\n',
};

/** Edits applied one after another, as an editing session would. */
const edits: Record<string, string>[] = [
  { 'ping.ts': baselineFiles['ping.ts'].replace('at: number', 'at: string') },
  { 'money.ts': 'export interface Money {\n  amount: number;\n  currency: string;\n}\n' },
  { 'status.ts': 'export enum Status {\n  Done,\n  Pending,\n}\n' },
  { 'order.ts': baselineFiles['order.ts'].replace('  at: string;\n', '') },
  { 'ping.ts': baselineFiles['ping.ts'] },
  { 'money.ts': baselineFiles['money.ts'] },
];

function extract(files: Record<string, string>): WireModel {
  const tree = memoryTree(files);
  const read = readCompilerOptions(tree);
  if ('error' in read) throw new Error(read.error);
  return createExtractor(tree, {}, read.options).extract().model;
}

describe('CompareMemo', () => {
  it('gives the same comparison as comparing from scratch after every edit', () => {
    const oldModel = extract(baselineFiles);
    const tree = memoryTree(baselineFiles);
    const read = readCompilerOptions(tree);
    if ('error' in read) throw new Error(read.error);
    const extractor = createExtractor(tree, {}, read.options);
    const memo = new CompareMemo();
    let files = { ...baselineFiles };
    let sawFindings = false;
    for (const edit of edits) {
      files = { ...files, ...edit };
      extractor.update(memoryTree(files));
      const model = extractor.extract().model;
      const remembered = compareModels(oldModel, model, { memo });
      const scratch = compareModels(oldModel, model);
      assert.deepEqual(remembered, scratch);
      sawFindings ||= scratch.findings.length > 0;
      // The result handed out is the caller's to change: it must not leak into the next call.
      for (const f of remembered.findings) f.message = 'changed by the caller';
    }
    assert.ok(sawFindings, 'the edits do break something');
  });

  it('forgets everything when the baseline changes', () => {
    const memo = new CompareMemo();
    const a = extract(baselineFiles);
    const b = extract({ ...baselineFiles, 'ping.ts': baselineFiles['ping.ts'].replace('number', 'string') });
    assert.equal(compareModels(a, b, { memo }).findings.length, 1);
    assert.equal(compareModels(b, b, { memo }).findings.length, 0);
    assert.equal(compareModels(a, b, { memo }).findings.length, 1);
  });
});
