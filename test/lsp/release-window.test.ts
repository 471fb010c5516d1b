import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { LspClient, ORDER_V1, ORDER_V2, lspRepo, messageOf, waitFor } from './lsp-harness';

describe('language server: several live versions', () => {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));
  const cleanup: (() => Promise<void> | void)[] = [];
  after(async () => {
    for (const c of cleanup.reverse()) await c();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  function windowRepo() {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.tag('v1.0.0').tag('deploy/us');
    repo.writeFile('src/other.ts', 'export const x = 1;\n');
    repo.commit('unrelated');
    repo.tag('v1.1.0').tag('deploy/eu');
    repo.writeFile('src/messages.ts', ORDER_V2);
    return repo;
  }

  it('a diagnostic names both live versions it breaks against; the status counts them', async () => {
    const repo = windowRepo();
    const client = await LspClient.start({ folders: [repo.dir], cacheDir, settings: { baseline: ['deploy/*'] } });
    cleanup.push(() => client.stop(), () => repo.dispose());
    const uri = await client.open(repo.path('src/messages.ts'));
    const published = await waitFor('the finding', () => client.latest(uri)?.diagnostics.length === 1 && client.latest(uri));
    assert.match(messageOf(published.diagnostics[0]!), /Breaks against deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)\.$/);
    const status = await waitFor('a status with the finding', () => client.statuses.find((s) => s.breaking === 1));
    assert.equal(status.baseline, '2 live versions');
    assert.deepEqual(status.liveVersions, ['deploy/eu (v1.1.0)', 'deploy/us (v1.0.0)']);
    assert.match(status.message, /against 2 live versions: deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)/);
  });
});
