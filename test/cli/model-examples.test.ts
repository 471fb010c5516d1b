import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeOrder } from '../../server/src/engine/finding';
import { EXAMPLES, type Example } from './examples';
import { checkJson } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

/**
 * Two rows of the model document's "Examples" table (one clean, one breaking) through the built CLI on a real
 * repository, as a smoke test of the bundle: test/unit/project/model-examples.test.ts runs every row in-process.
 * The baseline is tagged `deployed`, the change is first left uncommitted, then committed after the tag.
 */
const SMOKE = [EXAMPLES.find((e) => e.expected.length === 0), EXAMPLES.find((e) => e.expected.length > 0)].filter((e) => e !== undefined);

describe('model examples through `skew check`', { concurrency: 2 }, () => {
  for (const example of SMOKE) {
    it(example.change, async () => {
      const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/contract.ts': example.before });
      try {
        repo.commit('baseline');
        repo.tag('deployed');
        const deployed = repo.head();
        repo.write({ 'src/contract.ts': example.after });
        const before = repo.state();

        const uncommitted = await checkJson(repo.dir, repo.cacheDir);
        assertExample(example, uncommitted, deployed);
        assert.equal(repo.state(), before, 'skew must not change the repository');

        repo.commit('change after the tag');
        const committed = await checkJson(repo.dir, repo.cacheDir);
        assertExample(example, committed, deployed);
      } finally {
        repo.dispose();
      }
    });
  }
});

function assertExample(example: Example, run: Awaited<ReturnType<typeof checkJson>>, deployed: string): void {
  const { report } = run;
  assert.deepEqual(report.baseline, { ref: 'deployed', commit: deployed });
  assert.deepEqual(
    report.findings.map((f) => ({ rule: f.rule, path: f.path, breaks: f.breaks })),
    example.expected,
    `findings for "${example.change}":\n${run.stdout}`,
  );
  for (const f of report.findings) {
    const kind = example.before.includes('@rpc') ? 'service' : 'message';
    assert.equal(f.order, safeOrder(f.breaks as never, kind));
    assert.equal(f.file, 'src/contract.ts');
  }
  assert.equal(run.code, example.expected.length ? 1 : 0, run.stderr);
  assert.equal(report.summary.breaking, example.expected.length);
  assert.equal(report.summary.changed, 1);
  assert.match(run.stderr, /^Comparing against deployed \([0-9a-f]{7}, \d{4}-\d{2}-\d{2}\) — picked the tag `deployed`/);
}
