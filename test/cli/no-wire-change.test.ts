import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkJson } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

interface Case {
  name: string;
  before: Record<string, string>;
  after: Record<string, string>;
  remove?: string[];
}

/** Spelling changes the model says are not wire changes: they must give zero findings. */
const CASES: Case[] = [
  {
    name: 'moving a contract to another (untracked) file',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  amount: number;\n}\n' },
    after: { 'src/orders/order-created.ts': '/** @wire */\nexport interface OrderCreated {\n  amount: number;\n  id: string;\n}\n' },
    remove: ['src/messages.ts'],
  },
  {
    name: 'interface → type alias',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note?: string;\n}\n' },
    after: { 'src/messages.ts': '/** @wire */\nexport type OrderCreated = {\n  readonly id: string;\n  note?: string | undefined;\n};\n' },
  },
  {
    name: 'extracting a nested type',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  customer: { name: string; email?: string };\n}\n' },
    after: {
      'src/messages.ts': "import type { Customer } from './customer';\n\n/** @wire */\nexport interface OrderCreated {\n  id: string;\n  customer: Customer;\n}\n",
      'src/customer.ts': 'export interface Customer {\n  name: string;\n  email?: string;\n}\n',
    },
  },
  {
    name: 'Pick',
    before: { 'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  amount: number;\n}\n' },
    after: {
      'src/messages.ts': 'interface Order {\n  id: string;\n  amount: number;\n  internalNotes: string[];\n}\n\n/** @wire */\nexport type OrderCreated = Pick<Order, "id" | "amount">;\n',
    },
  },
  {
    name: 'renaming a string-enum key with the same value',
    before: { 'src/messages.ts': "export enum Status {\n  Active = 'active',\n  Off = 'off',\n}\n\n/** @wire */\nexport interface UserChanged {\n  status: Status;\n}\n" },
    after: { 'src/messages.ts': "export enum Status {\n  Enabled = 'active',\n  Off = 'off',\n}\n\n/** @wire */\nexport interface UserChanged {\n  status: Status;\n}\n" },
  },
];

describe('no wire change, no finding', { concurrency: 2 }, () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, ...c.before });
      try {
        repo.commit();
        repo.tag('deployed');
        for (const rel of c.remove ?? []) repo.remove(rel);
        repo.write(c.after);
        const uncommitted = await checkJson(repo.dir, repo.cacheDir);
        assert.deepEqual(uncommitted.report.findings, [], uncommitted.stdout);
        assert.equal(uncommitted.code, 0);
        assert.ok(uncommitted.report.summary.contracts >= 1, 'the contract was found in both versions');
        repo.commit();
        const committed = await checkJson(repo.dir, repo.cacheDir);
        assert.deepEqual(committed.report.findings, [], committed.stdout);
        assert.equal(committed.code, 0);
      } finally {
        repo.dispose();
      }
    });
  }

  it('a breaking change that lives only in an untracked new file is found', async () => {
    const repo = TempRepo.create({
      'tsconfig.json': TSCONFIG,
      'src/messages.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n',
    });
    try {
      repo.commit();
      repo.tag('deployed');
      repo.remove('src/messages.ts');
      repo.write({ 'src/orders.ts': '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n' });
      assert.match(repo.git('status', '--porcelain'), /\?\? src\/orders\.ts/);
      const run = await checkJson(repo.dir, repo.cacheDir);
      assert.equal(run.code, 1);
      assert.deepEqual(run.report.findings.map((f) => [f.path, f.breaks, f.file]), [['OrderCreated.currency', ['old-to-new'], 'src/orders.ts']]);
      assert.equal(run.report.findings[0]!.baselineFile, 'src/messages.ts');
    } finally {
      repo.dispose();
    }
  });
});
