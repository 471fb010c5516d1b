import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { observeParsing } from '../../server/src/contracts/source-file-cache';
import { checkProjects } from '../../server/src/project/check-projects';
import { discoverProjects } from '../../server/src/project/workspace-projects';
import { monorepo } from './monorepo-fixture';

describe('a monorepo check parses a shared file once', () => {
  it('packages/common/src/customer.ts, read by three projects in two versions, is parsed once per version', async () => {
    const repo = monorepo();
    const parsed = new Map<string, number>();
    observeParsing((fileName, text) => {
      const key = `${fileName}\0${createHash('sha1').update(text).digest('hex')}`;
      parsed.set(key, (parsed.get(key) ?? 0) + 1);
    });
    try {
      const projects = await discoverProjects(repo.dir, repo.dir);
      const checked = await checkProjects(projects, { cacheDir: repo.cacheDir, against: 'deployed' });
      assert.deepEqual(checked.map((c) => [c.project.name, c.checked.result.findings.length]), [['packages/common', 1], ['services/billing', 1], ['services/orders', 2]]);
      const customer = [...parsed].filter(([key]) => key.startsWith(repo.path('packages/common/src/customer.ts') + '\0'));
      // Two texts (the baseline's and the working tree's), each parsed once for all three projects.
      assert.deepEqual(customer.map(([, count]) => count), [1, 1]);
      assert.deepEqual([...parsed].filter(([, count]) => count > 1), []);
    } finally {
      observeParsing(undefined);
      repo.dispose();
    }
  });
});
