import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { checkProject } from '../../../server/src/project/session';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  orderId: string;\n  note?: string;\n}\n';
const V2 = '/** @wire */\nexport interface OrderCreated {\n  orderId: string;\n  note?: string;\n  currency: string;\n}\n';

describe('comparison cache', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
  repo.commit();
  repo.tag('deployed');
  after(() => repo.dispose());

  const check = async (cacheDir: string) => {
    const lines: string[] = [];
    const result = await checkProject({ cwd: repo.dir, cacheDir, log: (l) => lines.push(l) });
    return { result, reused: lines.some((l) => l.startsWith('Comparison reused')) };
  };

  it('reuses the comparison of two unchanged models and gives the same findings', async () => {
    const cacheDir = path.join(repo.scratch, 'cache-1');
    repo.write({ 'src/messages.ts': V2 });
    const first = await check(cacheDir);
    assert.equal(first.reused, false);
    assert.deepEqual(first.result.findings.map((f) => f.rule), ['field-required-added']);
    const second = await check(cacheDir);
    assert.equal(second.reused, true);
    assert.deepEqual(second.result.findings, first.result.findings);
    assert.deepEqual(second.result.summary, first.result.summary);
  });

  it('compares again when the working tree, the ignore list or the cache entry changes', async () => {
    const cacheDir = path.join(repo.scratch, 'cache-2');
    repo.write({ 'src/messages.ts': V2 });
    await check(cacheDir);

    repo.write({ 'src/messages.ts': V1 });
    const reverted = await check(cacheDir);
    assert.equal(reverted.reused, false);
    assert.deepEqual(reverted.result.findings, []);

    repo.write({ 'src/messages.ts': V2, 'skew.json': JSON.stringify({ ignore: [{ rule: 'field-required-added', reason: 'every writer sets currency already' }] }) });
    try {
      const ignored = await check(cacheDir);
      assert.equal(ignored.reused, false);
      assert.deepEqual(ignored.result.findings, []);
      assert.deepEqual(ignored.result.suppressed.map((f) => f.rule), ['field-required-added']);
    } finally {
      fs.rmSync(path.join(repo.dir, 'skew.json'));
    }

    await check(cacheDir);
    const dir = path.join(cacheDir, 'comparisons');
    for (const entry of fs.readdirSync(dir)) fs.writeFileSync(path.join(dir, entry), '{"engine": "x"');
    const corrupt = await check(cacheDir);
    assert.equal(corrupt.reused, false);
    assert.equal(corrupt.result.findings.length, 1);
  });
});
