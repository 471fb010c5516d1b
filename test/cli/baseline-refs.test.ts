import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkJson, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
// Breaks against V1 (old writers never send `currency`), not against itself.
const V2 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n';

describe('choosing the baseline', () => {
  let repo: TempRepo;
  let c1: string;
  let c2: string;
  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
    c1 = repo.commit('v1');
    repo.tag('v1.0.0');
    repo.git('branch', 'stable');
    repo.write({ 'src/messages.ts': V2 });
    c2 = repo.commit('v2');
    repo.tag('deployed');
  });
  after(() => repo.dispose());

  it('defaults to the tag `deployed`', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.report.baseline, { ref: 'deployed', commit: c2 });
  });

  it('names the version tag that shares the commit of `deployed`', async () => {
    repo.tag('v2.0.0', c2);
    try {
      const run = await checkJson(repo.dir, repo.cacheDir);
      assert.match(run.stderr, /^Comparing against deployed \(v2\.0\.0, [0-9a-f]{7}, \d{4}-\d{2}-\d{2}\) — picked the tag `deployed`/);
    } finally {
      repo.git('tag', '-d', 'v2.0.0');
    }
  });

  for (const [kind, ref] of [
    ['tag', () => 'v1.0.0'],
    ['branch', () => 'stable'],
    ['commit', () => c1],
    ['short commit', () => c1.slice(0, 10)],
  ] as const) {
    it(`--against a ${kind}`, async () => {
      const run = await checkJson(repo.dir, repo.cacheDir, ['--against', ref()]);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(run.report.baseline, { ref: ref(), commit: c1 });
      assert.deepEqual(run.report.findings.map((f) => [f.path, f.breaks]), [['OrderCreated.currency', ['old-to-new']]]);
      assert.match(run.stderr, /given with --against/);
    });
  }

  it('"baseline" in skew.json wins over the tag `deployed`, --against over both', async () => {
    repo.write({ 'skew.json': JSON.stringify({ baseline: 'stable' }) });
    try {
      const fromConfig = await checkJson(repo.dir, repo.cacheDir);
      assert.equal(fromConfig.code, 1);
      assert.deepEqual(fromConfig.report.baseline, { ref: 'stable', commit: c1 });
      assert.match(fromConfig.stderr, /from "baseline" in skew\.json/);
      const fromArgument = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deployed']);
      assert.equal(fromArgument.code, 0);
      assert.deepEqual(fromArgument.report.baseline, { ref: 'deployed', commit: c2 });
    } finally {
      repo.remove('skew.json');
    }
  });

  it('without `deployed`, picks the newest semantic-version tag (not the newest by name or date)', async () => {
    repo.git('tag', '-d', 'deployed');
    repo.tag('v0.9.0', c2);
    try {
      const older = await checkJson(repo.dir, repo.cacheDir);
      assert.deepEqual(older.report.baseline, { ref: 'v1.0.0', commit: c1 });
      assert.equal(older.code, 1);
      assert.match(older.stderr, /picked the newest version tag/);
      repo.tag('v1.10.0', c2);
      repo.tag('v1.9.0', c1);
      const newest = await checkJson(repo.dir, repo.cacheDir);
      assert.deepEqual(newest.report.baseline, { ref: 'v1.10.0', commit: c2 });
      assert.equal(newest.code, 0);
    } finally {
      repo.tag('deployed', c2);
      for (const t of ['v0.9.0', 'v1.10.0', 'v1.9.0']) repo.git('tag', '-d', t);
    }
  });

  it('a second run reads the baseline model from the cache', async () => {
    const cacheDir = `${repo.scratch}/cache-2`;
    const first = await runCli(['check', '--verbose'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: cacheDir } });
    assert.match(first.stderr, /Baseline model extracted/);
    const second = await runCli(['check', '--verbose'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: cacheDir } });
    assert.match(second.stderr, /Baseline model read from the cache/);
    assert.doesNotMatch(second.stderr, /extracted/);
    assert.equal(second.stdout, first.stdout);
  });
});
