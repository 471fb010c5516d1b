import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkingTree } from '../../../server/src/baseline/working-tree.js';
import { discover } from '../../../server/src/contracts/discover.js';
import { memoryTree } from '../../../server/src/contracts/memory-tree.js';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo.js';
import { extractFiles } from './extract-helper.js';

describe('discovery', () => {
  const files = {
    'src/order.ts': "import { Line } from './line';\n/** @wire */\nexport interface Order { lines: Line[] }",
    'src/line.ts': 'export interface Line { sku: string }',
    'src/unrelated.ts': 'export interface Big { x: number }\nexport const wire = "@wired";',
    'src/api/users.ts': 'export interface Users { list(): string[] }\nexport type Internal = { a: 1 };',
    'src/dto/page.ts': 'export interface PageDto { size: number }\nexport enum Dir { Up, Down }\ntype Local = { hidden: true };',
    'node_modules/pkg/index.ts': '/** @wire */ export interface Ignored { a: 1 }',
  };

  it('roots the program at tagged files and glob matches only', () => {
    const found = discover(memoryTree(files), { messages: ['src/dto/**/*.ts'], services: ['./src/api/*.ts'] });
    assert.deepEqual(found.roots, ['src/api/users.ts', 'src/dto/page.ts', 'src/order.ts']);
  });

  it('loads the import closure of the roots and nothing else', () => {
    const { files: loaded } = extractFiles(files);
    assert.deepEqual(loaded, ['src/line.ts', 'src/order.ts']);
  });

  it('turns exported declarations of glob-matched files into config contracts', () => {
    const { model } = extractFiles(files, { messages: ['src/dto/**/*.ts'], services: ['src/api/*.ts'] });
    const summary = Object.values(model.contracts).map((c) => [c.name, c.kind, c.source]).sort();
    assert.deepEqual(summary, [
      ['Dir', 'message', 'config'],
      ['Order', 'message', 'jsdoc'],
      ['PageDto', 'message', 'config'],
      ['Users', 'service', 'config'],
    ]);
  });
});

describe('discovery on the working tree', () => {
  it('scans once per listing and again after a refresh, which sees unsaved buffers', async () => {
    const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/a.ts': '/** @wire */\nexport interface A {\n  x: number;\n}\n', 'src/b.ts': 'export const b = 1;\n' });
    try {
      const tree = await WorkingTree.open(repo.dir);
      const config = {};
      const first = discover(tree, config);
      assert.equal(discover(tree, config).roots, first.roots, 'the same listing and settings: the scan is reused');
      assert.deepEqual(first.roots, ['src/a.ts']);
      await tree.refresh(new Map([[`${repo.dir}/src/b.ts`, '/** @rpc */\nexport interface B {\n  ping(): void;\n}\n']]), { relist: false });
      assert.deepEqual(discover(tree, config).roots, ['src/a.ts', 'src/b.ts']);
    } finally {
      repo.dispose();
    }
  });
});
