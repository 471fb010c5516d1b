import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { countUncommitted } from '../../../server/src/baseline/uncommitted';
import { TempRepo } from '../../cli/temp-repo';

/** What `git status` counts for the folder: the number countUncommitted must give without running status. */
function statusCount(repo: TempRepo, folder: string): number {
  const out = repo.git('-C', folder, 'status', '--porcelain', '-z', '--untracked-files=all', '--', '.');
  let count = 0;
  const parts = out.split('\0');
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.length < 4) continue;
    count++;
    if (parts[i]!.startsWith('R') || parts[i]!.startsWith('C')) i++;
  }
  return count;
}

describe('countUncommitted agrees with git status without running it', () => {
  const repos: TempRepo[] = [];
  after(() => repos.forEach((r) => r.dispose()));

  it('edits, staged and unstaged, deletions, renames, untracked, mode changes, symlinks, touched files', async () => {
    const repo = TempRepo.create({
      'app/a.ts': 'a\n',
      'app/b.ts': 'b\n',
      'app/c.ts': 'c\n',
      'app/d.ts': 'd\n',
      'app/e.sh': 'e\n',
      'app/old.ts': 'same content\n',
      'app/deep/f.ts': 'f\n',
      'app/touched.ts': 't\n',
      'other/x.ts': 'x\n',
    });
    repos.push(repo);
    fs.symlinkSync('a.ts', path.join(repo.dir, 'app/link'));
    repo.commit('first');
    const app = path.join(repo.dir, 'app');
    assert.equal(await countUncommitted(app), 0);

    repo.write({ 'app/a.ts': 'a2\n', 'app/b.ts': 'b2\n', 'app/new/n.ts': 'n\n', 'app/deep/f.ts': 'f2\n', 'other/x.ts': 'x2\n' });
    repo.git('add', 'app/b.ts');
    repo.write({ 'app/b.ts': 'b3\n' });
    repo.remove('app/c.ts');
    repo.git('rm', '-q', '--cached', 'app/d.ts');
    repo.git('mv', 'app/old.ts', 'app/renamed.ts');
    fs.chmodSync(path.join(repo.dir, 'app/e.sh'), 0o755);
    fs.rmSync(path.join(repo.dir, 'app/link'));
    fs.symlinkSync('b.ts', path.join(repo.dir, 'app/link'));
    // Newer stat data but the same bytes: not a change.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(repo.dir, 'app/touched.ts'), later, later);

    const expected = statusCount(repo, app);
    assert.equal(expected, 10, 'a b c d(deleted) d(untracked) e renamed f link new/n');
    assert.equal(await countUncommitted(app), expected);
    assert.equal(await countUncommitted(repo.dir), expected + 1, 'the whole repository also has other/x.ts');
  });

  it('a repository without commits counts every file', async () => {
    const repo = TempRepo.create({ 'a.ts': '', 'b/c.ts': '' });
    repos.push(repo);
    repo.git('add', 'a.ts');
    assert.equal(await countUncommitted(repo.dir), statusCount(repo, repo.dir));
    assert.equal(await countUncommitted(repo.dir), 2);
  });
});
