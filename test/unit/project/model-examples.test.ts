import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeOrder } from '../../../server/src/engine/finding';
import { EXAMPLES, type Example } from '../../cli/examples';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';
import { checkInProcess } from './check-in-process';

/**
 * Every row of the model document's "Examples" table, through the check the CLI makes on a real repository:
 * the baseline is tagged `deployed`, the change is first left uncommitted, then committed after the tag.
 * test/cli/model-examples.test.ts runs two rows through the built CLI.
 */
describe('model examples through the project check', () => {
  for (const example of EXAMPLES) {
    it(example.change, async () => {
      const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/contract.ts': example.before });
      try {
        repo.commit('baseline');
        repo.tag('deployed');
        const deployed = repo.head();
        repo.write({ 'src/contract.ts': example.after });
        const before = repo.state();

        assertExample(example, await checkInProcess(repo.dir, repo.cacheDir), deployed);
        assert.equal(repo.state(), before, 'skew must not change the repository');

        repo.commit('change after the tag');
        assertExample(example, await checkInProcess(repo.dir, repo.cacheDir), deployed);
      } finally {
        repo.dispose();
      }
    });
  }
});

function assertExample(example: Example, run: Awaited<ReturnType<typeof checkInProcess>>, deployed: string): void {
  const { report } = run;
  assert.deepEqual(report.baseline, { ref: 'deployed', commit: deployed });
  assert.equal(run.result.baseline.how, 'deployed-tag');
  assert.deepEqual(
    report.findings.map((f) => ({ rule: f.rule, path: f.path, breaks: f.breaks })),
    example.expected,
    `findings for "${example.change}":\n${JSON.stringify(report, null, 2)}`,
  );
  for (const f of report.findings) {
    const kind = example.before.includes('@rpc') ? 'service' : 'message';
    assert.equal(f.order, safeOrder(f.breaks as never, kind));
    assert.equal(f.file, 'src/contract.ts');
  }
  assert.equal(run.code, example.expected.length ? 1 : 0);
  assert.equal(report.summary.breaking, example.expected.length);
  assert.equal(report.summary.changed, 1);
}
