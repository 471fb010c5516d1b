import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const ROUTER = `import { os } from '@orpc/server';
import { z } from 'zod';
const Planet = z.object({ id: z.number(), name: z.string() });
export const list = os.input(z.object({ limit: z.number().optional() })).handler(async () => [{ id: 1, name: 'Earth' }]);
export const router = {
  planet: {
    list,
    create: os.input(z.object({ name: z.string() })).output(Planet).handler(async ({ input }) => ({ id: 1, ...input })),
    moons: { count: os.input(z.number()).handler(() => 1) },
  },
  ping: os.handler(() => 'pong' as const),
};
`;

const project = (router: string, extra: Record<string, string> = {}) => ({ 'package.json': packageJson('@orpc/server', 'zod'), 'src/router.ts': router, ...extra });

test('routers are plain objects of procedures: a service per path, procedures as methods', () => {
  const { model } = extractProject(project(ROUTER));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['planet', 'planet.moons', 'router']);
  const planet = model.contracts.planet!;
  assert.equal(planet.adapter, 'orpc');
  assert.equal(planet.codec, 'superjson');
  assert.deepEqual(planet.kind === 'service' && planet.methods.map((m) => [m.name, m.params.length]), [['list', 1], ['create', 1]]);
  const root = model.contracts.router;
  assert.deepEqual(root?.kind === 'service' && root.methods.map((m) => [m.name, m.params.length]), [['ping', 0]]);
  assert.deepEqual(Object.keys(extractProject(project(ROUTER), { adapters: { orpc: false } }).model.contracts), []);
});

test('add, remove, rename procedures; input and output fields both ways', () => {
  const added = ROUTER.replace("  ping:", "  pong: os.handler(() => 1),\n  ping:");
  assert.deepEqual(compareProjects(project(ROUTER), project(added)), ['rpc-method-added router.pong [new-to-old]']);
  const removed = ROUTER.replace(/ {4}moons: .*\n/, '');
  assert.deepEqual(compareProjects(project(ROUTER), project(removed)), ['contract-removed planet.moons [old-to-new]']);
  const renamed = ROUTER.replace('    create:', '    add:');
  assert.deepEqual(compareProjects(project(ROUTER), project(renamed)), ['rpc-method-renamed planet.add [new-to-old,old-to-new]']);
  const input = ROUTER.replace("z.object({ name: z.string() })", "z.object({ name: z.string(), mass: z.number() })");
  assert.deepEqual(compareProjects(project(ROUTER), project(input)), ['field-required-added planet.create(input).mass [old-to-new]']);
  const output = ROUTER.replace("const Planet = z.object({ id: z.number(), name: z.string() });", "const Planet = z.object({ id: z.string(), name: z.string() });").replace('({ id: 1, ...input })', "({ id: '1', ...input })");
  assert.deepEqual(compareProjects(project(ROUTER), project(output)), ['type-changed planet.create(result).id [new-to-old,old-to-new]']);
});

test("codec: oRPC's RPC protocol carries a Date, so it is not reported as not wire-safe", () => {
  const dated = ROUTER.replace("[{ id: 1, name: 'Earth' }]", "[{ id: 1, name: 'Earth', seen: new Date() }]");
  assert.deepEqual(compareProjects(project(ROUTER), project(dated)), ['field-required-added planet.list(result)[].seen [new-to-old]']);
});

test('contract-first: the contract and its implementation are one API, read from the contract', () => {
  const contract = (output: string) => `import { oc } from '@orpc/contract';
import { z } from 'zod';
export const contract = oc.router({ user: { find: oc.input(z.object({ id: z.string() })).output(${output}) } });
`;
  const impl = `import { implement } from '@orpc/server';
import { contract } from './contract';
const os = implement(contract);
export const router = os.router({ user: { find: os.user.find.handler(() => ({ name: 'Ada' })) } });
`;
  const files = (output: string) => ({ ...project(ROUTER), 'src/router.ts': impl, 'src/contract.ts': contract(output), 'package.json': packageJson('@orpc/server', '@orpc/contract', 'zod') });
  const { model, problems } = extractProject(files("z.object({ name: z.string() })"));
  assert.deepEqual(Object.keys(model.contracts), ['user']);
  assert.deepEqual(problems, []);
  assert.deepEqual(compareProjects(files("z.object({ name: z.string() })"), files("z.object({ name: z.string(), email: z.string() })")), [
    'field-required-added user.find(result).email [new-to-old]',
  ]);
});

test('findings name the oRPC client and server', () => {
  const added = ROUTER.replace("  ping:", "  pong: os.handler(() => 1),\n  ping:");
  const [words] = wordsBetween(project(ROUTER), project(added));
  assert.equal(words?.[0], 'An oRPC server on v1 receiving router from an oRPC client on this version fails.');
  assert.equal(words?.at(-1), 'upgrade oRPC servers first, then oRPC clients');
});

test('contract-first: the contract\'s input schema is read as a schema (strictness and checks)', () => {
  const contract = (input: string) => ({
    'package.json': packageJson('@orpc/server', '@orpc/contract', 'zod'),
    'src/contract.ts': `import { oc } from '@orpc/contract';
import { z } from 'zod';
export const contract = oc.router({ user: { find: oc.input(${input}).output(z.object({ name: z.string() })) } });
`,
  });
  assert.deepEqual(compareProjects(contract('z.object({ id: z.string(), tag: z.string().optional() })'), contract('z.object({ id: z.string().uuid() }).strict()')), [
    'reader-refinement-added user.find(input).id [old-to-new]',
    'strict-reader-undeclared-field user.find(input).tag [old-to-new]',
  ]);
});
