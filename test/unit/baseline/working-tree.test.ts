import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkingTree } from '../../../server/src/baseline/working-tree';
import { TempRepo } from '../../cli/temp-repo';

describe('WorkingTree', () => {
  const repo = TempRepo.create({
    '.gitignore': 'dist/\n',
    'tsconfig.json': '{}',
    'src/committed.ts': 'export const a = 1;\n',
    'src/deleted.ts': 'export const d = 1;\n',
  });
  repo.commit();
  repo.write({ 'src/committed.ts': 'export const a = 2;\n', 'src/untracked.ts': 'u', 'dist/ignored.ts': 'i', 'node_modules/p/index.d.ts': 'p' });
  repo.remove('src/deleted.ts');
  after(() => repo.dispose());

  it('lists committed, modified and untracked sources, not ignored or deleted ones', async () => {
    const tree = await WorkingTree.open(repo.dir);
    assert.deepEqual(tree.listFiles(), ['src/committed.ts', 'src/untracked.ts']);
    assert.equal(tree.readFile('src/committed.ts'), 'export const a = 2;\n');
    assert.equal(tree.readFile('src/deleted.ts'), undefined);
    assert.equal(tree.readFile('node_modules/p/index.d.ts'), 'p');
  });

  it('lays unsaved buffers over the disk, by absolute or relative path', async () => {
    const tree = await WorkingTree.open(
      repo.dir,
      new Map([
        [path.join(repo.dir, 'src', 'committed.ts'), 'unsaved'],
        ['src/brand-new.ts', 'new buffer'],
      ]),
    );
    assert.equal(tree.readFile('src/committed.ts'), 'unsaved');
    assert.equal(tree.readFile('src/brand-new.ts'), 'new buffer');
    assert.ok(tree.listFiles().includes('src/brand-new.ts'));
    await tree.refresh();
    assert.equal(tree.readFile('src/committed.ts'), 'export const a = 2;\n');
    assert.ok(!tree.listFiles().includes('src/brand-new.ts'));
  });

  it('lists only the project folder when it is inside a larger repository', async () => {
    repo.write({ 'pkg/tsconfig.json': '{}', 'pkg/src/x.ts': 'x' });
    const tree = await WorkingTree.open(path.join(repo.dir, 'pkg'));
    assert.deepEqual(tree.listFiles(), ['src/x.ts']);
    assert.deepEqual(tree.getDirectories(''), ['src']);
  });
});
