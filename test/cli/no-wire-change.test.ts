import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkJson } from './run-cli';
import { CASES } from './no-wire-cases';
import { TempRepo, TSCONFIG } from './temp-repo';

/**
 * One spelling change through the built CLI, as a smoke test of the bundle (test/unit/project/no-wire-change.test.ts
 * runs every case in-process), and a break that only the working tree's untracked files show.
 */
describe('no wire change, no finding', { concurrency: 2 }, () => {
  for (const c of CASES.slice(0, 1)) {
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
