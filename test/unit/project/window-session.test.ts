import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { createExtractor, type Seed } from '../../../server/src/contracts/extractor';
import { ProjectSession } from '../../../server/src/project/session';
import { TempRepo, TSCONFIG } from '../../cli/temp-repo';

const V1 = '/** @wire */\nexport interface OrderCreated {\n  id: string;\n}\n';
const OTHER = '/** @wire */\nexport interface Shipped {\n  id: string;\n}\n';

describe('ProjectSession over a window of live versions', () => {
  const repo = TempRepo.create({ 'tsconfig.json': TSCONFIG, 'src/messages.ts': V1, 'src/shipping.ts': OTHER });
  const c1 = repo.commit();
  repo.tag('v1.0.0').tag('deploy/us');
  repo.write({ 'src/shipping.ts': OTHER.replace('id: string;', 'id: string;\n  carrier?: string;') });
  const c2 = repo.commit();
  repo.tag('v1.1.0').tag('deploy/eu').tag('deploy/ap');
  repo.write({ 'src/messages.ts': V1.replace('id: string;', 'id: string;\n  currency: string;') });
  after(() => repo.dispose());

  it('reads each commit once, each later one seeded by the one before, and merges what breaks against several', async () => {
    const created: { label: string; seeded: boolean }[] = [];
    const deps = {
      createExtractor: ((tree, config, options, seed?: Seed) => {
        created.push({ label: tree.label, seeded: seed !== undefined });
        return createExtractor(tree, config, options, seed);
      }) as typeof createExtractor,
    };
    const session = await ProjectSession.open({ cwd: repo.dir, cacheDir: path.join(repo.scratch, 'cache'), against: ['deploy/*'], deps });
    try {
      assert.deepEqual(session.window.map((b) => b.ref), ['deploy/ap', 'deploy/eu', 'deploy/us']);
      assert.equal(session.baselineExtractions, 2);
      assert.deepEqual(created.slice(0, 2), [
        { label: `deploy/ap (${c2.slice(0, 7)})`, seeded: false },
        { label: `deploy/us (${c1.slice(0, 7)})`, seeded: true },
      ]);
      const result = await session.check(undefined, { diskUnchanged: true });
      assert.deepEqual(
        result.findings.map((f) => [f.path, f.against?.map((r) => r.label)]),
        [['OrderCreated.currency', ['deploy/ap (v1.1.0)', 'deploy/eu (v1.1.0)', 'deploy/us (v1.0.0)']]],
      );
      assert.ok(session.modelAt(c1) && session.modelAt(c2));
      assert.equal(session.modelAt(c1)?.contracts.Shipped !== undefined, true);
    } finally {
      session.dispose();
    }
  });
});
