import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { WorkingTree } from '../../../server/src/baseline/working-tree';
import { TempRepo } from '../../cli/temp-repo';

describe('WorkingTree real locations', () => {
  const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`src/deep/er/m${i}.ts`, `export const m${i} = ${i};\n`]));
  const repo = TempRepo.create(files);
  repo.commit();
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.ts'), 'export const secret = 1;\n');
  fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(repo.dir, 'src/deep/er/leak.ts'));
  fs.mkdirSync(path.join(repo.dir, 'src/inside'));
  fs.symlinkSync('../deep/er/m1.ts', path.join(repo.dir, 'src/inside/alias.ts'));
  after(() => {
    repo.dispose();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('resolves each folder once, not every file of it', async () => {
    const realpath = fs.realpathSync.native;
    let calls = 0;
    fs.realpathSync.native = ((p: fs.PathLike) => {
      calls++;
      return realpath(p);
    }) as typeof fs.realpathSync.native;
    try {
      const tree = await WorkingTree.open(repo.dir);
      for (const rel of tree.listFiles()) tree.readFile(rel);
    } finally {
      fs.realpathSync.native = realpath;
    }
    assert.ok(calls < 20, `${calls} real paths resolved for 40 files in one folder`);
  });

  it('lists and reads a plain file with one status call, not one to list, one to check and one more to read', async () => {
    // The module object the product code calls through (a namespace import's bindings cannot be replaced).
    const disk = createRequire(__filename)('node:fs') as { lstatSync: typeof fs.lstatSync; statSync: typeof fs.statSync };
    const [lstat, stat] = [disk.lstatSync, disk.statSync];
    let calls = 0;
    disk.lstatSync = ((...args: Parameters<typeof fs.lstatSync>) => {
      calls++;
      return lstat(...args);
    }) as typeof fs.lstatSync;
    disk.statSync = ((...args: Parameters<typeof fs.statSync>) => {
      calls++;
      return stat(...args);
    }) as typeof fs.statSync;
    let listed: string[];
    try {
      const tree = await WorkingTree.open(repo.dir);
      listed = tree.listFiles();
      for (const rel of listed) assert.notEqual(tree.readFile(rel), undefined);
    } finally {
      disk.lstatSync = lstat;
      disk.statSync = stat;
    }
    assert.equal(listed.length, 41);
    // 40 plain files, one link (listed: two calls), the link leading out (two calls and the search for it).
    assert.ok(calls <= 50, `${calls} status calls to list and read ${listed.length} files`);
  });

  it('places each folder inside or outside the repository once, not every file of it', async () => {
    const paths = createRequire(__filename)('node:path') as { relative: typeof path.relative };
    const relative = paths.relative;
    let calls = 0;
    paths.relative = (from, to) => {
      calls++;
      return relative(from, to);
    };
    try {
      const tree = await WorkingTree.open(repo.dir);
      for (const rel of tree.listFiles()) tree.readFile(rel);
    } finally {
      paths.relative = relative;
    }
    assert.ok(calls < 20, `${calls} paths placed for 40 files in one folder`);
  });

  it('places the project folder itself in the repository, though the folder holding it is outside', async () => {
    const tree = await WorkingTree.open(repo.dir);
    assert.equal(tree.directoryExists(repo.dir), true);
    assert.equal(tree.directoryExists(path.join(repo.dir, 'src')), true);
    assert.deepEqual([...tree.skipped.keys()], ['src/deep/er/leak.ts']);
  });

  it('still follows a file that is itself a link: in the repository it is read, leading out it is skipped', async () => {
    const tree = await WorkingTree.open(repo.dir);
    assert.equal(tree.readFile('src/inside/alias.ts'), 'export const m1 = 1;\n');
    assert.equal(tree.readFile('src/deep/er/leak.ts'), undefined);
    assert.ok(tree.skipped.has('src/deep/er/leak.ts'));
    assert.ok(!tree.listFiles().includes('src/deep/er/leak.ts'));
  });
});
