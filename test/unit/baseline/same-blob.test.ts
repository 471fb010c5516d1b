import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { CatFile } from '../../../server/src/baseline/cat-file';
import { GitTree } from '../../../server/src/baseline/git-tree';
import { blobId, sameBlobIn } from '../../../server/src/baseline/same-blob';
import { WorkingTree } from '../../../server/src/baseline/working-tree';
import { TempRepo } from '../../cli/temp-repo';

/** A cat-file that remembers which blobs were streamed out of git. */
class CountingCatFile extends CatFile {
  readonly asked: string[] = [];
  override readMany(shas: readonly string[]): Promise<(Buffer | undefined)[]> {
    this.asked.push(...shas);
    return super.readMany(shas);
  }
}

describe('baseline blobs the working tree has byte for byte', () => {
  const repo = TempRepo.create({
    'app/tsconfig.json': '{}',
    'app/src/same.ts': 'export interface Same { id: string }\n',
    'app/src/changed.ts': 'export interface Changed { id: string }\n',
    'app/src/overlaid.ts': 'export interface Overlaid { id: string }\n',
    'app/src/unicode.ts': 'export const a = "é \u2028 😀";\n',
  });
  const commit = repo.commit('first');
  repo.write({ 'app/src/changed.ts': 'export interface Changed { id: number }\n' });
  const blob = (rel: string) => repo.git('rev-parse', `${commit}:app/${rel}`).trim();
  const catFile = new CountingCatFile(repo.dir);
  after(() => {
    catFile.dispose();
    repo.dispose();
  });

  it('computes the id git gives the same bytes', () => {
    assert.equal(blobId(Buffer.from('export interface Same { id: string }\n')), blob('src/same.ts'));
    assert.equal(blobId(Buffer.from('export const a = "é \u2028 😀";\n')), blob('src/unicode.ts'));
  });

  it('takes identical files from the working tree and streams only the others out of git', async () => {
    const overlaid = path.join(repo.dir, 'app/src/overlaid.ts');
    const working = await WorkingTree.open(path.join(repo.dir, 'app'), new Map([[overlaid, 'export interface Overlaid { id: boolean }\n']]), repo.dir);
    catFile.asked.length = 0;
    const tree = await GitTree.open({ repoTop: repo.dir, prefix: 'app/', commit, diskRoot: path.join(repo.dir, 'app'), label: 'deployed', catFile, sameBlob: sameBlobIn(working) });
    // Same path, other text (on disk or in an editor buffer): the commit's text, read from git.
    assert.equal(tree.readFile('src/changed.ts'), 'export interface Changed { id: string }\n');
    assert.equal(tree.readFile('src/overlaid.ts'), 'export interface Overlaid { id: string }\n');
    // JSON files are not among the working tree's sources: they are few, and streamed as before.
    assert.deepEqual(new Set(catFile.asked), new Set([blob('src/changed.ts'), blob('src/overlaid.ts'), blob('tsconfig.json')]));
    // Same text: the working tree's own string, never asked of git.
    assert.equal(tree.readFile('src/same.ts'), working.readFile('src/same.ts'));
    assert.equal(tree.readFile('src/unicode.ts'), 'export const a = "é \u2028 😀";\n');
    assert.equal(tree.readFile('tsconfig.json'), '{}');
  });

  it('reads a file again when the working tree is listed anew', async () => {
    const working = await WorkingTree.open(path.join(repo.dir, 'app'), undefined, repo.dir);
    const same = sameBlobIn(working);
    assert.equal(same('src/same.ts', blob('src/same.ts')), 'export interface Same { id: string }\n');
    repo.write({ 'app/src/same.ts': 'export interface Same { id: boolean }\n' });
    try {
      await working.refresh();
      assert.equal(same('src/same.ts', blob('src/same.ts')), undefined);
    } finally {
      repo.write({ 'app/src/same.ts': 'export interface Same { id: string }\n' });
    }
  });
});
