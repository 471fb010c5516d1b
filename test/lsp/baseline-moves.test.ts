import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, FileChangeType, type WorkDoneProgressBegin } from 'vscode-languageserver-protocol/node';
import type { StatusParams } from '../../server/src/shared/protocol';
import { fileUri, LspClient, ORDER_V1, ORDER_V2, lspRepo, type TempRepo, waitFor } from './lsp-harness';

/**
 * Besides tags (baseline-status.test.ts), the baseline moves when skew.json or the settings change; each time
 * the server re-checks against the new one, with a progress notification while it reads it.
 */
describe('language server: skew.json and settings move the baseline', () => {
  let repo: TempRepo;
  let client: LspClient;
  let uri: string;
  let settings: Record<string, unknown> = {};
  const progress: string[] = [];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'v1.0.0');
    repo.writeFile('src/messages.ts', ORDER_V2);
    repo.commit('add currency');
    repo.git('tag', 'v2.0.0');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    // Replaces the harness's fixed answer, so a test can change the settings the server pulls.
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => settings));
    client.connection.onNotification('$/progress', (p: { value: WorkDoneProgressBegin | { kind: string } }) => {
      if (p.value.kind === 'begin') progress.push((p.value as WorkDoneProgressBegin).title);
    });
    uri = await client.open(repo.path('src/messages.ts'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const statusFor = (baseline: string, breaking: number): Promise<StatusParams> =>
    waitFor(`a status against ${baseline} with ${breaking} breaking`, () =>
      client.statuses.find((s) => s.state === 'ok' && s.baseline === baseline && s.breaking === breaking),
    );

  const changeSettings = async (next: Record<string, unknown>) => {
    settings = next;
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { skew: next } });
  };

  it('starts against the newest version tag, and does not call it deployed', async () => {
    await statusFor('v2.0.0 (newest tag; no deployed tag)', 0);
  });

  // One story in order: each step starts from where the previous one left the baseline.
  it('re-checks when skew.json names another baseline (with progress), when the skew.baseline setting wins over it, and again when the setting is cleared', async () => {
    let before = progress.length;
    repo.writeFile('skew.json', JSON.stringify({ baseline: 'v1.0.0' }));
    await client.watched([{ uri: fileUri(repo.path('skew.json')), type: FileChangeType.Created }]);
    await statusFor('v1.0.0 (skew.json baseline)', 1);
    await waitFor('the finding against v1.0.0', () => client.latest(uri)?.diagnostics.length === 1);
    assert.deepEqual(progress.slice(before), ['Skew: reading deployed (v1.0.0)…'], 'the progress names the version being read');

    // The setting wins over skew.json.
    before = progress.length;
    await changeSettings({ baseline: 'v2.0.0' });
    await statusFor('v2.0.0 (selected)', 0);
    await waitFor('the finding to go', () => client.latest(uri)?.diagnostics.length === 0);
    assert.deepEqual(progress.slice(before), ['Skew: reading deployed (v2.0.0)…']);

    // Back to skew.json when the setting is cleared; a severity change re-renders the diagnostics.
    await changeSettings({ baseline: '', severity: 'warning' });
    const d = await waitFor('a warning against v1.0.0', () => {
      const p = client.latest(uri);
      return p?.diagnostics.length === 1 && p.diagnostics[0]!.severity === 2 ? p.diagnostics[0] : undefined;
    });
    assert.equal(d.code, 'field-required-added');
    await statusFor('v1.0.0 (skew.json baseline)', 1);
    assert.ok(client.alive);
  });
});

describe('language server: progress only for real work', () => {
  it('shows no progress when the baseline comes from the cache', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));
    const titles: string[][] = [];
    try {
      for (let run = 0; run < 2; run++) {
        const client = await LspClient.start({ folders: [repo.dir], cacheDir });
        const seen: string[] = [];
        titles.push(seen);
        client.connection.onNotification('$/progress', (p: { value: WorkDoneProgressBegin | { kind: string } }) => {
          if (p.value.kind === 'begin') seen.push((p.value as WorkDoneProgressBegin).title);
        });
        try {
          await waitFor('an ok status', () => client.statuses.find((s) => s.state === 'ok'));
        } finally {
          await client.stop();
        }
      }
    } finally {
      repo.dispose();
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
    assert.equal(titles[0]!.length, 1);
    assert.match(titles[0]![0]!, /^Skew: reading deployed \(/);
    assert.deepEqual(titles[1], [], 'the second server reads the cache: nothing to wait for');
  });
});
