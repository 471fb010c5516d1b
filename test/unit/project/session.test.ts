import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createExtractor } from '../../../server/src/contracts/extractor';
import { SkewError } from '../../../server/src/common/errors';
import { ProjectSession } from '../../../server/src/project/session';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const V2 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n  currency: string;\n}\n';

describe('ProjectSession', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1 });
  const c1 = repo.commit();
  repo.tag('deployed');
  after(() => repo.dispose());

  /** Counts extractor creations per tree label, to see what was parsed. */
  function counting() {
    const created: string[] = [];
    return {
      created,
      deps: {
        createExtractor: ((tree, config, options) => {
          created.push(tree.label);
          return createExtractor(tree, config, options);
        }) as typeof createExtractor,
      },
    };
  }

  it('parses the baseline once, then reads it from the cache', async () => {
    const cacheDir = path.join(repo.scratch, 'cache-session');
    const first = counting();
    const s1 = await ProjectSession.open({ cwd: path.join(repo.dir, 'src'), cacheDir, deps: first.deps });
    try {
      assert.equal(s1.root, repo.dir);
      assert.deepEqual(first.created, [`deployed (${c1.slice(0, 7)})`]);
      assert.equal(s1.baselineExtractions, 1);
    } finally {
      s1.dispose();
    }
    const second = counting();
    const s2 = await ProjectSession.open({ cwd: repo.dir, cacheDir, deps: second.deps });
    try {
      assert.equal(s2.baselineExtractions, 0);
      assert.deepEqual(second.created, [], 'the baseline must not be parsed again');
      const result = await s2.check();
      assert.deepEqual(second.created, ['working tree']);
      assert.deepEqual(result.findings, []);
      assert.equal(result.summary.contracts, 1);
    } finally {
      s2.dispose();
    }
  });

  it('reuses one extractor across checks and sees unsaved buffers', async () => {
    const counter = counting();
    const session = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, 'cache-2'), deps: counter.deps });
    try {
      const clean = await session.check();
      assert.equal(clean.findings.length, 0);
      const edited = await session.check(new Map([[path.join(repo.dir, 'src/messages.ts'), V2]]));
      assert.deepEqual(edited.findings.map((f) => [f.path, f.breaks]), [['OrderCreated.currency', ['old-to-new']]]);
      assert.deepEqual(edited.summary, { contracts: 1, changed: 1, breaking: 1, suppressed: 0 });
      const broken = session.check(new Map([['src/messages.ts', '/** @wire */ export interface X { a: = }']]));
      await assert.rejects(broken, (e: unknown) => e instanceof SkewError && e.code === 'working-parse' && e.problems.length > 0);
      const again = await session.check();
      assert.equal(again.findings.length, 0, 'a failed check leaves the session usable');
      assert.equal(counter.created.filter((l) => l === 'working tree').length, 1);
    } finally {
      session.dispose();
    }
  });

  it('refreshBaseline follows a moved tag', async () => {
    const session = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, 'cache-3') });
    try {
      assert.equal(await session.refreshBaseline(), false);
      repo.write({ 'src/messages.ts': V2 });
      const c2 = repo.commit();
      assert.equal((await session.check()).findings.length, 1);
      repo.tag('deployed', c2);
      assert.equal(await session.refreshBaseline(), true);
      assert.equal(session.baseline.commit, c2);
      assert.equal((await session.check()).findings.length, 0);
    } finally {
      session.dispose();
      repo.tag('deployed', c1);
    }
  });
});
