import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport, workingTreeLine } from '../../../server/src/report/report-model';
import { validate } from '../../../server/src/witness/validate';
import { AFTER, BEFORE, checkOf, sampleReport } from './sample';

describe('report model', () => {
  const report = sampleReport();

  it('carries the baseline, the working tree and the summary by direction and severity', () => {
    assert.deepEqual(report.baseline, {
      ref: 'deployed',
      commit: '1234567890abcdef1234567890abcdef12345678',
      date: '2024-05-01T10:00:00+02:00',
      how: 'picked the tag `deployed`',
    });
    assert.equal(workingTreeLine(report.workingTree), '2 files with uncommitted changes on main @ abcdef0');
    assert.deepEqual(
      { ...report.summary, byDirection: undefined },
      { contractsChecked: 2, contractsChanged: 2, contractsWithFindings: 2, findings: 3, suppressed: 1, byDirection: undefined },
    );
    assert.deepEqual(report.summary.byDirection, {
      'old-to-new': { error: 1, warning: 0, info: 0 },
      'new-to-old': { error: 1, warning: 0, info: 0 },
      both: { error: 1, warning: 0, info: 0 },
    });
  });

  it('groups findings by contract with directions and order in words, ids unique', () => {
    assert.deepEqual(report.contracts.map((c) => [c.name, c.kind, c.findings.map((f) => f.rule)]), [
      ['OrderCreated', 'message', ['field-renamed', 'union-variant-added']],
      ['UserService', 'service', ['rpc-parameter-required-added']],
    ]);
    const rpc = report.contracts[1]!.findings[0]!;
    assert.deepEqual(rpc.directions, [{ direction: 'old-to-new', words: "baseline clients calling this version's UserService server fail" }]);
    assert.equal(rpc.orderWords, 'upgrade clients first, then servers');
    assert.equal(rpc.docUrl, 'https://github.com/skew-dev/skew/blob/main/docs/rules/rpc-parameter-required-added.md');
    const ids = [...report.contracts.flatMap((c) => c.findings), ...report.suppressed].map((f) => f.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('lists suppressed findings with their reason apart from the rest', () => {
    assert.deepEqual(report.suppressed.map((f) => [f.path, f.suppressed]), [
      ['OrderCreated.currency', { reason: 'every producer sends it since v1.3', by: 'comment' }],
    ]);
  });

  it('gives each finding a witness its writer produces and its reader rejects', () => {
    const { models } = checkOf(BEFORE, AFTER);
    const kind = report.contracts[0]!.findings.find((f) => f.rule === 'union-variant-added')!;
    assert.ok(!('none' in kind.witness));
    const value = JSON.parse(kind.witness.json) as unknown;
    const order = { kind: 'ref', name: 'OrderCreated' } as const;
    assert.equal(kind.witness.writer, 'this version');
    assert.ok(validate(value, order, models.working, { exact: true }).ok);
    assert.equal(validate(value, order, models.baseline).ok, false);
  });

  it('plans the whole change set: opposite orders and a rename need two releases', () => {
    assert.equal(report.plan.verdict, 'two-releases');
    assert.deepEqual(report.plan.needTwoReleases.map((n) => [n.change.path, n.change.id]), [
      ['OrderCreated.total', 'f1'],
      ['UserService.getUser(tenant)', 'f3'],
    ]);
  });

  it('without the models it says there is no witness rather than inventing one', () => {
    const { result } = checkOf(BEFORE, AFTER);
    const bare = buildReport({ result });
    const f = bare.contracts[0]!.findings[0]!;
    assert.deepEqual(f.witness, { none: 'the wire models were not available to build one' });
    assert.equal(workingTreeLine(bare.workingTree), undefined);
  });
});
