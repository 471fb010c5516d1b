import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CASES } from '../../cli/no-wire-cases';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';
import { checkInProcess } from './check-in-process';

describe('no wire change, no finding (project check)', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, ...c.before });
      try {
        repo.commit();
        repo.tag('deployed');
        for (const rel of c.remove ?? []) repo.remove(rel);
        repo.write(c.after);
        const uncommitted = await checkInProcess(repo.dir, repo.cacheDir);
        assert.deepEqual(uncommitted.report.findings, []);
        assert.equal(uncommitted.code, 0);
        assert.ok(uncommitted.report.summary.contracts >= 1, 'the contract was found in both versions');
        repo.commit();
        const committed = await checkInProcess(repo.dir, repo.cacheDir);
        assert.deepEqual(committed.report.findings, []);
        assert.equal(committed.code, 0);
      } finally {
        repo.dispose();
      }
    });
  }
});
