import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkJson, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const V11 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note?: string;\n}\n';
// Against every live version: `currency` is required and old writers never send it. Against the versions that
// have `note` only: its type changed (v1.0.0 has no `note`, so adding it as a number breaks nothing there).
const WORKING = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  note?: number;\n  currency: string;\n}\n';

describe('several live versions', () => {
  let repo: TempRepo;
  let c1: string;
  let c11: string;
  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
    c1 = repo.commit('v1');
    repo.tag('v1.0.0').tag('deploy/us');
    repo.write({ 'src/messages.ts': V11 });
    c11 = repo.commit('v1.1');
    repo.tag('v1.1.0').tag('deploy/eu').tag('deploy/ap');
    repo.write({ 'src/messages.ts': WORKING });
  });
  after(() => repo.dispose());

  it('checks against every tag a glob matches and names the versions each finding breaks against', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deploy/*', '--verbose']);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(
      run.report.window?.map((b) => [b.ref, b.commit, b.label]),
      [
        ['deploy/ap', c11, 'deploy/ap (v1.1.0)'],
        ['deploy/eu', c11, 'deploy/eu (v1.1.0)'],
        ['deploy/us', c1, 'deploy/us (v1.0.0)'],
      ],
    );
    const byPath = new Map(run.report.findings.map((f) => [f.path, f]));
    assert.deepEqual(byPath.get('OrderCreated.currency')?.against?.map((r) => r.label), ['deploy/ap (v1.1.0)', 'deploy/eu (v1.1.0)', 'deploy/us (v1.0.0)']);
    assert.deepEqual(byPath.get('OrderCreated.note')?.against?.map((r) => r.ref), ['deploy/ap', 'deploy/eu']);
    assert.equal(run.report.findings.length, 2, JSON.stringify(run.report.findings));
    // Two tags on one commit: that commit's model is built once.
    assert.equal(run.stderr.match(/Baseline model extracted in \d+ ms for /g)?.length, 2, run.stderr);
    assert.match(run.stderr, /Comparing against 3 live versions: deploy\/ap \(v1\.1\.0\), deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)/);
  });

  it('says it in the text report', async () => {
    const run = await runCli(['check', '--against', 'deploy/eu', '--against', 'deploy/us'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /breaks old-to-new against deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\): a baseline node writing OrderCreated/);
    assert.match(run.stdout, /breaks old-to-new against deploy\/eu \(v1\.1\.0\): /);
    assert.match(run.stdout, /fingerprint [0-9a-f]{16}/);
    assert.match(run.stdout, /against 2 live versions \(deploy\/eu and deploy\/us\)/);
  });

  it('reads a list of refs and tag globs from skew.json "baseline"', async () => {
    repo.write({ 'skew.json': JSON.stringify({ baseline: ['v1.0.0', 'deploy/e*'] }) });
    try {
      const run = await checkJson(repo.dir, repo.cacheDir);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(run.report.window?.map((b) => b.ref), ['v1.0.0', 'deploy/eu']);
      assert.equal(run.report.baseline.ref, 'v1.0.0');
    } finally {
      repo.remove('skew.json');
    }
  });

  it('a glob that matches no tag is a one-line error', async () => {
    const run = await runCli(['check', '--against', 'canary/*'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(run.code, 2);
    assert.equal(run.stderr, 'skew: no tag matches `canary/*` (--against): check the pattern, or run git fetch --tags\n');
  });

  it('every format carries the live versions and the fingerprint', async () => {
    const env = { SKEW_CACHE_DIR: repo.cacheDir };
    const args = ['check', '--against', 'deploy/eu', '--against', 'deploy/us', '--format'];
    const md = await runCli([...args, 'markdown'], { cwd: repo.dir, env });
    assert.match(md.stdout, /\*\*Live versions \(2\):\*\*/);
    assert.match(md.stdout, /Breaks `old-to-new` against deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)/);
    assert.match(md.stdout, /Fingerprint `[0-9a-f]{16}`/);
    const sarif = JSON.parse((await runCli([...args, 'sarif'], { cwd: repo.dir, env })).stdout) as {
      runs: { results: { message: { text: string }; fingerprints?: Record<string, string>; properties?: { against?: string[] } }[] }[];
    };
    const results = sarif.runs[0]!.results;
    assert.ok(results.every((r) => /^[0-9a-f]{16}$/.test(r.fingerprints?.['skew/v1'] ?? '')));
    assert.ok(results.some((r) => r.properties?.against?.length === 2 && r.message.text.includes('against deploy/eu (v1.1.0) and deploy/us')));
    const gh = await runCli([...args, 'github'], { cwd: repo.dir, env });
    assert.match(gh.stdout, /Breaks old-to-new against deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)/);
    assert.match(gh.stdout, /Fingerprint: [0-9a-f]{16}/);
    assert.match(gh.stdout, /against 2 live versions \(deploy\/eu \(v1\.1\.0\), deploy\/us \(v1\.0\.0\)\)/);
  });

  it('fingerprints do not move with line numbers', async () => {
    const before = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deploy/us']);
    repo.write({ 'src/messages.ts': '\n\n// moved down\n' + WORKING });
    try {
      const after = await checkJson(repo.dir, repo.cacheDir, ['--against', 'deploy/us']);
      assert.deepEqual(
        after.report.findings.map((f) => f.fingerprint),
        before.report.findings.map((f) => f.fingerprint),
      );
      assert.notDeepEqual(after.report.findings[0]!.range, before.report.findings[0]!.range);
    } finally {
      repo.write({ 'src/messages.ts': WORKING });
    }
  });

  it('can-i-deploy: one verdict line and an exit code for the whole window', async () => {
    const env = { SKEW_CACHE_DIR: repo.cacheDir };
    const ordered = await runCli(['can-i-deploy', '--to', 'deploy/us'], { cwd: repo.dir, env });
    assert.equal(ordered.code, 3, ordered.stderr);
    assert.equal(ordered.stdout, 'safe if writers and clients go first against deploy/us (v1.0.0): Upgrade writers and clients first, then readers and servers\n');
    const two = await runCli(['can-i-deploy', '--to', 'deploy/*'], { cwd: repo.dir, env });
    assert.equal(two.code, 1, two.stderr);
    const [line, ...plan] = two.stdout.trimEnd().split('\n');
    assert.equal(line, 'needs two releases against 3 live versions (deploy/ap (v1.1.0), deploy/eu (v1.1.0) and deploy/us (v1.0.0)): No safe order: these changes need two releases');
    assert.match(plan.join('\n'), /Release 1 \(expand\):[\s\S]*OrderCreated\.note/);
    repo.write({ 'src/messages.ts': V11 });
    try {
      const safe = await runCli(['can-i-deploy', '--to', 'deploy/eu', '--to', 'deploy/ap'], { cwd: repo.dir, env });
      assert.equal(safe.code, 0, safe.stderr);
      assert.equal(safe.stdout, 'safe to deploy in any order against 2 live versions (deploy/eu (v1.1.0) and deploy/ap (v1.1.0))\n');
    } finally {
      repo.write({ 'src/messages.ts': WORKING });
    }
  });
});
