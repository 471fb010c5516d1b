import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkJson, runCli } from './run-cli';
import { TempRepo, TSCONFIG } from './temp-repo';

const version = (kinds: string, extra = '') =>
  `/** @wire */\nexport interface StoredEvent {\n  id: string;\n  kind: ${kinds};\n${extra}}\n\n/** @wire */\nexport interface OrderPlaced {\n  status: "x";\n}\n`;
const V1 = version('"a" | "b"');
// v1.1.0 stopped writing "b" (and nothing live has it), but the event store still holds events from v1.0.0.
const V11 = version('"a"', '  note?: string;\n');
// Writes a new kind "c" into the store, and a new OrderPlaced status (not persisted).
const WORKING = version('"a" | "c"', '  note?: string;\n').replace('status: "x";', 'status: "x" | "y";');

describe('persisted messages and rollback', () => {
  let repo: TempRepo;
  before(() => {
    repo = TempRepo.create({
      'tsconfig.json': TSCONFIG,
      'src/messages.ts': V1,
      'skew.json': JSON.stringify({ baseline: 'deployed', persisted: { messages: ['Stored*'], since: 'v1.0.0' } }, null, 2),
    });
    repo.commit('v1');
    repo.tag('v0.9.0', 'HEAD').commit('v1 proper');
    repo.tag('v1.0.0');
    repo.write({ 'src/messages.ts': V11 });
    repo.commit('v1.1');
    repo.tag('v1.1.0');
    repo.commit('v1.2');
    repo.tag('v1.2.0').tag('deployed');
    repo.write({ 'src/messages.ts': WORKING });
  });
  after(() => repo.dispose());

  it('checks persisted contracts old-to-new against every version since `since`, and says the oldest one a finding reaches', async () => {
    const run = await checkJson(repo.dir, repo.cacheDir);
    assert.equal(run.code, 1, run.stderr);
    assert.deepEqual(run.report.persistedRange?.map((b) => b.ref), ['v1.0.0', 'v1.1.0', 'v1.2.0'], 'v0.9.0 is before `since`; `deployed` is v1.2.0');
    const found = run.report.findings.map((f) => [f.path, f.breaks, f.against?.map((r) => `${r.ref}${r.persisted ? ' (persisted)' : ''}`)]);
    assert.deepEqual(
      found.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [
        ['OrderPlaced.status', ['new-to-old'], ['deployed']],
        ['StoredEvent.kind', ['new-to-old'], ['deployed']],
        // Only stored v1.0.0 events hold "b": a finding no live version shows.
        ['StoredEvent.kind', ['old-to-new'], ['v1.0.0 (persisted)']],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    assert.equal(run.report.rollback?.safe, false);
    assert.deepEqual(run.report.rollback?.unsafe.map((u) => u.path), ['StoredEvent.kind']);
    const text = await runCli(['check'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.match(text.stdout, /breaks old-to-new against data persisted since v1\.0\.0 \(the oldest version it reaches; 1 persisted version in all\)/);
  });

  it('--rollback: a new-to-old break of a persisted contract makes going back unsafe, with what the expand/contract split does', async () => {
    const run = await runCli(['check', '--rollback'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /Rollback: Rollback to deployed \(v1\.2\.0\) is unsafe once this version has written StoredEvent\./);
    assert.match(run.stdout, /StoredEvent\.kind \(union-variant-added\): data this version writes cannot be read by the version rolled back to\.\n {4}plan: release 1: .*Rolling back to release 1 is then safe\. Release 2: /);
    assert.doesNotMatch(run.stdout, /OrderPlaced\.status \(union-variant-added\): data this version writes/, 'not persisted: a rollback does not read it back');
    const md = await runCli(['check', '--format', 'markdown'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
    assert.match(md.stdout, /### Rollback: unsafe/);
  });

  it('can-i-deploy: a break only stored data shows has no safe order', async () => {
    repo.write({ 'src/messages.ts': V11 });
    try {
      const run = await runCli(['can-i-deploy'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      assert.equal(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^needs two releases against deployed \(v1\.2\.0\): No safe order/);
      assert.match(run.stdout, /StoredEvent\.kind/);
    } finally {
      repo.write({ 'src/messages.ts': WORKING });
    }
  });

  it('--rollback passes when the persisted contracts only change in ways the old version reads', async () => {
    repo.write({ 'src/messages.ts': V11.replace('status: "x";', 'status: "x" | "y";') });
    try {
      const run = await runCli(['check', '--rollback', '--format', 'json'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      // OrderPlaced still breaks new-to-old (exit 1), but the rollback verdict on stderr is safe.
      assert.match(run.stderr, /Rollback: Rollback to deployed \(v1\.2\.0\) is safe: every persisted contract this version writes stays readable there\./);
    } finally {
      repo.write({ 'src/messages.ts': WORKING });
    }
  });
});
