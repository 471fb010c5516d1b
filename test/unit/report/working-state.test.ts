import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { readWorkingState } from '../../../server/src/report/working-state';
import { TempRepo } from '../../cli/temp-repo';

describe('working-tree state', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('counts uncommitted files of the project folder only, untracked ones included', async () => {
    const repo = TempRepo.create({ 'app/src/a.ts': 'export {};\n', 'other/b.ts': 'export {};\n' });
    repos.push(repo);
    const head = repo.commit('first');
    const root = `${repo.dir}/app`;
    assert.deepEqual(await readWorkingState(root), { head, branch: 'main', uncommitted: 0, repoPrefix: 'app/' });
    repo.write({ 'app/src/a.ts': 'export const a = 1;\n', 'app/src/new.ts': '', 'other/b.ts': 'changed' });
    const dirty = await readWorkingState(root);
    assert.equal(dirty.uncommitted, 2, 'the change outside app/ does not count');
  });

  it('reads a rename as one change and says nothing it does not know outside git', async () => {
    const renamed = TempRepo.create({ 'old.ts': 'export const x = 1;\n', 'a.ts': '' });
    repos.push(renamed);
    renamed.commit('first');
    renamed.git('mv', 'old.ts', 'new.ts');
    renamed.write({ 'a.ts': 'changed', 'b.ts': '' });
    assert.equal((await readWorkingState(renamed.dir)).uncommitted, 3, 'R new.ts, M a.ts, ?? b.ts');
    const plain = TempRepo.create({ 'a.ts': '' }, { git: false });
    repos.push(plain);
    assert.deepEqual(await readWorkingState(plain.dir), { repoPrefix: '' });
  });
});
