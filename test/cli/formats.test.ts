import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../server/src/report/json';
import { assertValidSarif } from '../unit/report/sarif-schema';
import { assertOneLineError, runCli, type CliRun } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = `/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  kind: "a" | "b";
}
`;
const V2 = `/** @wire */
export interface OrderCreated {
  id: string;
  amount: number;
  kind: "a" | "b" | "<script>alert(1)</script>";
  currency: string;
}
`;

describe('skew check --format', () => {
  let repo: TempRepo;
  const runs = new Map<string, CliRun>();
  const check = (format: string, extra: string[] = []) =>
    runCli(['check', '--format', format, ...extra], { cwd: `${repo.dir}/svc`, env: { SKEW_CACHE_DIR: repo.cacheDir } });

  before(async () => {
    repo = TempRepo.create({ 'svc/tsconfig.json': TSCONFIG, 'svc/src/messages.ts': V1 });
    repo.commit('v1');
    repo.tag('deployed');
    repo.write({ 'svc/src/messages.ts': V2 });
    // One after the other: the first run fills the baseline cache the others read.
    for (const format of ['text', 'json', 'markdown', 'sarif', 'github']) runs.set(format, await check(format));
  });
  after(() => repo.dispose());

  it('text: findings, the rollout plan, then the summary; exit 1', () => {
    const run = runs.get('text')!;
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /Rollout plan: No safe order: these changes need two releases\n/);
    assert.match(run.stdout, /    1\. Ship OrderCreated\.kind\.\n    2\. Upgrade every node that reads OrderCreated\.\n/);
    assert.match(run.stdout, /2 breaking changes in 1 contract against deployed \(1 contract checked, 1 changed\)\.\n$/);
  });

  it('json: unchanged document shape', () => {
    const run = runs.get('json')!;
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(Object.keys(report), ['baseline', 'findings', 'suppressed', 'summary']);
    assert.deepEqual(report.findings.map((f) => f.rule).sort(), ['field-required-added', 'union-variant-added']);
  });

  it('markdown: the report for a pull-request comment, with git state and witnesses', () => {
    const run = runs.get('markdown')!;
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^## Skew compatibility report\n\n\*\*Baseline:\*\* `deployed @ [0-9a-f]{7} \(\d{4}-\d\d-\d\d\)`, picked the tag `deployed`  \n\*\*Working tree:\*\* 1 file with uncommitted changes on main @ [0-9a-f]{7}\n/);
    assert.match(run.stdout, /### Rollout plan: No safe order: these changes need two releases/);
    assert.match(run.stdout, /#### `OrderCreated` \(message\)/);
    assert.match(run.stdout, /```json\n  \{\n    "id": "x",\n    "amount": 0,\n    "currency": "x",\n    "kind": "<script>alert\(1\)<\/script>"\n  \}\n  ```/);
    assert.equal(run.stderr.split('\n').filter(Boolean).length, 1, 'only the "Comparing against" line on stderr');
  });

  it('sarif: valid SARIF 2.1.0 with repository-relative paths', () => {
    const run = runs.get('sarif')!;
    assert.equal(run.code, 1, run.stderr);
    const log = assertValidSarif(run.stdout);
    const results = log.runs[0]!.results!;
    assert.deepEqual(results.map((r) => r.ruleId).sort(), ['field-required-added', 'union-variant-added']);
    for (const r of results) assert.equal(r.locations![0]!.physicalLocation!.artifactLocation!.uri, 'svc/src/messages.ts');
  });

  it('github: one ::error annotation per finding and a closing notice', () => {
    const run = runs.get('github')!;
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(lines[0]!, /^::error file=svc\/src\/messages\.ts,line=5,col=3,endColumn=7,title=skew union-variant-added%3A OrderCreated\.kind::/);
    assert.match(lines[1]!, /^::error file=svc\/src\/messages\.ts,line=6,col=3,endColumn=11,title=skew field-required-added%3A OrderCreated\.currency::Required field `currency` was added/);
    assert.match(lines[2]!, /^::notice title=Skew compatibility::2 findings against deployed\. Rollout: No safe order/);
  });

  it('every format exits 0 with nothing breaking, and an unknown format is a one-line error', async () => {
    const clean = await runCli(['check', '--format', 'sarif', '--against', 'deployed'], {
      cwd: `${repo.dir}/svc`,
      env: { SKEW_CACHE_DIR: repo.cacheDir },
    });
    assert.equal(clean.code, 1, 'still the working tree with changes');
    repo.write({ 'svc/src/messages.ts': V1 });
    for (const format of ['markdown', 'sarif', 'github']) {
      const run = await check(format);
      assert.equal(run.code, 0, `${format}: ${run.stderr}`);
      if (format === 'sarif') assert.deepEqual(assertValidSarif(run.stdout).runs[0]!.results, []);
      if (format === 'markdown') assert.match(run.stdout, /### Rollout plan: Safe in any order/);
      if (format === 'github') assert.match(run.stdout, /^::notice title=Skew compatibility::No breaking changes against deployed/);
    }
    const bad = await check('xml');
    assert.match(assertOneLineError(bad), /xml.*(text, json, markdown, sarif, github|choices)/i);
  });
});
