import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM'], types: [] } });

const EVENTS = `export interface Order { id: string; total: number; note?: string }
export interface ServerToClientEvents {
  orderUpdated: (order: Order) => void;
  noArg: () => void;
}
export interface ClientToServerEvents {
  placeOrder: (items: string[], ack: (reply: { id: string; status: 'ok' | 'full' }) => void) => void;
  cancel: (id: string) => void;
}
export interface InterServerEvents {
  ping: (from: string) => void;
}
export interface SocketData {
  user: string;
  since: number;
}
`;

const SERVER = `import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData } from './events';
const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>();
io.on('connection', (socket) => {
  socket.on('placeOrder', (items, ack) => ack({ id: items.join(), status: 'ok' }));
});
`;

const CLIENT = `import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from './events';
export const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
export async function place() {
  return socket.emitWithAck('placeOrder', ['a']);
}
`;

const project = (events: string, files: Record<string, string> = { 'src/server.ts': SERVER }) => ({
  'package.json': packageJson('socket.io', 'socket.io-client'),
  'tsconfig.json': TSCONFIG,
  'src/events.ts': events,
  ...files,
});

test('the server\'s four type arguments are three event services and the socket data message', () => {
  const { model, problems } = extractProject(project(EVENTS));
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(model.contracts).sort(), ['ClientToServerEvents', 'InterServerEvents', 'ServerToClientEvents', 'SocketData']);
  const c2s = model.contracts.ClientToServerEvents!;
  assert.equal(c2s.adapter, 'socketio');
  assert.ok(c2s.kind === 'service');
  const place = c2s.methods.find((m) => m.name === 'placeOrder')!;
  // The acknowledgement callback is not an argument on the wire: it is the reply.
  assert.deepEqual(place.params.map((p) => p.name), ['items']);
  assert.equal(place.result.kind, 'object');
  assert.deepEqual(c2s.methods.find((m) => m.name === 'cancel')!.result, { kind: 'void' });
  assert.equal(model.contracts.SocketData!.kind, 'message');
});

test('the client\'s Socket<ServerToClient, ClientToServer> alone gives the same roles, reversed', () => {
  const { model } = extractProject(project(EVENTS, { 'src/client.ts': CLIENT }));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['ClientToServerEvents', 'ServerToClientEvents']);
  const s2c = model.contracts.ServerToClientEvents!;
  assert.deepEqual(s2c.kind === 'service' && s2c.methods.map((m) => m.name), ['orderUpdated', 'noArg']);
});

test('without the dependency, with the adapter off, or with socket.io\'s default maps, nothing is found', () => {
  assert.deepEqual(Object.keys(extractProject({ ...project(EVENTS), 'package.json': packageJson('zod') }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject(project(EVENTS), { adapters: { socketio: false } }).model.contracts), []);
  const untyped = `import { Server } from 'socket.io';\nexport const io = new Server();\n`;
  assert.deepEqual(Object.keys(extractProject(project(EVENTS, { 'src/server.ts': untyped })).model.contracts), []);
});

test('events added, removed and renamed', () => {
  const added = EVENTS.replace('  noArg: () => void;', '  noArg: () => void;\n  shipped: (id: string) => void;');
  assert.deepEqual(compareProjects(project(EVENTS), project(added)), ['rpc-method-added ServerToClientEvents.shipped [new-to-old]']);
  const removed = EVENTS.replace('  cancel: (id: string) => void;\n', '');
  assert.deepEqual(compareProjects(project(EVENTS), project(removed)), ['rpc-method-removed ClientToServerEvents.cancel [old-to-new]']);
  const renamed = EVENTS.replace('cancel:', 'cancelOrder:');
  assert.deepEqual(compareProjects(project(EVENTS), project(renamed)), ['rpc-method-renamed ClientToServerEvents.cancelOrder [new-to-old,old-to-new]']);
});

test('payload fields both ways: the emitter writes, the listener reads', () => {
  // A field the listener now requires breaks old emitters.
  const required = EVENTS.replace('note?: string', 'note: string');
  assert.deepEqual(compareProjects(project(EVENTS), project(required)), ['field-made-required ServerToClientEvents.orderUpdated(order).note [old-to-new]']);
  // A field dropped from what this version emits breaks old listeners that require it.
  const dropped = EVENTS.replace('id: string; total: number;', 'id: string;');
  assert.deepEqual(compareProjects(project(EVENTS), project(dropped)), ['field-removed ServerToClientEvents.orderUpdated(order).total [new-to-old]']);
  const argument = EVENTS.replace('ping: (from: string) => void', 'ping: (from: string, at: number) => void');
  assert.deepEqual(compareProjects(project(EVENTS), project(argument)), ['rpc-parameter-required-added InterServerEvents.ping(at) [old-to-new]']);
});

test('the acknowledgement is a result flowing back to the emitter', () => {
  const variant = EVENTS.replace("'ok' | 'full'", "'ok' | 'full' | 'closed'");
  assert.deepEqual(compareProjects(project(EVENTS), project(variant)), ['union-variant-added ClientToServerEvents.placeOrder(result).status [old-to-new]']);
  const gone = EVENTS.replace('reply: { id: string; status', 'reply: { status');
  assert.deepEqual(compareProjects(project(EVENTS), project(gone)), ['field-removed ClientToServerEvents.placeOrder(result).id [old-to-new]']);
  const noAck = EVENTS.replace(', ack: (reply: { id: string; status: \'ok\' | \'full\' }) => void', '');
  assert.deepEqual(compareProjects(project(EVENTS), project(noAck)), ['type-changed ClientToServerEvents.placeOrder(result) [old-to-new]']);
});

test('socket data is checked in both directions: servers of both versions write and read it', () => {
  const added = EVENTS.replace('since: number;', 'since: number;\n  room: string;');
  assert.deepEqual(compareProjects(project(EVENTS), project(added)), ['field-required-added SocketData.room [old-to-new]']);
  const removed = EVENTS.replace('  since: number;\n', '');
  assert.deepEqual(compareProjects(project(EVENTS), project(removed)), ['field-removed SocketData.since [new-to-old]']);
});

test('ServerToClientEvents findings say the server emits and the client listens; ClientToServerEvents the reverse', () => {
  const dropped = EVENTS.replace('id: string; total: number;', 'id: string;');
  assert.deepEqual(wordsBetween(project(EVENTS), project(dropped)), [
    [
      'A listening client on v1 receiving ServerToClientEvents from an emitting server on this version fails.',
      "v1 listening clients can't handle ServerToClientEvents from this version's emitting servers: `total` removed. Upgrade listening clients first. [new-to-old]",
      'a listening client on the baseline receiving ServerToClientEvents from an emitting server on this version fails',
      'upgrade listening clients first, then emitting servers',
    ],
  ]);
  const removed = EVENTS.replace(/ {2}cancel: .*\n/, '');
  assert.deepEqual(wordsBetween(project(EVENTS), project(removed)).map((words) => words[0]), [
    'A listening server on this version receiving ClientToServerEvents from an emitting client on v1 fails.',
  ]);
});
