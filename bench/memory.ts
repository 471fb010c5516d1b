/**
 * Resident memory of Skew's language server against tsserver's on the same project, after each has opened a
 * contract file, published diagnostics for it, and published again after one edit. tsserver is driven through
 * `typescript-language-server` (from the registry), whose own process and its tsserver children are all
 * counted, as are Skew's server and its `git cat-file` child: what the user's machine pays for each.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol/node';
import { fileUri, LspClient, waitFor } from '../test/lsp/lsp-harness';

const here = resolve(__dirname, '..');

/** RSS in bytes of `pid` and every process below it, read from /proc (Linux only, like the bench machines). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the parent pid is the second field after its last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      total += Number(kb ?? 0) * 1024;
    } catch {
      continue;
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Both servers get the same second after their last publish, for work that follows it (semantic checks, caches). */
const settle = () => new Promise((r) => setTimeout(r, 1000));

/** The edit both servers get: a field added to the file's first interface. */
function editAfterFirstBrace(text: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => /interface \w+ \{\s*$/.test(l));
  return { line: line + 1, character: 0 };
}

export async function skewServerRss(dir: string, file: string): Promise<number> {
  process.env.SKEW_LSP_SERVER ??= 'dist/server.js';
  const client = await LspClient.start({ folders: [dir], cacheDir: resolve(dir, '../cache-memory') });
  try {
    const text = readFileSync(file, 'utf8');
    const uri = await client.open(file, text);
    await waitFor('first diagnostics', () => client.latest(uri), 300_000);
    const at = editAfterFirstBrace(text);
    const version = await client.edit(uri, { start: at, end: at }, '  benchAdded: string;\n');
    await waitFor('diagnostics after the edit', () => client.published.find((p) => p.uri === uri && p.version === version), 300_000);
    await settle();
    return treeRss(client.child.pid!);
  } finally {
    await client.stop();
  }
}

export async function tsserverRss(dir: string, file: string): Promise<number> {
  const child = spawn(process.execPath, [join(here, 'node_modules/typescript-language-server/lib/cli.mjs'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: { uri: string; at: number }[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => void published.push({ uri: p.uri, at: published.length }));
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('$/typescriptVersion', () => undefined);
  connection.listen();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: fileUri(dir),
      workspaceFolders: [{ uri: fileUri(dir), name: 'bench' }],
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { tsserver: { path: join(here, 'node_modules/typescript/lib/tsserver.js') } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'typescript', version: 1, text } });
    await waitFor('tsserver diagnostics', () => published.some((p) => p.uri === uri), 300_000);
    const before = published.length;
    const at = editAfterFirstBrace(text);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: at, end: at }, text: '  benchAdded: string;\n' }],
    });
    // typescript-language-server may skip publishing when the file's diagnostics did not change; a hover after
    // the edit makes tsserver bring the edited program up to date either way.
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: at.line, character: 4 } });
    await waitFor('tsserver diagnostics after the edit', () => published.slice(before).some((p) => p.uri === uri), 20_000).catch(() => undefined);
    await settle();
    return treeRss(child.pid!);
  } finally {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    child.kill();
  }
}
