import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { declaresContracts, folderHasContracts } from '../../../server/src/project/has-contracts';
import { lineDiff } from '../../../server/src/lsp/line-diff';
import { commentSwallowingCode } from '../../../server/src/lsp/open-comment';
import { findingDetail } from '../../../server/src/lsp/finding-message';
import type { Finding } from '../../../server/src/rules';

describe('has-contracts: whether Skew speaks up in a folder', () => {
  it('counts contract tags, a skew.json and the imports of RPC frameworks adapters read, and nothing else', () => {
    assert.equal(declaresContracts('/** @wire */\nexport interface A { a: string }'), true);
    assert.equal(declaresContracts("import { initTRPC } from '@trpc/server';"), true);
    assert.equal(declaresContracts("import { os } from '@orpc/server';"), true);
    assert.equal(declaresContracts('export const wire = 1; // rewire later'), false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-has-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.mkdirSync(path.join(dir, 'node_modules', 'x'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'src', 'a.ts'), 'export const a = 1;\n');
      fs.writeFileSync(path.join(dir, 'node_modules', 'x', 'b.ts'), '/** @wire */ export interface B {}\n');
      assert.equal(folderHasContracts(dir), false, 'installed packages do not count');
      fs.writeFileSync(path.join(dir, 'skew.json'), '{}');
      assert.equal(folderHasContracts(dir), true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('open-comment: a typed /** that turns code into comment', () => {
  it('finds a block comment holding another JSDoc start, and not `/**` inside strings or line comments', () => {
    assert.equal(commentSwallowingCode('/**\nexport interface A {}\n/** @wire */\nexport interface B {}\n'), 0);
    assert.equal(commentSwallowingCode("const s = '/**';\n/** @wire */\nexport interface B {}\n"), undefined);
    assert.equal(commentSwallowingCode('// see /** below\n/** @wire */\nexport interface B {}\n'), undefined);
    assert.equal(commentSwallowingCode('/** one */\n/** two */\n'), undefined);
  });
});

describe('line-diff: what changed between two rendered shapes', () => {
  it('lists removed lines before added ones and leaves out what did not change', () => {
    assert.deepEqual(lineDiff('a\nb\nc', 'a\nx\nc\nd'), ['- b', '+ x', '+ d']);
    assert.deepEqual(lineDiff('same', 'same'), []);
  });
});

describe('finding detail: the live versions line', () => {
  const finding = (against: Finding['against']): Finding => ({
    rule: 'field-required-added',
    contract: 'Order',
    contractKind: 'message',
    path: 'Order.currency',
    steps: [],
    flow: 'message',
    breaks: ['old-to-new'],
    order: 'writers-first',
    severity: 'error',
    message: 'Required field `currency` was added.',
    against,
  });
  const ref = (label: string, persisted?: true) => ({ ref: label, commit: 'c'.repeat(40), label, ...(persisted ? { persisted } : {}) });

  it('lists the versions of a window or a persisted range, and says nothing more of a single baseline', () => {
    assert.match(findingDetail(finding([ref('deploy/eu'), ref('deploy/us')]), 'v1', ['Order'], 'https://x'), /\*\*Live versions\*\*: breaks against deploy\/eu and deploy\/us\./);
    assert.match(findingDetail(finding([ref('v1.0.0', true)]), 'v1', ['Order'], 'https://x'), /\*\*Live versions\*\*: breaks against data persisted since v1\.0\.0/);
    assert.doesNotMatch(findingDetail(finding([ref('deployed')]), 'v1', ['Order'], 'https://x'), /Live versions/);
    assert.doesNotMatch(findingDetail(finding(undefined), 'v1', ['Order'], 'https://x'), /Live versions/);
  });
});
