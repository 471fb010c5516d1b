import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { newestSemverTag, resolveBaseline } from '../../../server/src/baseline/resolve-baseline';
import { SkewError } from '../../../server/src/common/errors';
import { TempRepo } from '../../cli/temp-repo';

describe('newestSemverTag', () => {
  it('orders by semantic version, not by name or creation', () => {
    assert.equal(newestSemverTag(['v1.9.0', 'v1.10.0', 'v1.2.0']), 'v1.10.0');
    assert.equal(newestSemverTag(['2.0.0-rc.1', '1.5.0']), '2.0.0-rc.1');
    assert.equal(newestSemverTag(['2.0.0-rc.1', '2.0.0']), '2.0.0');
    assert.equal(newestSemverTag(['v3', 'v2.9.9']), 'v3');
  });
  it('ignores tags that are not versions', () => {
    assert.equal(newestSemverTag(['release-9', 'build7', 'v1.0.0']), 'v1.0.0');
    assert.equal(newestSemverTag(['nightly', 'latest']), undefined);
  });
});

describe('resolveBaseline', () => {
  const repo = TempRepo.create({ 'a.txt': '1' });
  const c1 = repo.commit('one');
  repo.tag('v1.10.0');
  repo.write({ 'a.txt': '2' });
  const c2 = repo.commit('two');
  repo.tag('v1.9.0');
  repo.git('branch', 'release');
  repo.write({ 'a.txt': '3' });
  const c3 = repo.commit('three');
  after(() => repo.dispose());

  it('without deployed tag or settings, picks the newest semver tag', async () => {
    const b = await resolveBaseline(repo.dir, {});
    assert.deepEqual([b.ref, b.commit, b.how], ['v1.10.0', c1, 'newest-semver-tag']);
    assert.match(b.date, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('prefers the tag `deployed`, then skew.json, then --against', async () => {
    repo.tag('deployed', c2);
    try {
      assert.deepEqual(pick(await resolveBaseline(repo.dir, {})), ['deployed', c2, 'deployed-tag']);
      assert.deepEqual(pick(await resolveBaseline(repo.dir, { configBaseline: 'release' })), ['release', c2, 'skew.json']);
      assert.deepEqual(pick(await resolveBaseline(repo.dir, { configBaseline: 'release', against: c3 })), [c3, c3, 'argument']);
      assert.deepEqual(pick(await resolveBaseline(repo.dir, { against: c1.slice(0, 8) })), [c1.slice(0, 8), c1, 'argument']);
    } finally {
      repo.git('tag', '-d', 'deployed');
    }
  });

  it('a ref that does not exist is an error that mentions git fetch --tags', async () => {
    await assert.rejects(resolveBaseline(repo.dir, { against: 'v9.9.9' }), (e: unknown) => {
      assert.ok(e instanceof SkewError);
      assert.equal(e.code, 'ref-not-found');
      assert.match(e.message, /v9\.9\.9/);
      assert.match(e.message, /git fetch --tags/);
      return true;
    });
    await assert.rejects(resolveBaseline(repo.dir, { against: '--upload-pack=evil' }), { code: 'ref-not-found' });
  });

  it('no tag at all is an error saying how to pick a baseline', async () => {
    const bare = TempRepo.create({ 'a.txt': '1' });
    try {
      bare.commit();
      await assert.rejects(resolveBaseline(bare.dir, {}), (e: unknown) => {
        assert.ok(e instanceof SkewError);
        assert.equal(e.code, 'no-baseline');
        assert.match(e.message, /git tag deployed/);
        assert.match(e.message, /--against/);
        assert.match(e.message, /git fetch --tags/);
        return true;
      });
    } finally {
      bare.dispose();
    }
  });

  it('mentions a shallow clone when the ref is missing there', async () => {
    const clone = TempRepo.create({}, { git: false });
    try {
      clone.git('clone', '-q', '--depth', '1', `file://${repo.dir}`, 'c');
      const dir = `${clone.dir}/c`;
      await assert.rejects(resolveBaseline(dir, { against: 'v0.0.1' }), /shallow clone/);
    } finally {
      clone.dispose();
    }
  });
});

const pick = (b: { ref: string; commit: string; how: string }) => [b.ref, b.commit, b.how];
