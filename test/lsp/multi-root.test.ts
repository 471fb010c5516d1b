import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileUri, LspClient, ORDER_V1, ORDER_V2, lspRepo, waitFor, suiteScratch } from './lsp-harness';

/** Two workspace folders, two repositories: each is checked against its own baseline. */
describe('language server: multi-root workspaces', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('gives each folder its own baseline, findings and status', async () => {
    // a: deployed without `currency`, the working tree adds it. b: deployed already has it.
    const a = lspRepo({ 'src/messages.ts': ORDER_V1 });
    a.git('tag', 'v1.0.0');
    a.git('tag', 'deployed');
    a.writeFile('src/messages.ts', ORDER_V2);
    const b = lspRepo({ 'src/messages.ts': ORDER_V2 });
    b.git('tag', 'v2.0.0');
    b.git('tag', 'deployed');
    cleanup.push(() => a.dispose(), () => b.dispose());

    const client = await LspClient.start({ folders: [a.dir, b.dir], cacheDir });
    cleanup.push(() => client.stop());
    const uriA = await client.open(a.path('src/messages.ts'));
    const uriB = await client.open(b.path('src/messages.ts'));

    await waitFor('the finding in a', () => client.latest(uriA)?.diagnostics.length === 1);
    const statusA = await waitFor('a status for a', () => client.statuses.find((s) => s.folder === fileUri(a.dir) && s.state === 'ok'));
    const statusB = await waitFor('a status for b', () => client.statuses.find((s) => s.folder === fileUri(b.dir) && s.state === 'ok'));
    assert.equal(statusA.baseline, 'deployed (v1.0.0)');
    assert.equal(statusA.breaking, 1);
    assert.equal(statusB.baseline, 'deployed (v2.0.0)');
    assert.equal(statusB.breaking, 0);
    assert.equal(client.latest(uriB)?.diagnostics.length ?? 0, 0, 'b has nothing to report');
    assert.ok(client.alive);
  });
});
