import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertOneLineError, checkJson, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const V2 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n';
// The required field under another name: another break (another path), with another fingerprint.
const V3 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currencyCode: string;\n}\n';
const CONFIG = '{\n    "messages": ["src/**/*.ts"],\n    "baseline": "deployed"\n}\n';

describe('skew accept', () => {
  let repo: TempRepo;
  const env = () => ({ SKEW_CACHE_DIR: repo.cacheDir });
  before(() => {
    repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1, 'skew.json': CONFIG });
    repo.commit('v1');
    repo.tag('v1.0.0').tag('deployed');
    repo.write({ 'src/messages.ts': V2 });
  });
  after(() => repo.dispose());

  it('refuses bad input with one line and leaves skew.json as it was', async () => {
    for (const args of [
      ['accept', 'OrderCreated.currency', '--reason', '  '],
      ['accept', 'OrderCreated.nope', '--reason', 'fine'],
      ['accept', 'OrderCreated.currency', '--reason', 'fine', '--until', '-x'],
    ]) {
      const run = await runCli(args, { cwd: repo.dir, env: env() });
      assertOneLineError(run);
      assert.equal(repo.read('skew.json'), CONFIG);
    }
    const missing = await runCli(['accept', 'OrderCreated.currency'], { cwd: repo.dir, env: env() });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--reason/);
  });

  it('records a finding by path; the check then passes and lists it as accepted in every format', async () => {
    const first = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(first.code, 1);
    const fingerprint = first.report.findings[0]!.fingerprint!;
    const run = await runCli(['accept', 'OrderCreated.currency', '--reason', 'every writer already sends it'], { cwd: repo.dir, env: env() });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, `Accepted OrderCreated.currency (field-required-added, fingerprint ${fingerprint}) in skew.json\n`);
    // The rest of the file, indentation included, is as it was.
    assert.ok(repo.read('skew.json').startsWith('{\n    "messages": ["src/**/*.ts"],\n    "baseline": "deployed",\n    "accepted": [\n        {\n'));
    const after = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(after.code, 0, after.stderr);
    assert.deepEqual(after.report.findings, []);
    assert.deepEqual(after.report.suppressed.map((f) => [f.path, f.fingerprint, f.accepted]), [['OrderCreated.currency', fingerprint, { reason: 'every writer already sends it' }]]);
    const text = await runCli(['check'], { cwd: repo.dir, env: env() });
    assert.equal(text.code, 0);
    assert.match(text.stdout, /Accepted breaks:\n {2}OrderCreated\.currency {2}field-required-added: every writer already sends it/);
    const md = await runCli(['check', '--format', 'markdown'], { cwd: repo.dir, env: env() });
    assert.match(md.stdout, /### Accepted breaks\n\n- `OrderCreated\.currency` .*every writer already sends it/);
    const sarif = JSON.parse((await runCli(['check', '--format', 'sarif'], { cwd: repo.dir, env: env() })).stdout) as {
      runs: { results: { suppressions?: { status?: string; justification?: string }[] }[] }[];
    };
    assert.deepEqual(sarif.runs[0]!.results[0]!.suppressions, [{ kind: 'external', justification: 'accepted: every writer already sends it', status: 'accepted' }]);
    const gh = await runCli(['check', '--format', 'github'], { cwd: repo.dir, env: env() });
    assert.match(gh.stdout, /::notice title=skew accepted field-required-added%3A OrderCreated\.currency::Accepted: every writer already sends it/);
  });

  it('does not cover the break once it changes', async () => {
    repo.write({ 'src/messages.ts': V3 });
    try {
      const run = await checkJson(repo.dir, repo.cacheDir);
      assert.equal(run.code, 1);
      assert.deepEqual(run.report.findings.map((f) => [f.path, f.accepted]), [['OrderCreated.currencyCode', undefined]]);
    } finally {
      repo.write({ 'src/messages.ts': V2 });
    }
  });

  it('with --until, comes back as an error once that release is tagged on this history', async () => {
    const fingerprint = (await checkJson(repo.dir, repo.cacheDir)).report.suppressed[0]!.fingerprint!;
    const run = await runCli(['accept', fingerprint, '--reason', 'migration window', '--until', 'v2.0.0'], { cwd: repo.dir, env: env() });
    assert.equal(run.code, 0, run.stderr);
    const entries = (JSON.parse(repo.read('skew.json')) as { accepted: unknown[] }).accepted;
    assert.equal(entries.length, 1, 'the same fingerprint is replaced, not added twice');
    const before = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(before.code, 0);
    repo.commit('v2');
    repo.tag('v2.0.0');
    const expired = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(expired.code, 1, expired.stderr);
    assert.deepEqual(expired.report.findings.map((f) => [f.path, f.severity, f.accepted]), [
      ['OrderCreated.currency', 'error', { reason: 'migration window', until: 'v2.0.0', expired: true }],
    ]);
    const text = await runCli(['check'], { cwd: repo.dir, env: env() });
    assert.match(text.stdout, /accepted until v2\.0\.0, which is reached: it counts again \(migration window\)/);
  });
});
