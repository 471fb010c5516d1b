import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkJson, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface Invoice {\n  id: string;\n  legacyTotal: string;\n}\n';
const V11 = '/** @wire */\nexport interface Invoice {\n  id: string;\n  /** @deprecated use totalCents */\n  legacyTotal: string;\n  totalCents?: number;\n}\n';
const WORKING = '/** @wire */\nexport interface Invoice {\n  id: string;\n  totalCents?: number;\n}\n';

describe('deprecation, then removal', () => {
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
    repo.commit('v1');
    repo.tag('v1.0.0');
    repo.write({ 'src/messages.ts': V11 });
    repo.commit('deprecate');
    repo.tag('v1.1.0').tag('deploy/eu');
    repo.write({ 'src/messages.ts': V11.replace('  id: string;\n', '  id: string;\n  // next\n') });
    repo.commit('v1.2');
    repo.tag('v1.2.0').tag('deploy/us');
    repo.write({ 'src/messages.ts': WORKING });
  });
  after(() => repo.dispose());

  it('removing a field every live version deprecates is a notice naming the release that deprecated it, and passes', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deploy/*']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.report.findings.map((f) => [f.rule, f.path, f.severity]), [['field-removed', 'Invoice.legacyTotal', 'info']]);
    assert.match(run.report.findings[0]!.message, /deprecated in every live version \(since deploy\/eu \(v1\.1\.0\) at the latest\)/);
    assert.equal(run.report.summary.breaking, 0);
    const text = await runCli(['check', '--against', 'deploy/*'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(text.code, 0);
    assert.match(text.stdout, /ℹ Invoice\.legacyTotal {2}field-removed/);
    assert.match(text.stdout, /No breaking changes against 2 live versions/);
  });

  it('stays an error while a live version still has the field undeprecated', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deploy/*', '--against', 'v1.0.0']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.report.findings.map((f) => [f.rule, f.path, f.severity]), [['field-removed', 'Invoice.legacyTotal', 'error']]);
  });
});
