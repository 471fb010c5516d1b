import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, messageOf, lspRepo, type TempRepo, waitFor } from './lsp-harness';

const EVENTS = `export interface ServerToClientEvents {
  orderUpdated: (order: { id: string; total: number }) => void;
}
export interface ClientToServerEvents {
  placeOrder: (items: string[], ack: (reply: { id: string }) => void) => void;
}
`;

const SERVER = `import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
export const io = new Server<ClientToServerEvents, ServerToClientEvents>();
`;

/** Inside the acknowledgement's reply, right after `{ id: string`. */
const IN_REPLY = { line: 4, character: 57 };

describe('language server: socket.io event maps, no annotations', () => {
  let repo: TempRepo;
  let client: LspClient;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'skew-lsp-cache-'));

  before(async () => {
    repo = lspRepo({
      '.gitignore': 'node_modules\n',
      'package.json': JSON.stringify({ name: 'board', dependencies: { 'socket.io': '4' } }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', types: [] } }),
      'src/events.ts': EVENTS,
      'src/server.ts': SERVER,
    });
    fs.symlinkSync(path.resolve(__dirname, '../../node_modules'), repo.path('node_modules'), 'dir');
    repo.git('tag', 'v1');
    client = await LspClient.start({ folders: [repo.dir], cacheDir });
    await waitFor('first status', () => client.statuses.find((s) => s.state === 'ok'), 60_000);
  });

  after(async () => {
    await client?.stop();
    repo?.dispose();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('reports a field added to an acknowledgement reply on the field, with the lens and hover on the event map', async () => {
    const uri = await client.open(repo.path('src/events.ts'));
    const version = await client.edit(uri, { start: IN_REPLY, end: IN_REPLY }, '; status: string');
    const published = await waitFor(
      'a diagnostic for the new reply field',
      () => {
        const p = client.latest(uri);
        return p && p.version === version && p.diagnostics.length > 0 ? p : undefined;
      },
      60_000,
    );
    assert.equal(published.diagnostics.length, 1);
    const d = published.diagnostics[0]!;
    assert.equal(d.code, 'field-required-added');
    assert.deepEqual(d.range, { start: { line: 4, character: 59 }, end: { line: 4, character: 65 } });
    // The reply is written by the listener (a server of the baseline) and read by this version's emitter.
    assert.deepEqual(d.data, { rule: 'field-required-added', contract: 'ClientToServerEvents', path: 'ClientToServerEvents.placeOrder(result).status', breaks: ['new-to-old'] });
    assert.match(messageOf(d), /status/);

    const lenses = await client.connection.sendRequest<{ range: { start: { line: number } }; command?: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    // Lenses show only where something breaks (the compatible ServerToClientEvents map gets none).
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [[3, '1 breaking change']]);
    const hover = await client.connection.sendRequest<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 20 } });
    assert.match(hover?.contents.value ?? '', /^\*\*ClientToServerEvents\*\* \(RPC service\)/);
  });
});
