import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { committerDate, translate } from '../../server/src/baseline/git';
import { resolveBaseline } from '../../server/src/baseline/resolve-baseline';
import { SkewError } from '../../server/src/common/errors';
import { assertOneLineError, runCli } from '../cli/run-cli';
import { TempRepo, TSCONFIG } from '../cli/temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';

describe('git refs and refusals a user can meet: one line saying what to do', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': V1 });
  const first = repo.commit('one');
  repo.git('update-ref', 'refs/tags/-c', first);
  repo.write({ 'src/a.ts': V1.replace('id: string;', 'id: string;\n  currency: string;') });
  repo.commit('two');
  after(() => repo.dispose());

  it('a tag named `-c`: says to write refs/tags/-c, and that name works', async () => {
    await assert.rejects(
      resolveBaseline(repo.dir, { against: '-c' }),
      (e: unknown) => e instanceof SkewError && /starts with "-".*write it as `refs\/tags\/-c`/.test(e.message),
    );
    const b = await resolveBaseline(repo.dir, { against: 'refs/tags/-c' });
    assert.equal(b.commit, first);
  });

  it('a 300 KB baseline in skew.json is "not a ref name", not an unexpected error', async () => {
    repo.write({ 'skew.json': JSON.stringify({ baseline: 'v'.repeat(300_000) }) });
    try {
      const run = await runCli(['check'], { cwd: repo.dir, env: { SKEW_CACHE_DIR: repo.cacheDir } });
      assert.match(assertOneLineError(run), /the baseline ref is longer than the system lets a program argument be, so it is not a ref name/);
    } finally {
      repo.remove('skew.json');
    }
  });

  it('a ref holding a NUL byte is "not a ref name"', async () => {
    await assert.rejects(resolveBaseline(repo.dir, { against: 'v1\0x' }), /is not a ref name: it holds control characters/);
  });

  it('a spawn refused with E2BIG becomes a SkewError', () => {
    const e = translate({ code: 'E2BIG' }, ['rev-parse'], repo.dir, '');
    assert.ok(e instanceof SkewError && e.message.includes('longer than the system lets a program argument be'), String(e));
  });

  it("git's dubious-ownership refusal says how to trust the folder", () => {
    const stderr =
      "fatal: detected dubious ownership in repository at '/srv/their repo'\n" +
      'To add an exception for this directory, call:\n\n\tgit config --global --add safe.directory \'/srv/their repo\'\n';
    const e = translate({ code: 128 }, ['rev-parse', '--show-toplevel'], '/srv/their repo/app', stderr);
    assert.ok(e instanceof SkewError, String(e));
    assert.equal(
      e.message,
      'git refuses to read /srv/their repo because another user owns it ("dubious ownership"); if you trust it, run git config --global --add safe.directory /srv/their repo',
    );
  });
});

describe('committer dates from raw commit objects', () => {
  it('prints what git show --format=%cI prints, offset included', () => {
    const raw = (tz: string): string => `tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nauthor A <a@b> 1 +0000\ncommitter A <a@b> 1700000000 ${tz}\n\nmsg\ncommitter X <x@y> 5 +0100\n`;
    assert.equal(committerDate(raw('+0000')), '2023-11-14T22:13:20+00:00');
    assert.equal(committerDate(raw('-0700')), '2023-11-14T15:13:20-07:00');
    assert.equal(committerDate(raw('+0530')), '2023-11-15T03:43:20+05:30');
    assert.throws(() => committerDate('tree x\n\ncommitter A <a@b> 5 +0000\n'), SkewError);
  });
});
