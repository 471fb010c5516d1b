import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FileChangeType } from 'vscode-languageserver-protocol/node';
import { ListRefsRequest } from '../../server/src/shared/protocol';
import { AFTER_NOTE, fileUri, LspClient, ORDER_V1, ORDER_V2, lspRepo, waitFor, suiteScratch } from './lsp-harness';

describe('language server: baseline moves and problems that are not findings', () => {
  const { cacheDir, cleanup } = suiteScratch();

  it('re-checks when the deployed tag is moved and the client reports the ref change', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    repo.writeFile('src/messages.ts', ORDER_V2);
    repo.commit('add currency');
    repo.git('tag', 'v2.0.0');
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const uri = await client.open(repo.path('src/messages.ts'));
    await waitFor('the finding against the old deployed commit', () => client.latest(uri)?.diagnostics.length === 1);
    // The status notification follows the diagnostics; it may be read in a later tick.
    const before = await waitFor('a status with the finding', () => client.statuses.find((s) => s.breaking === 1));

    const refs = await client.connection.sendRequest(ListRefsRequest.type, { folder: fileUri(repo.dir) });
    assert.deepEqual(
      refs.refs.map((r) => [r.name, r.kind]),
      [
        ['v2.0.0', 'tag'],
        ['deployed', 'tag'],
        [repo.git('branch', '--show-current').trim(), 'branch'],
      ],
    );

    repo.git('tag', '-f', 'deployed', 'HEAD');
    await client.watched([{ uri: fileUri(repo.path('.git/refs/tags/deployed')), type: FileChangeType.Changed }]);
    await waitFor('the finding to go away', () => client.latest(uri)?.diagnostics.length === 0);
    const after = await waitFor('a compatible status', () => client.statuses.find((s) => s.breaking === 0 && s.baseline !== before.baseline));
    assert.equal(after.state, 'ok');
    assert.equal(after.baseline, 'deployed (v2.0.0)', 'the version tag on the same commit names it');
  });

  it('says once, as a status, that the folder is not a git repository, and keeps serving', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 }, { git: false });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const status = await waitFor('an error status', () => client.statuses.find((s) => s.state === 'error'));
    assert.match(status.message, /not inside a git repository/);
    assert.equal(status.folder, fileUri(repo.dir));

    const uri = await client.open(repo.path('src/messages.ts'));
    for (let i = 0; i < 5; i++) await client.edit(uri, { start: AFTER_NOTE, end: AFTER_NOTE }, ' ');
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } });
    assert.equal(hover, null);
    await waitFor('the popup', () => client.messages.length > 0);
    assert.equal(client.statuses.filter((s) => s.state === 'error').length, 1, 'one status, not one per keystroke');
    assert.equal(client.messages.length, 1, 'one popup');
    assert.ok(client.alive);
  });

  it('explains a repository without any tag, then recovers when a tag appears', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const status = await waitFor('an error status', () => client.statuses.find((s) => s.state === 'error'));
    assert.match(status.message, /no baseline to compare against.*git tag deployed/);

    repo.git('tag', 'v1.0.0');
    await client.watched([{ uri: fileUri(repo.path('.git/refs/tags/v1.0.0')), type: FileChangeType.Created }]);
    const ok = await waitFor('an ok status', () => client.statuses.find((s) => s.state === 'ok'));
    assert.equal(ok.baseline, 'v1.0.0 (newest tag; no deployed tag)');
    assert.ok(client.alive);
  });

  it('ignores the skew.baseline setting in an untrusted workspace and says so', async () => {
    const repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    const client = await LspClient.start({ folders: [repo.dir], cacheDir, trusted: false, settings: { baseline: 'no-such-ref' } });
    cleanup.push(() => client.stop(), () => repo.dispose());

    const status = await waitFor('a status', () => client.statuses[0]);
    assert.equal(status.state, 'ok', 'the setting naming a missing ref was not used');
    assert.match(status.message, /Restricted Mode: the skew\.baseline setting is ignored/);
    assert.match(status.baseline ?? '', /^deployed \(/);
  });
});
