import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const TSCONFIG = JSON.stringify({
  compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: ['@cloudflare/workers-types'] },
});

const WORKER = `import { DurableObject, WorkerEntrypoint } from 'cloudflare:workers';
import { Base } from './base';
export class Counter extends DurableObject {
  private n = 0;
  async increment(by: number, note?: string): Promise<{ value: number; at: Date }> { return { value: (this.n += by), at: new Date() }; }
  async reset(): Promise<void> { this.n = 0; }
  async fetch(request: Request) { return new Response(request.url); }
  protected helper() { return 1; }
}
export default class Api extends Base {
  async add(a: number, b: number) { return a + b; }
}
`;

const project = (worker: string) => ({
  'package.json': packageJson('@cloudflare/workers-types'),
  'tsconfig.json': TSCONFIG,
  'src/base.ts': `import { WorkerEntrypoint } from 'cloudflare:workers';\nexport abstract class Base extends WorkerEntrypoint {}\n`,
  'src/worker.ts': worker,
});

test('entrypoints and Durable Objects are services of their public methods, through project base classes', () => {
  const { model } = extractProject(project(WORKER));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['Api', 'Counter']);
  const counter = model.contracts.Counter!;
  assert.equal(counter.codec, 'structured-clone');
  assert.equal(counter.adapter, 'cloudflare');
  // fetch is the runtime's handler, helper is protected: neither is reached over RPC.
  assert.deepEqual(counter.kind === 'service' && counter.methods.map((m) => m.name), ['increment', 'reset']);
});

test('without the types package in tsconfig (cloudflare:workers unresolved) or without the dependency, nothing is found', () => {
  const files = project(WORKER);
  assert.deepEqual(Object.keys(extractProject({ ...files, 'package.json': packageJson('zod') }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject(files, { adapters: { cloudflare: false } }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject({ ...files, 'tsconfig.json': TSCONFIG.replace('"types":["@cloudflare/workers-types"]', '"types":[]') }).model.contracts), []);
});

test('add, remove and rename a method; parameters and results', () => {
  const added = WORKER.replace('  async reset()', '  async decrement(by: number) { return by; }\n  async reset()');
  assert.deepEqual(compareProjects(project(WORKER), project(added)), ['rpc-method-added Counter.decrement [new-to-old]']);
  const removed = WORKER.replace(/ {2}async reset\(\).*\n/, '');
  assert.deepEqual(compareProjects(project(WORKER), project(removed)), ['rpc-method-removed Counter.reset [old-to-new]']);
  const renamed = WORKER.replace('async reset()', 'async clear()');
  assert.deepEqual(compareProjects(project(WORKER), project(renamed)), ['rpc-method-renamed Counter.clear [new-to-old,old-to-new]']);
  const required = WORKER.replace('note?: string', 'note: string');
  assert.deepEqual(compareProjects(project(WORKER), project(required)), ['rpc-parameter-made-required Counter.increment(note) [old-to-new]']);
  const result = WORKER.replace('{ value: number; at: Date }', '{ value: number }').replace(', at: new Date()', '');
  assert.deepEqual(compareProjects(project(WORKER), project(result)), ['field-removed Counter.increment(result).at [old-to-new]']);
});

test('structured clone carries Date, Map and functions (as stubs) but not symbols', () => {
  const withMap = WORKER.replace('async reset(): Promise<void>', 'async reset(): Promise<{ seen: Map<string, number>; later: () => number }>').replace('{ this.n = 0; }', '{ return { seen: new Map(), later: () => 1 }; }');
  assert.deepEqual(compareProjects(project(WORKER), project(withMap)), ['type-changed Counter.reset(result) [new-to-old]']);
  const withSymbol = WORKER.replace('{ value: number; at: Date }', '{ value: number; at: Date; tag?: symbol }');
  assert.deepEqual(compareProjects(project(WORKER), project(withSymbol)), ['not-wire-safe Counter.increment(result).tag [new-to-old,old-to-new]']);
});

test('findings name the calling Worker and the Durable Object or entrypoint it reaches', () => {
  const { model } = extractProject(project(WORKER));
  assert.deepEqual(model.contracts.Api?.roles, { caller: 'calling Worker', callee: 'entrypoint Worker' });
  const added = WORKER.replace('  async reset()', '  async decrement(by: number) { return by; }\n  async reset()');
  const [words] = wordsBetween(project(WORKER), project(added));
  assert.equal(words?.[0], 'A Durable Object on v1 receiving Counter from a calling Worker on this version fails.');
  assert.equal(words?.at(-1), 'upgrade Durable Objects first, then calling Workers');
});
