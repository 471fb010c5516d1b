import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DocumentDiagnosticRequest, FileChangeType, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient, ORDER_V1, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const at = (p: { line: number; character: number }) => ({ start: p, end: p });

describe('language server: pull diagnostics and half-typed code', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({ 'src/messages.ts': ORDER_V1 });
    repo.git('tag', 'deployed');
    client = await LspClient.start({ folders: [repo.dir], cacheDir, pull: true, settings: { severity: 'warning' } });
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const pull = async (uri: string) =>
    (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;

  it('announces a diagnostic provider and answers textDocument/diagnostic instead of publishing', async () => {
    assert.ok((client.capabilities as { diagnosticProvider?: unknown }).diagnosticProvider);
    const uri = await client.open(repo.path('src/messages.ts'));
    assert.deepEqual((await pull(uri)).items, []);

    await client.edit(uri, at({ line: 3, character: 2 }), 'amount2: number;\n  ');
    // The field `amount` is still there, so only the required `amount2` is new.
    const report = await pull(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(
      report.items.map((d) => [d.code, d.severity, d.range.start.line]),
      [['field-required-added', 2, 3]],
      'the skew.severity setting (warning) applies',
    );
    assert.equal(client.published.length, 0, 'no publishDiagnostics for an open document of a pull client');
  });

  it('pushes the findings of a file that is closed, and takes them back when it opens again', async () => {
    const file = repo.path('src/messages.ts');
    const uri = fileUri(file);
    fs.writeFileSync(file, ORDER_V1.replace('amount: number;', 'amount: number;\n  region: string;'));
    await client.watched([{ uri, type: FileChangeType.Changed }]);
    await client.close(uri);
    const pushed = await waitFor('a push for the closed file', () => client.published.find((p) => p.uri === uri && p.diagnostics.length === 1));
    assert.equal(pushed.diagnostics[0]!.code, 'field-required-added');

    await client.open(file);
    await waitFor('the pushed copy cleared', () => (client.latest(uri)?.diagnostics.length === 0 ? true : undefined));
    assert.deepEqual((await pull(uri)).items.map((d) => d.code), ['field-required-added'], 'now pulled instead');
    fs.writeFileSync(file, ORDER_V1);
    await client.watched([{ uri, type: FileChangeType.Changed }]);
  });

  it('keeps the last good diagnostics while the code does not parse', async () => {
    // One finding to keep: a required `region`.
    const uri = await client.setText(repo.path('src/messages.ts'), ORDER_V1.replace('amount: number;', 'amount: number;\n  region: string;'));
    const good = await pull(uri);
    assert.equal(good.items.length, 1);

    const logsBefore = client.logs.length;
    // Half a field: `currency: ` with no type is a syntax error.
    await client.edit(uri, at({ line: 5, character: 16 }), '\n  currency: ');
    await waitFor('the check of the broken text', () => client.logs.slice(logsBefore).some((l) => l.includes('does not parse')));
    const during = await pull(uri);
    assert.deepEqual(during.items, good.items);

    await client.edit(uri, at({ line: 6, character: 12 }), 'string;');
    const fixed = await pull(uri);
    assert.deepEqual(fixed.items.map((d) => d.code).sort(), ['field-required-added', 'field-required-added']);
    assert.ok(client.alive);
  });
});
