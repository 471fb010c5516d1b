/**
 * A client (or anything that can write to the server's stdin) may send parameters of any shape. Each malformed
 * message must be answered with an error (requests) or dropped (notifications), logged once, and leave the
 * session working: the good edit that follows still gets the right diagnostics.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AFTER_NOTE, ORDER_V1, lspSession, waitFor } from '../lsp/lsp-harness';

const at = (p: { line: number; character: number }) => ({ start: p, end: p });

const BAD_NOTIFICATIONS: [string, unknown][] = [
  ['textDocument/didOpen', { textDocument: { uri: 42, languageId: 'typescript', version: 1, text: 'x' } }],
  ['textDocument/didOpen', { textDocument: { uri: { evil: true }, languageId: 'typescript', version: 1, text: 'x' } }],
  ['textDocument/didOpen', { textDocument: { uri: 'file:///tmp/x.ts', languageId: 'typescript', version: 'one', text: 7 } }],
  ['textDocument/didOpen', null],
  ['textDocument/didChange', { textDocument: { uri: 42, version: 2 }, contentChanges: [{ text: 'x' }] }],
  ['textDocument/didChange', { textDocument: { uri: 'OPEN', version: 2 }, contentChanges: 'not a list' }],
  ['textDocument/didChange', { textDocument: { uri: 'OPEN', version: 2 }, contentChanges: [{ range: { start: 1, end: 2 }, text: 'x' }] }],
  ['textDocument/didChange', { textDocument: { uri: 'OPEN', version: 2 }, contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] }],
  ['textDocument/didChange', { textDocument: { uri: 'OPEN', version: 2 }, contentChanges: [{ text: 5 }] }],
  ['textDocument/didChange', { textDocument: { uri: 'OPEN' }, contentChanges: [{ text: '' }] }],
  ['textDocument/didClose', { textDocument: { uri: ['OPEN'] } }],
  ['textDocument/didClose', {}],
  ['textDocument/didSave', { textDocument: 'OPEN' }],
  ['workspace/didChangeWatchedFiles', { changes: [{ uri: 3, type: 1 }] }],
  ['workspace/didChangeWatchedFiles', { changes: 'everything' }],
  ['workspace/didChangeWatchedFiles', null],
  ['workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 9, name: 'x' }], removed: [] } }],
  ['workspace/didChangeWorkspaceFolders', { event: null }],
  ['workspace/didChangeConfiguration', null],
  ['workspace/didChangeConfiguration', { settings: { skew: { baseline: 17, severity: ['x'], enable: 'yes' } } }],
];

const BAD_REQUESTS: [string, unknown][] = [
  ['textDocument/hover', { textDocument: { uri: 42 }, position: { line: 0, character: 0 } }],
  ['textDocument/hover', { textDocument: { uri: 'OPEN' }, position: 'top' }],
  ['textDocument/hover', null],
  ['textDocument/codeLens', { textDocument: null }],
  ['textDocument/codeAction', { textDocument: { uri: 'OPEN' }, range: at({ line: 0, character: 0 }), context: { diagnostics: 'all' } }],
  ['textDocument/codeAction', { textDocument: { uri: 'OPEN' } }],
  ['textDocument/diagnostic', { textDocument: { uri: 1 } }],
  ['skew/baselineContent', { uri: 5 }],
  ['skew/baselineContent', null],
  ['skew/listRefs', { folder: 12 }],
  ['skew/report', { uri: { href: 'file:///' } }],
];

/** Replaces the "OPEN" placeholder with the open document's URI, so messages aim at real state. */
const aim = (params: unknown, uri: string): unknown => JSON.parse(JSON.stringify(params ?? null).replace(/"OPEN"/g, JSON.stringify(uri)));

describe('security: malformed LSP parameters never poison the session', () => {
  const lsp = lspSession({ 'src/messages.ts': ORDER_V1 }, { tag: 'v1.4.0', pull: false });

  it('drops bad notifications, answers bad requests with InvalidParams, then checks a good edit correctly', async () => {
    const { client, repo } = lsp;
    const uri = await client.open(repo.path('src/messages.ts'));
    for (const [method, params] of BAD_NOTIFICATIONS) await client.connection.sendNotification(method, aim(params, uri));
    for (const [method, params] of BAD_REQUESTS) {
      await assert.rejects(
        client.connection.sendRequest(method, aim(params, uri)),
        (e: { code?: number }) => e.code === -32602,
        `${method} ${JSON.stringify(params)} is answered with InvalidParams`,
      );
    }

    const version = await client.edit(uri, at(AFTER_NOTE), '\n  currency: string;');
    const published = await waitFor('the diagnostic of the good edit', () => {
      const p = client.latest(uri);
      return p && p.version === version && p.diagnostics.length > 0 ? p : undefined;
    });
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['field-required-added'],
    );
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 20 } });
    assert.ok(hover, 'hover still answers');

    assert.ok(client.alive, 'the server is still running');
    const rejected = client.logs.filter((l) => l.startsWith('Skew: ignored '));
    // didChangeConfiguration's odd settings are normalised, not rejected; a null hover is refused by the
    // protocol layer (its parameters are declared by name) before it reaches Skew.
    const expected = BAD_NOTIFICATIONS.length + BAD_REQUESTS.length - 3;
    assert.equal(rejected.length, expected, rejected.join('\n'));
    assert.ok(rejected.every((l) => !l.includes('\n')), 'one line each');
    assert.deepEqual(client.logs.filter((l) => /failed unexpectedly|uncaught|unhandled/.test(l)), []);
  });
});
