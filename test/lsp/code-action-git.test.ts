import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, ORDER_V1, lspRepo, type TempRepo, waitFor } from './lsp-harness';
import { BaselineContentRequest, type BaselineContentResult } from '../../server/src/shared/protocol';

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/**
 * The server finds git on PATH; a wrapper named git first in PATH logs every start and runs the real one, so
 * the test sees each git process the server starts.
 */
describe('language server: code actions and baseline documents read the baseline through the session', () => {
  const scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-git-')));
  const log = path.join(scratch, 'git.log');
  const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  let repo: TempRepo;
  let client: LspClient;

  before(async () => {
    const bin = path.join(scratch, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
    repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'v1.4.0');
    client = await LspClient.start({
      folders: [repo.dir],
      cacheDir: path.join(scratch, 'cache'),
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
    });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'));
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('starts no git process per request', async () => {
    const uri = await client.open(repo.path('src/messages.ts'));
    // Removing `amount` offers "restore the field", whose text comes from the baseline version of the file.
    const version = await client.edit(uri, WHOLE, ORDER_V1.replace('  amount: number;\n', ''));
    const published = await waitFor('the finding', () => {
      const p = client.latest(uri);
      return p && p.version === version && p.diagnostics.length > 0 ? p : undefined;
    });
    const diagnostics: Diagnostic[] = published.diagnostics;
    const started = () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const before = started();
    assert.ok(before.some((line) => line.includes('cat-file --batch')), `the wrapper saw the server's git:\n${before.join('\n')}`);

    for (let i = 0; i < 5; i++) {
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostics[0]!.range,
        context: { diagnostics },
      });
      assert.ok(actions.some((a) => /restore/i.test(a.title)), JSON.stringify(actions.map((a) => a.title)));
    }
    assert.deepEqual(started().slice(before.length), []);
  });

  it('starts no git process per baseline document opened', async () => {
    const uri = await client.open(repo.path('src/messages.ts'));
    const version = await client.edit(uri, WHOLE, ORDER_V1.replace('  amount: number;\n', ''));
    const published = await waitFor('the finding', () => {
      const p = client.latest(uri);
      return p && p.version === version && p.diagnostics.length > 0 ? p : undefined;
    });
    const baseline = published.diagnostics[0]?.relatedInformation?.[0]?.location.uri;
    assert.ok(baseline, 'the finding points at the baseline document');
    const started = () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
    const before = started();
    for (let i = 0; i < 3; i++) {
      const content: BaselineContentResult = await client.connection.sendRequest(BaselineContentRequest.type, { uri: baseline });
      assert.equal(content.text, ORDER_V1);
    }
    const missing: BaselineContentResult = await client.connection.sendRequest(BaselineContentRequest.type, { uri: baseline.replace('src/messages.ts', 'src/gone.ts') });
    assert.match(missing.message ?? '', /^src\/gone\.ts does not exist at [0-9a-f]{7}$/);
    assert.deepEqual(started().slice(before.length), []);
  });
});
