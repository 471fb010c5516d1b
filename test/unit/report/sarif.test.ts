import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rules } from '../../../server/src/rules';
import { buildReport } from '../../../server/src/report/report-model';
import { formatSarif } from '../../../server/src/report/sarif';
import { assertValidSarif } from './sarif-schema';
import { BEFORE, checkOf, sampleReport } from './sample';

describe('SARIF report', () => {
  const log = assertValidSarif(formatSarif(sampleReport()));
  const run = log.runs[0]!;

  it('describes every rule with help text and a doc link', () => {
    const descriptors = run.tool.driver.rules!;
    assert.deepEqual(descriptors.map((r) => r.id), rules.map((r) => r.meta.id));
    for (const d of descriptors) {
      assert.ok(d.shortDescription?.text);
      assert.match(d.helpUri!, new RegExp(`/docs/rules/${d.id}\\.md$`));
      assert.ok(d.help?.text.includes(d.helpUri!));
      assert.ok(d.help?.markdown?.includes(`[${d.id}](${d.helpUri})`));
      assert.ok(['error', 'warning', 'note'].includes(d.defaultConfiguration!.level!));
    }
  });

  it('has one result per finding, with repository paths, 1-based regions and the rule index', () => {
    assert.equal(run.results!.length, 4);
    const kind = run.results!.find((r) => r.ruleId === 'union-variant-added')!;
    assert.equal(run.tool.driver.rules![kind.ruleIndex!]!.id, 'union-variant-added');
    assert.equal(kind.level, 'error');
    assert.deepEqual(kind.locations![0]!.physicalLocation, {
      artifactLocation: { uri: 'services/orders/src/messages.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 5, startColumn: 3, endLine: 5, endColumn: 7 },
    });
    assert.match(kind.message.text!, /Breaks new-to-old: this version writing OrderCreated cannot be read by a baseline node\. Safe order: upgrade readers first, then writers\./);
    assert.match(kind.message.text!, /Witness: \{"id":"x","total":0,"currency":"x","kind":"<script>alert\(1\)<\/script>"\}/);
    assert.deepEqual(kind.properties, { contract: 'OrderCreated', path: 'OrderCreated.kind', breaks: ['new-to-old'], order: 'readers-first' });
    assert.match(kind.partialFingerprints!['skewFinding/v1']!, /^[0-9a-f]{32}$/);
  });

  it('keeps suppressed findings, marked with their justification', () => {
    const suppressed = run.results!.filter((r) => r.suppressions?.length);
    assert.deepEqual(suppressed.map((r) => [r.ruleId, r.suppressions]), [
      ['field-required-added', [{ kind: 'inSource', justification: 'every producer sends it since v1.3' }]],
    ]);
  });

  it('points a removed contract at its baseline place and stays valid with nothing found', () => {
    const gone = checkOf({ 'src/a.ts': '/** @wire */\nexport interface Gone { id: string }\n/** @wire */\nexport interface Kept { id: string }\n' }, { 'src/a.ts': '/** @wire */\nexport interface Kept { id: string }\n' });
    const removed = assertValidSarif(formatSarif(buildReport(gone))).runs[0]!.results![0]!;
    assert.equal(removed.ruleId, 'contract-removed');
    assert.equal(removed.locations![0]!.physicalLocation!.artifactLocation!.uri, 'src/a.ts');
    assert.match(removed.message.text!, /Only the baseline has it \(deployed @ 1234567 \(2024-05-01\)\)\./);
    const none = assertValidSarif(formatSarif(buildReport(checkOf(BEFORE, BEFORE))));
    assert.deepEqual(none.runs[0]!.results, []);
  });
});
