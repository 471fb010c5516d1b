import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareProjects, describe, extractProject, packageJson, wordsBetween } from './adapter-helper.js';
import { compareModels } from '../../../server/src/rules/index.js';

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

test('a request in a namespace new in this version is an added method, like one in an existing namespace', () => {
  const added = PROTOCOL.replace("export const ping", "export const fresh = new RequestType<GreetParams, void, void>('fresh/start');\nexport const ping");
  assert.deepEqual(compareProjects(project(PROTOCOL), project(added)), ['rpc-method-added fresh/start [new-to-old]']);
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

/** One published version of the protocol as a project of its own: its declarations, compiled files and nested dependencies. */
function publishedProtocol(alias: string): { files: Record<string, string>; root: string } {
  const root = path.join(__dirname, '../../../node_modules', alias);
  const files: Record<string, string> = { 'package.json': fs.readFileSync(path.join(root, 'package.json'), 'utf8') };
  for (const f of fs.readdirSync(path.join(root, 'lib/common'))) {
    if (f.endsWith('.d.ts') || f.endsWith('.js')) files[`lib/common/${f}`] = fs.readFileSync(path.join(root, 'lib/common', f), 'utf8');
  }
  return { files, root };
}

/**
 * Acceptance on two published versions, vscode-languageserver-protocol 3.16.0 and 3.17.5, each reading its own
 * vscode-jsonrpc and vscode-languageserver-types. Checked by hand against the 3.17 changelog: the new requests
 * (type hierarchy, inline values, inlay hints, pull diagnostics, workspace symbol resolve, and the proposed
 * inline completion, ranges formatting and folding range refresh), MessageType's Debug, TraceValues' 'compact',
 * notebook cell filters in document selectors, WorkspaceSymbol results, `experimental` widened to LSPAny,
 * SignatureHelp's active indexes losing `null` and becoming optional, `workspaceFolders` becoming optional.
 * 3.16's declarations name 20 of their 70 messages only in the compiled .js, where they are read from.
 */
test('vscode-languageserver-protocol 3.16.0 against 3.17.5', () => {
  const read = (alias: string) => {
    const { files, root } = publishedProtocol(alias);
    return extractProject(files, {}, alias, root);
  };
  const old = read('lsp-protocol-3.16.0');
  const now = read('lsp-protocol-3.17.5');
  const count = (model: typeof old.model) => [
    Object.values(model.contracts).reduce((n, c) => n + (c.kind === 'service' ? c.methods.length : 0), 0),
    Object.values(model.contracts).filter((c) => c.kind === 'message').length,
  ];
  assert.deepEqual(count(old.model), [52, 18]);
  assert.deepEqual(count(now.model), [67, 22]);
  assert.deepEqual([...old.problems, ...now.problems], []);
  assert.deepEqual(describe(compareModels(old.model, now.model).findings), [
    'field-made-optional jsonrpc.initialize(params).capabilities.textDocument.moniker [new-to-old]',
    'field-made-optional jsonrpc.initialize(params).workspaceFolders [new-to-old]',
    'field-made-optional textDocument/signatureHelp(params).context.activeSignatureHelp.activeParameter [new-to-old]',
    'field-made-optional textDocument/signatureHelp(params).context.activeSignatureHelp.activeSignature [new-to-old]',
    'field-made-optional textDocument/signatureHelp(result).activeParameter [old-to-new]',
    'field-made-optional textDocument/signatureHelp(result).activeSignature [old-to-new]',
    'rpc-method-added inlayHint/resolve [new-to-old]',
    'rpc-method-added textDocument/diagnostic [new-to-old]',
    'rpc-method-added textDocument/inlayHint [new-to-old]',
    'rpc-method-added textDocument/inlineCompletion [new-to-old]',
    'rpc-method-added textDocument/inlineValue [new-to-old]',
    'rpc-method-added textDocument/prepareTypeHierarchy [new-to-old]',
    'rpc-method-added textDocument/rangesFormatting [new-to-old]',
    'rpc-method-added typeHierarchy/subtypes [new-to-old]',
    'rpc-method-added typeHierarchy/supertypes [new-to-old]',
    'rpc-method-added workspace/diagnostic [new-to-old]',
    'rpc-method-added workspace/diagnostic/refresh [new-to-old]',
    'rpc-method-added workspace/foldingRange/refresh [new-to-old]',
    'rpc-method-added workspace/inlayHint/refresh [new-to-old]',
    'rpc-method-added workspace/inlineValue/refresh [new-to-old]',
    'rpc-method-added workspaceSymbol/resolve [new-to-old]',
    'type-changed jsonrpc.initialize(params).capabilities.experimental [new-to-old]',
    'union-variant-added jsonrpc.initialize(params).trace [new-to-old]',
    'union-variant-added jsonrpc.initialize(result).capabilities.callHierarchyProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.colorProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.declarationProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.foldingRangeProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.implementationProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.linkedEditingRangeProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.monikerProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.selectionRangeProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.semanticTokensProvider.documentSelector[] [old-to-new]',
    'union-variant-added jsonrpc.initialize(result).capabilities.typeDefinitionProvider.documentSelector[] [old-to-new]',
    'union-variant-added window/logMessage.type [new-to-old]',
    'union-variant-added window/showMessage.type [new-to-old]',
    'union-variant-added window/showMessageRequest(params).type [new-to-old]',
    'union-variant-added workspace/symbol(result) [old-to-new]',
    'union-variant-removed textDocument/signatureHelp(params).context.activeSignatureHelp.activeParameter [old-to-new]',
    'union-variant-removed textDocument/signatureHelp(params).context.activeSignatureHelp.activeSignature [old-to-new]',
    'union-variant-removed textDocument/signatureHelp(result).activeParameter [new-to-old]',
    'union-variant-removed textDocument/signatureHelp(result).activeSignature [new-to-old]',
  ]);
});

test('request findings name the sender and the handler', () => {
  const added = PROTOCOL.replace("export const ping", "export const fresh = new RequestType<GreetParams, void, void>('fresh/start');\nexport const ping");
  const [words] = wordsBetween(project(PROTOCOL), project(added));
  assert.equal(words?.[0], 'A request handler on v1 receiving fresh from a request sender on this version fails.');
  assert.equal(words?.at(-1), 'upgrade request handlers first, then request senders');
});

test('a request sent by position carries its params as [P]: switching ParameterStructures breaks both ways', () => {
  const byPosition = PROTOCOL.replace("new RequestType<GreetParams, { text: string } | null, void>('demo/greet')", "new RequestType<GreetParams, { text: string } | null, void>('demo/greet', ParameterStructures.byPosition)").replace("MessageDirection } from", 'MessageDirection, ParameterStructures } from');
  const byName = byPosition.replace('ParameterStructures.byPosition)', 'ParameterStructures.byName)');
  const { model } = extractProject(project(byPosition));
  const demo = model.contracts.demo!;
  assert.ok(demo.kind === 'service');
  assert.equal(demo.methods.find((m) => m.name === 'greet')?.params[0]?.shape.kind, 'tuple');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(byPosition)), ['type-changed demo/greet(params) [new-to-old,old-to-new]']);
  // `auto` sends an object parameter by name, as byName does: nothing changes on the wire.
  assert.deepEqual(compareProjects(project(PROTOCOL), project(byName)), []);
});

test('a notification sent by position is the array [P] on the wire', () => {
  const byPosition = PROTOCOL.replace("new NotificationType<{ message: string; level?: number }>('demo/logged')", "new NotificationType<{ message: string; level?: number }>('demo/logged', ParameterStructures.byPosition)").replace("MessageDirection } from", 'MessageDirection, ParameterStructures } from');
  const { model } = extractProject(project(byPosition));
  assert.equal(model.types['demo/logged']?.shape.kind, 'tuple');
  assert.deepEqual(compareProjects(project(PROTOCOL), project(byPosition)), ['type-changed demo/logged [new-to-old,old-to-new]']);
});
