import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CatFile } from '../../../server/src/baseline/cat-file';
import { GitTree } from '../../../server/src/baseline/git-tree';
import { TempRepo } from '../../cli/temp-repo';

describe('GitTree', () => {
  const repo = TempRepo.create({
    'app/tsconfig.json': '{}',
    'app/src/a.ts': 'export const a = 1;\n',
    'app/src/deep/b.tsx': 'export const b = 2;\n',
    'app/README.md': 'readme',
    'other/c.ts': 'export const c = 3;\n',
  });
  const first = repo.commit('first');
  repo.write({ 'app/src/a.ts': 'export const a = 100;\n', 'app/src/new.ts': 'x' });
  repo.remove('app/src/deep/b.tsx');
  // Installed packages are never committed; the baseline must still resolve them from disk.
  repo.write({ 'app/node_modules/pkg/index.d.ts': 'export type P = string;\n' });
  const catFile = new CatFile(repo.dir);
  after(() => {
    catFile.dispose();
    repo.dispose();
  });

  const open = () =>
    GitTree.open({ repoTop: repo.dir, prefix: 'app/', commit: first, diskRoot: path.join(repo.dir, 'app'), label: 'deployed', catFile });

  it('lists and reads the files of the commit, not the working tree, under the project prefix', async () => {
    const before = repo.state();
    const tree = await open();
    assert.deepEqual(tree.listFiles(), ['src/a.ts', 'src/deep/b.tsx']);
    assert.equal(tree.readFile('src/a.ts'), 'export const a = 1;\n');
    assert.equal(tree.readFile('src/deep/b.tsx'), 'export const b = 2;\n');
    assert.equal(tree.readFile('src/new.ts'), undefined);
    assert.equal(tree.readFile('../other/c.ts'), undefined);
    // Not pre-read (not a source/JSON file): read on demand.
    assert.equal(tree.readFile('README.md'), 'readme');
    assert.equal(tree.fileExists('tsconfig.json'), true);
    assert.equal(tree.fileExists('src/new.ts'), false);
    assert.equal(tree.directoryExists('src/deep'), true);
    assert.equal(tree.directoryExists('src/nope'), false);
    assert.deepEqual(tree.getDirectories(''), ['node_modules', 'src']);
    assert.deepEqual(tree.getDirectories('src'), ['deep']);
    assert.equal(repo.state(), before, 'reading a baseline must not touch the repository');
  });

  it('serves node_modules from the disk', async () => {
    const tree = await open();
    assert.equal(tree.readFile('node_modules/pkg/index.d.ts'), 'export type P = string;\n');
    assert.equal(tree.fileExists('node_modules/pkg/index.d.ts'), true);
    assert.equal(tree.directoryExists('node_modules/pkg'), true);
    assert.deepEqual(tree.getDirectories('node_modules'), ['pkg']);
  });

  it('accepts absolute paths inside the root', async () => {
    const tree = await open();
    assert.equal(tree.readFile(path.join(repo.dir, 'app', 'src', 'a.ts')), 'export const a = 1;\n');
  });

  it('reads a whole project through one cat-file process quickly', async () => {
    const big = TempRepo.create();
    try {
      const files: Record<string, string> = { 'tsconfig.json': '{}' };
      for (let i = 0; i < 2000; i++) files[`src/m${i % 40}/file${i}.ts`] = `export interface T${i} { id: string; n${i}: number }\n`.repeat(20);
      big.write(files);
      const commit = big.commit();
      const cat = new CatFile(big.dir);
      try {
        const started = performance.now();
        const tree = await GitTree.open({ repoTop: big.dir, prefix: '', commit, diskRoot: big.dir, label: 'big', catFile: cat });
        const texts = tree.listFiles().map((f) => tree.readFile(f));
        const ms = performance.now() - started;
        assert.equal(texts.length, 2000);
        assert.equal(texts[0], files['src/m0/file0.ts']);
        assert.ok(texts.every((t) => t && t.length > 100));
        assert.ok(ms < 3000, `2,000 files took ${ms.toFixed(0)} ms`);
        console.log(`# GitTree: 2,000 files listed and read in ${ms.toFixed(0)} ms`);
      } finally {
        cat.dispose();
      }
    } finally {
      big.dispose();
    }
  });

  it('a missing blob id reads as undefined, and later reads still work', async () => {
    const blob = repo.git('rev-parse', `${first}:app/src/a.ts`).trim();
    const [missing, present] = await catFile.readMany(['0'.repeat(40), blob]);
    assert.equal(missing, undefined);
    assert.equal(present?.toString(), 'export const a = 1;\n');
    assert.ok(fs.existsSync(repo.dir));
  });
});

describe('GitTree and committed symlinks', { skip: process.platform === 'win32' }, () => {
  const repo = TempRepo.create({ 'app/tsconfig.json': '{}', 'app/src/a.ts': 'export const a = 1;\n', 'shared/s.ts': 'export const s = 2;\n' });
  fs.symlinkSync('../../shared', path.join(repo.dir, 'app', 'src', 'shared'));
  fs.symlinkSync('a.ts', path.join(repo.dir, 'app', 'src', 'alias.ts'));
  fs.symlinkSync('/dev/zero', path.join(repo.dir, 'app', 'src', 'zero.ts'));
  fs.mkdirSync(path.join(repo.dir, 'app', 'node_modules', 'evil'), { recursive: true });
  fs.symlinkSync('/dev/zero', path.join(repo.dir, 'app', 'node_modules', 'evil', 'index.d.ts'));
  const commit = repo.commit('links');
  const catFile = new CatFile(repo.dir);
  after(() => {
    catFile.dispose();
    repo.dispose();
  });
  const open = () => GitTree.open({ repoTop: repo.dir, prefix: 'app/', commit, diskRoot: path.join(repo.dir, 'app'), label: 'v1', catFile });

  it('follows links inside the repository, also out of the project folder', async () => {
    const tree = await open();
    assert.equal(tree.readFile('src/alias.ts'), 'export const a = 1;\n');
    assert.equal(tree.readFile('src/shared/s.ts'), 'export const s = 2;\n');
    assert.equal(tree.directoryExists('src/shared'), true);
    assert.deepEqual(tree.getDirectories('src'), ['shared']);
    assert.deepEqual(tree.listFiles(), ['src/a.ts', 'src/alias.ts']);
  });

  it('skips a link leading out of the repository, and says so; never reads a device behind node_modules', async () => {
    const tree = await open();
    assert.equal(tree.readFile('src/zero.ts'), undefined);
    assert.match(tree.skipped.get('src/zero.ts') ?? '', /outside the repository/);
    assert.equal(tree.readFile('node_modules/evil/index.d.ts'), undefined);
  });
});
