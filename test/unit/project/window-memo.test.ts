import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it, mock } from 'node:test';
import { ProjectSession } from '../../../server/src/project/session';
import { CompareMemo } from '../../../server/src/engine/compare-memo';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

const message = (name: string, field: string) => `/** @wire */\nexport interface ${name} {\n  id: string;\n  ${field}: number;\n}\n`;

/**
 * With two live versions every check compares the working tree with both. An edit to one contract must leave
 * the other contracts' comparisons remembered against each version, not against the last one compared only.
 */
describe('an editing session with several live versions', () => {
  const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`src/m${i}.ts`, message(`M${i}`, 'a')]));
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, ...files });
  repo.commit();
  repo.tag('v1');
  repo.writeFile('src/m0.ts', message('M0', 'b'));
  repo.commit();
  repo.tag('v2');
  after(() => repo.dispose());

  it('compares again only the edited contract against each version', async () => {
    const session = await ProjectSession.open({ cwd: repo.dir, against: ['v1', 'v2'], cacheDir: path.join(repo.scratch, 'cache') });
    // Each root compared afresh (not recalled) is remembered once.
    const remember = mock.method(CompareMemo.prototype, 'remember');
    try {
      const edit = (field: string) => new Map([[repo.path('src/m3.ts'), message('M3', field)]]);
      await session.check(edit('c'), { diskUnchanged: true });
      remember.mock.resetCalls();
      const result = await session.check(edit('cd'), { diskUnchanged: true });
      assert.ok(result.findings.some((f) => f.contract === 'M3'), 'the edit is found');
      assert.deepEqual(remember.mock.calls.map((call) => call.arguments[0]), ['M3', 'M3']);
      const fresh = await ProjectSession.open({ cwd: repo.dir, against: ['v1', 'v2'], cacheDir: path.join(repo.scratch, 'cache-fresh') });
      try {
        const full = await fresh.check(edit('cd'), { diskUnchanged: true });
        assert.deepEqual([result.findings, result.suppressed, result.summary, result.problems], [full.findings, full.suppressed, full.summary, full.problems]);
      } finally {
        fresh.dispose();
      }
    } finally {
      remember.mock.restore();
      session.dispose();
    }
  });
});
