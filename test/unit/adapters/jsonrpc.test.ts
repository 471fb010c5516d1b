import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareProjects, extractProject, packageJson } from './adapter-helper.js';

const PROTOCOL = `import { RequestType, RequestType0, RequestType2, NotificationType, NotificationType0, ProtocolRequestType, MessageDirection } from 'vscode-languageserver-protocol';
export interface Pos { line: number; character: number }
export interface GreetParams { name: string; at?: Pos }
export const greet = new RequestType<GreetParams, { text: string } | null, void>('demo/greet');
export const ping = new RequestType0<boolean, void>('ping');
export const add = new RequestType2<number, number, number, void>('math/add');
export const logged = new NotificationType<{ message: string; level?: number }>('demo/logged');
export const exit = new NotificationType0('exit');
export namespace ShowRequest {
  export const method: 'window/show' = 'window/show';
  export const messageDirection: MessageDirection = MessageDirection.serverToClient;
  export const type = new ProtocolRequestType<{ uri: string }, { ok: boolean }, never, void, void>(method);
}
`;

const project = (text: string) => ({ 'package.json': packageJson('vscode-languageserver-protocol'), 'src/protocol.ts': text });

test('requests are methods named as they travel, grouped by namespace; notifications are messages', () => {
  const { model } = extractProject(project(PROTOCOL));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['demo', 'demo/logged', 'exit', 'jsonrpc', 'math', 'window']);
  const demo = model.contracts.demo!;
  assert.equal(demo.kind === 'service' && demo.methodSeparator, '/');
  assert.equal(demo.adapter, 'jsonrpc');
  assert.equal(demo.codec, undefined);
  assert.deepEqual(demo.kind === 'service' && demo.methods.map((m) => [m.name, m.params.map((p) => p.name)]), [['greet', ['params']]]);
  const math = model.contracts.math;
  // RequestType2 sends its params as an array: two positional parameters.
  assert.deepEqual(math?.kind === 'service' && math.methods[0]?.params.map((p) => p.name), ['p1', 'p2']);
  assert.equal(model.contracts['demo/logged']?.kind, 'message');
  assert.equal(model.types.exit?.shape.kind, 'void');
});

test('a vscode-jsonrpc dependency alone turns it on; skew.json turns it off', () => {
  const files = { ...project(PROTOCOL), 'package.json': packageJson('vscode-jsonrpc') };
  assert.equal(Object.keys(extractProject(files).model.contracts).length, 6);
  assert.deepEqual(Object.keys(extractProject(files, { adapters: { jsonrpc: false } }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject({ ...files, 'package.json': packageJson('zod') }).model.contracts), []);
});

test('add, remove and rename a request', () => {
  const added = PROTOCOL.replace("export const ping", "export const bye = new RequestType<GreetParams, void, void>('demo/bye');\nexport const ping");
  assert.deepEqual(compareProjects(project(PROTOCOL), project(added)), ['rpc-method-added demo/bye [new-to-old]']);
  const removed = PROTOCOL.replace(/export const greet .*\n/, '');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(removed)), ['contract-removed demo [old-to-new]']);
  const removedOne = added.replace(/export const greet .*\n/, '');
  assert.deepEqual(compareProjects(project(added), project(removedOne)), ['rpc-method-removed demo/greet [old-to-new]']);
  const renamed = added.replace("'demo/greet'", "'demo/hello'");
  assert.deepEqual(compareProjects(project(added), project(renamed)), ['rpc-method-renamed demo/hello [new-to-old,old-to-new]']);
});

test('params are written by the caller, results by the callee; notification params by the sender', () => {
  const required = PROTOCOL.replace('name: string; at?: Pos', 'name: string; at: Pos');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(required)), ['field-made-required demo/greet(params).at [old-to-new]']);
  const resultField = PROTOCOL.replace('{ text: string } | null', '{ text: string; lang: string } | null');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(resultField)), ['field-required-added demo/greet(result).lang [new-to-old]']);
  const resultRemoved = PROTOCOL.replace('{ ok: boolean }', '{}');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(resultRemoved)), ['field-removed window/show(result).ok [old-to-new]']);
  const notification = PROTOCOL.replace('message: string; level?: number', 'message: string');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(notification)), []);
  const notificationRequired = PROTOCOL.replace('level?: number', 'level: number');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(notificationRequired)), ['field-made-required demo/logged.level [old-to-new]']);
});

test('JSON is the codec: a Date in params is not wire-safe', () => {
  const dated = PROTOCOL.replace('name: string; at?: Pos', 'name: string; at?: Pos; when?: Date');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(dated)), ['not-wire-safe demo/greet(params).when [new-to-old,old-to-new]']);
});

/**
 * Acceptance on the published protocol: the installed vscode-languageserver-protocol's declarations as a project,
 * against a copy edited by hand the way a protocol release changes (a request dropped, one added, a params field
 * renamed, a result type changed). Every edit is found, at the path that travels, and nothing else.
 */
test('vscode-languageserver-protocol: the published declarations against a hand-edited copy', () => {
  const dir = path.join(__dirname, '../../../node_modules/vscode-languageserver-protocol/lib/common');
  const published: Record<string, string> = { 'package.json': fs.readFileSync(path.join(dir, '../../package.json'), 'utf8') };
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.d.ts')) published[`lib/common/${f}`] = fs.readFileSync(path.join(dir, f), 'utf8');
  const edit = (file: string, from: string | RegExp, to: string) => {
    const text = edited[file]!;
    const next = text.replace(from, to);
    assert.notEqual(next, text, `edit not applied in ${file}`);
    edited[file] = next;
  };
  const edited = { ...published };
  edit('lib/common/protocol.d.ts', /export declare namespace HoverRequest \{[^}]*\}/, '');
  edit('lib/common/protocol.d.ts', 'const type: ProtocolRequestType0<void, never, void, void>;', 'const type: ProtocolRequestType0<boolean, never, void, void>;');
  edit('lib/common/protocol.d.ts', 'export declare namespace ShutdownRequest {', `export declare namespace SummaryRequest {
    const method: 'textDocument/summary';
    const type: ProtocolRequestType<TextDocumentPositionParams, string, never, void, void>;
}
export declare namespace ShutdownRequest {`);
  edit('lib/common/protocol.workspaceFolder.d.ts', /added: WorkspaceFolder\[\];/, 'addedFolders: WorkspaceFolder[];');

  const { model } = extractProject(published);
  const requests = Object.values(model.contracts).reduce((n, c) => n + (c.kind === 'service' ? c.methods.length : 0), 0);
  const notifications = Object.values(model.contracts).filter((c) => c.kind === 'message').length;
  assert.ok(requests >= 60 && notifications >= 20, `${requests} requests, ${notifications} notifications`);
  assert.deepEqual(compareProjects(published, edited), [
    'field-renamed workspace/didChangeWorkspaceFolders.event.addedFolders [new-to-old,old-to-new]',
    'rpc-method-added textDocument/summary [new-to-old]',
    'rpc-method-removed textDocument/hover [old-to-new]',
    'type-changed jsonrpc.shutdown(result) [new-to-old]',
  ]);
});
