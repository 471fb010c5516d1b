import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { checkProject } from '../../../server/src/project/session';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

const TYPES_V1 = 'export interface Money {\n  amount: number;\n}\n';
const TYPES_V2 = 'export interface Money {\n  amount: number;\n  currency: string;\n}\n';
const MESSAGES = "import type { Money } from './types';\n/** @wire */\nexport interface OrderCreated {\n  total: Money;\n}\n";

describe('working-tree model cache', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': MESSAGES, 'src/types.ts': TYPES_V1 });
  repo.commit();
  repo.tag('deployed');
  after(() => repo.dispose());

  const check = async (cacheDir: string) => {
    const created: string[] = [];
    const deps = {
      createExtractor: ((tree, config, options) => {
        created.push(tree.label);
        return createExtractor(tree, config, options);
      }) as typeof createExtractor,
    };
    const result = await checkProject({ cwd: repo.dir, cacheDir, deps });
    return { created, result };
  };

  it('skips extraction when nothing changed, and notices a change in an imported file', async () => {
    const cacheDir = path.join(repo.scratch, 'cache-working');
    fs.writeFileSync(path.join(repo.dir, 'src/types.ts'), TYPES_V2);
    const first = await check(cacheDir);
    assert.deepEqual(first.created.filter((l) => l === 'working tree'), ['working tree']);
    assert.equal(first.result.findings.length, 1);

    const second = await check(cacheDir);
    assert.deepEqual(second.created, [], 'neither version is extracted again');
    assert.deepEqual(second.result.findings, first.result.findings);
    assert.deepEqual(second.result.files, first.result.files);

    // Only the imported file changes: the contract file and the listing are the same, the model is not.
    fs.writeFileSync(path.join(repo.dir, 'src/types.ts'), TYPES_V1);
    const third = await check(cacheDir);
    assert.deepEqual(third.created, ['working tree']);
    assert.deepEqual(third.result.findings, []);
  });

  it('notices a new contract file', async () => {
    const cacheDir = path.join(repo.scratch, 'cache-working-2');
    fs.writeFileSync(path.join(repo.dir, 'src/types.ts'), TYPES_V1);
    assert.equal((await check(cacheDir)).result.summary.contracts, 1);
    fs.writeFileSync(path.join(repo.dir, 'src/ping.ts'), '/** @wire */\nexport interface Ping {\n  at: number;\n}\n');
    try {
      const next = await check(cacheDir);
      assert.deepEqual(next.created, ['working tree']);
      assert.equal(next.result.summary.contracts, 2);
    } finally {
      fs.rmSync(path.join(repo.dir, 'src/ping.ts'));
    }
  });
});
