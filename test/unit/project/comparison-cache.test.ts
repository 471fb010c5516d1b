import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { ComparisonCache } from '../../../server/src/project/comparison-cache';
import { checkProject } from '../../../server/src/project/session';
import type { Finding } from '../../../server/src/rules';
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

  it('does not reuse an entry whose findings lack the steps and flow that fixes and witnesses follow', () => {
    const cache = new ComparisonCache(path.join(repo.scratch, 'cache-3'));
    const finding: Finding = {
      rule: 'field-removed',
      contract: 'M',
      contractKind: 'message',
      path: 'M["a.b"]',
      steps: [{ kind: 'field', name: 'a.b' }],
      flow: 'message',
      breaks: ['new-to-old'],
      order: 'readers-first',
      severity: 'error',
      message: 'Field `a.b` was removed.',
    };
    const { steps: _steps, ...withoutSteps } = finding;
    const { flow: _flow, ...withoutFlow } = finding;
    const [current, noSteps, noFlow] = ['current', 'no-steps', 'no-flow'].map((working) => ComparisonCache.key({ baseline: 'b', working, options: '[]' }));
    cache.write(current!, { findings: [finding], suppressed: [], changed: ['M'] });
    cache.write(noSteps!, { findings: [withoutSteps as Finding], suppressed: [], changed: ['M'] });
    cache.write(noFlow!, { findings: [], suppressed: [withoutFlow as Finding], changed: ['M'] });
    assert.deepEqual(cache.read(current!)?.findings, [finding]);
    assert.equal(cache.read(noSteps!), undefined);
    assert.equal(cache.read(noFlow!), undefined);
  });
});
