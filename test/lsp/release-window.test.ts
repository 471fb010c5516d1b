import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction } from 'vscode-languageserver-protocol/node';
import { AcceptBreak, type AcceptBreakTarget } from '../../server/src/shared/protocol';
import { LspClient, ORDER_V1, ORDER_V2, fileUri, lspRepo, messageOf, waitFor, suiteScratch } from './lsp-harness';

describe('language server: several live versions', () => {
  const { cacheDir, cleanup } = suiteScratch();

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
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: published.diagnostics[0]!.range.start,
    });
    assert.match(hover?.contents.value ?? '', /\*\*Live versions\*\*: breaks against deploy\/eu \(v1\.1\.0\) and deploy\/us \(v1\.0\.0\)/);
  });

  it('"Accept this break…" records the finding in skew.json with the reason, keeps the file, and clears the diagnostic', async () => {
    const repo = windowRepo();
    const config = '{\n  "baseline": ["deploy/*"]\n}\n';
    repo.writeFile('skew.json', config);
    const client = await LspClient.start({ folders: [repo.dir], cacheDir });
    cleanup.push(() => client.stop(), () => repo.dispose());
    const uri = await client.open(repo.path('src/messages.ts'));
    const published = await waitFor('the finding', () => client.latest(uri)?.diagnostics.length === 1 && client.latest(uri));
    const diagnostic = published.diagnostics[0]!;
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    })) as CodeAction[];
    const accept = actions.find((a) => a.title === 'Accept this break…');
    assert.ok(accept?.command, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(accept.command.command, AcceptBreak.clientCommand);
    const target = accept.command.arguments?.[0] as AcceptBreakTarget;
    assert.equal(target.path, 'OrderCreated.currency');
    assert.match(target.fingerprint, /^[0-9a-f]{16}$/);

    // What the client does once the user typed a reason into its input box.
    const answer: unknown = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: AcceptBreak.serverCommand,
      arguments: [{ ...target, reason: 'all writers upgraded' }],
    });
    assert.deepEqual(answer, { accepted: ['OrderCreated.currency'] });
    const written = repo.read('skew.json');
    assert.ok(written.startsWith('{\n  "baseline": ["deploy/*"],\n  "accepted": [\n'), written);
    assert.deepEqual((JSON.parse(written) as { accepted: unknown }).accepted, [
      { fingerprint: target.fingerprint, path: 'OrderCreated.currency', rule: 'field-required-added', reason: 'all writers upgraded' },
    ]);
    await waitFor('the accepted finding to leave the Problems view', () => client.latest(uri)?.diagnostics.length === 0);

    const refused = await client.connection
      .sendRequest(ExecuteCommandRequest.type, { command: AcceptBreak.serverCommand, arguments: [{ ...target, root: fileUri('/elsewhere'), reason: 'x' }] })
      .then(() => 'accepted', (e: Error) => e.message);
    assert.match(refused, /has not checked a project/);
  });
});
