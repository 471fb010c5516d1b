import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReport } from '../../../server/src/report/report-model';
import { data, formatGithub, property } from '../../../server/src/report/github';
import { BEFORE, checkOf, sampleReport } from './sample';

describe('GitHub annotations', () => {
  const lines = formatGithub(sampleReport()).trimEnd().split('\n');

  it('writes one workflow command per unsuppressed finding, then a notice with the plan', () => {
    assert.equal(lines.length, 4);
    assert.equal(
      lines[1]!.split('::').slice(0, 2).join('::'),
      '::error file=services/orders/src/messages.ts,line=5,col=3,endColumn=7,title=skew union-variant-added%3A OrderCreated.kind',
    );
    for (const line of lines.slice(0, 3)) assert.match(line, /^::error file=[^,:]+,line=\d+,col=\d+,(endColumn|endLine)=\d+,title=[^:]+::\S/);
    assert.match(lines[1]!, /::`"<script>alert\(1\)<\/script>"` is a new possible value; .*%0ABreaks new-to-old: .*%0ASafe order: upgrade readers first, then writers\.%0ADocs: https:\/\/github\.com\/skew-dev\/skew\/blob\/main\/docs\/rules\/union-variant-added\.md$/);
    assert.ok(!lines.some((l) => l.includes('OrderCreated.currency')), 'the suppressed finding is not annotated');
    assert.equal(lines[3], '::notice title=Skew compatibility::3 findings against deployed. Rollout: No safe order: these changes need two releases. Some changes break both directions: whatever is upgraded first, old and new nodes cannot read each other. Some changes need readers and servers upgraded first and others writers and clients first; one rollout cannot do both.');
  });

  it('encodes what would end a command early', () => {
    assert.equal(data('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(property('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
  });

  it('says so when nothing breaks', () => {
    assert.deepEqual(formatGithub(buildReport(checkOf(BEFORE, BEFORE))).trimEnd().split('\n'), [
      '::notice title=Skew compatibility::No breaking changes against deployed (2 contracts checked, 0 changed).',
    ]);
  });
});
