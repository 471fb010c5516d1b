import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SkewConfig } from '../../../server/src/common/source.js';
import { witnessFor, type WitnessResult } from '../../../server/src/witness/witness-for.js';
import { aliasedModules, compareProjects, extractProject, findingsBetween, packageJson, wordsBetween } from './adapter-helper.js';

const pick = (w: WitnessResult | undefined) => (w && 'value' in w ? { value: w.value, writer: w.writer, direction: w.direction } : w);

/**
 * The same cases run on tRPC v11 (the repository's @trpc/server) and on tRPC v10, which a project imports as
 * `@trpc/server` too: here a folder whose node_modules links that name to the v10 install.
 */
const VERSIONS = [
  { name: 'v11', root: undefined },
  { name: 'v10', root: aliasedModules({ '@trpc/server': 'trpc-server-v10', zod: 'zod', superjson: 'superjson' }) },
] as const;
const V10_ROOT = VERSIONS[1].root;

const TRPC = `import { initTRPC } from '@trpc/server';
const t = initTRPC.create();
export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
`;

function project(order: string, root = `import { createTRPCRouter, publicProcedure } from './trpc';
import { orderRouter } from './order';
export const appRouter = createTRPCRouter({ order: orderRouter, health: publicProcedure.query(() => 'ok' as const) });
export type AppRouter = typeof appRouter;
`): Record<string, string> {
  return {
    'package.json': packageJson('@trpc/server', 'zod'),
    'src/trpc.ts': TRPC,
    'src/order.ts': `import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from './trpc';
${order}`,
    'src/root.ts': root,
  };
}

const BASE = `export const orderRouter = createTRPCRouter({
  create: publicProcedure
    .input(z.object({ qty: z.number(), note: z.string().optional() }))
    .mutation(() => ({ id: 'o1', total: 3 })),
  get: publicProcedure.input(z.string()).query(() => ({ id: 'o1' })),
  items: createTRPCRouter({ list: publicProcedure.query(() => [{ sku: 'a' }]) }),
});`;

for (const { name, root } of VERSIONS) {
  const title = (what: string) => (name === 'v11' ? what : `tRPC ${name}: ${what}`);
  const extract = (files: Record<string, string>, config: SkewConfig = {}) => extractProject(files, config, undefined, root);
  const compare = (before: Record<string, string>, after: Record<string, string>) => compareProjects(before, after, {}, root);
  const wordsOf = (before: Record<string, string>, after: Record<string, string>) => wordsBetween(before, after, root);

  test(title('routers become services named by their path, procedures their methods, through a project helper'), () => {
    const { model } = extract(project(BASE));
    assert.deepEqual(Object.keys(model.contracts).sort(), ['appRouter', 'order', 'order.items']);
    const order = model.contracts.order!;
    assert.equal(order.kind, 'service');
    assert.equal(order.source, 'adapter');
    assert.equal(order.adapter, 'trpc');
    assert.equal(order.codec, undefined);
    if (order.kind !== 'service') return;
    assert.deepEqual(order.methods.map((m) => m.name), ['create', 'get']);
    const create = order.methods[0]!;
    assert.equal(create.params[0]?.name, 'input');
    assert.equal(create.loc?.file, 'src/order.ts');
    const [param] = create.params;
    assert.ok(param);
    const input = param.shape;
    assert.equal(input.kind, 'object');
    // The field's location is the schema's own property, where a diagnostic on it belongs.
    if (input.kind === 'object') assert.equal(input.fields.find((f) => f.name === 'qty')?.loc?.range.start.line, 4);
  });

  test(title('no tRPC in package.json, or turned off in skew.json: no contracts'), () => {
    const files = project(BASE);
    assert.deepEqual(Object.keys(extract({ ...files, 'package.json': packageJson('zod') }).model.contracts), []);
    assert.deepEqual(Object.keys(extract(files, { adapters: { trpc: false } }).model.contracts), []);
  });

  test(title('an added procedure breaks new-to-old, a removed one old-to-new, a rename both'), () => {
    const added = BASE.replace('  get:', '  cancel: publicProcedure.input(z.string()).mutation(() => true),\n  get:');
    assert.deepEqual(compare(project(BASE), project(added)), ['rpc-method-added order.cancel [new-to-old]']);
    const removed = BASE.replace(/ {2}get: .*\n/, '');
    assert.deepEqual(compare(project(BASE), project(removed)), ['rpc-method-removed order.get [old-to-new]']);
    const renamed = BASE.replace('  get:', '  fetch:');
    assert.deepEqual(compare(project(BASE), project(renamed)), ['rpc-method-renamed order.fetch [new-to-old,old-to-new]']);
  });

  test(title('a router new in this version: each of its procedures is added'), () => {
    const added = BASE.replace('  items:', "  refunds: createTRPCRouter({ list: publicProcedure.query(() => []) }),\n  items:");
    assert.deepEqual(compare(project(BASE), project(added)), ['rpc-method-added order.refunds.list [new-to-old]']);
  });

  test(title('input fields: a new required field breaks old clients, a removed one breaks nothing read by the server'), () => {
    const required = BASE.replace('qty: z.number(),', 'qty: z.number(), currency: z.string(),');
    assert.deepEqual(compare(project(BASE), project(required)), ['field-required-added order.create(input).currency [old-to-new]']);
    const optionalAdded = BASE.replace('qty: z.number(),', 'qty: z.number(), coupon: z.string().optional(),');
    assert.deepEqual(compare(project(BASE), project(optionalAdded)), []);
    const madeRequired = BASE.replace('note: z.string().optional()', 'note: z.string()');
    assert.deepEqual(compare(project(BASE), project(madeRequired)), ['field-made-required order.create(input).note [old-to-new]']);
  });

  test(title('output fields flow server to client: a removed field breaks old clients calling a new server'), () => {
    const removed = BASE.replace("({ id: 'o1', total: 3 })", "({ id: 'o1' })");
    assert.deepEqual(compare(project(BASE), project(removed)), ['field-removed order.create(result).total [old-to-new]']);
    const added = BASE.replace("({ id: 'o1', total: 3 })", "({ id: 'o1', total: 3, status: 'new' })");
    // A new client calling an old server does not get it.
    assert.deepEqual(compare(project(BASE), project(added)), ['field-required-added order.create(result).status [new-to-old]']);
    const outputParser = BASE.replace(
      "get: publicProcedure.input(z.string()).query(() => ({ id: 'o1' }))",
      "get: publicProcedure.input(z.string()).output(z.object({ id: z.number() })).query(() => ({ id: 1 }))",
    );
    assert.deepEqual(compare(project(BASE), project(outputParser)), ['type-changed order.get(result).id [new-to-old,old-to-new]']);
  });

  test(title('nested routers and stacked inputs: paths follow the tree, inputs merge'), () => {
    const stacked = BASE.replace(".input(z.object({ qty: z.number(), note: z.string().optional() }))", ".input(z.object({ qty: z.number(), note: z.string().optional() })).input(z.object({ shop: z.string() }))");
    assert.deepEqual(compare(project(BASE), project(stacked)), ['field-required-added order.create(input).shop [old-to-new]']);
    const nested = BASE.replace("list: publicProcedure.query(() => [{ sku: 'a' }])", "list: publicProcedure.query(() => [{ sku: 1 }])");
    assert.deepEqual(compare(project(BASE), project(nested)), ['type-changed order.items.list(result)[].sku [new-to-old,old-to-new]']);
  });

  test(title('merged routers (t.mergeRouters) keep every procedure under its path'), () => {
    const merged = (extra: string) =>
      project(BASE, `import { initTRPC } from '@trpc/server';
  import { createTRPCRouter, publicProcedure } from './trpc';
import { orderRouter } from './order';
const t = initTRPC.create();
const a = createTRPCRouter({ order: orderRouter });
const b = createTRPCRouter({ health: publicProcedure.query(() => 'ok' as const)${extra} });
export const appRouter = t.mergeRouters(a, b);
`);
    const { model } = extract(merged(''));
    assert.deepEqual(Object.keys(model.contracts).sort(), ['appRouter', 'order', 'order.items']);
    assert.deepEqual(compare(merged(''), merged(", ping: publicProcedure.query(() => 1)")), ['rpc-method-added appRouter.ping [new-to-old]']);
  });

  test(title('codec: with a transformer (superjson) a Date travels; without one it is not wire-safe'), () => {
    const withDate = BASE.replace("({ id: 'o1', total: 3 })", "({ id: 'o1', total: 3, at: new Date() })");
    assert.deepEqual(compare(project(BASE), project(withDate)), [
      'field-required-added order.create(result).at [new-to-old]',
      'not-wire-safe order.create(result).at [new-to-old,old-to-new]',
    ]);
    const superjson = (files: Record<string, string>) => ({
      ...files,
      // A transformer of the project's own (superjson is one): tRPC only needs serialize and deserialize.
      'src/trpc.ts': TRPC.replace('initTRPC.create()', 'initTRPC.create({ transformer: { serialize: (v: unknown) => v, deserialize: (v: unknown) => v } })'),
    });
    assert.equal(extract(superjson(project(BASE))).model.contracts.order?.codec, 'superjson');
    assert.deepEqual(compare(superjson(project(BASE)), superjson(project(withDate))), ['field-required-added order.create(result).at [new-to-old]']);
    // What superjson carries is compared as a type: a Date that becomes a string reaches old clients as a string.
    const asString = withDate.replace('at: new Date()', 'at: new Date().toISOString()');
    assert.deepEqual(compare(superjson(project(withDate)), superjson(project(asString))), ['type-changed order.create(result).at [new-to-old,old-to-new]']);
    assert.deepEqual(compare(project(withDate), project(asString)), []);
  });

  test(title('codec: the superjson library as the transformer'), () => {
    const files = project(BASE);
    const withSuperjson = { ...files, 'src/trpc.ts': `import superjson from 'superjson';\n${TRPC.replace('initTRPC.create()', 'initTRPC.create({ transformer: superjson })')}` };
    assert.equal(extract(withSuperjson).model.contracts.order?.codec, 'superjson');
    assert.equal(extract(files).model.contracts.order?.codec, undefined);
  });

  test(title('a transformer added or removed: one codec-changed finding per router, both ways, witnessed by superjson\'s envelope'), () => {
    const plain = project(BASE);
    const withSuperjson = { ...plain, 'src/trpc.ts': `import superjson from 'superjson';\n${TRPC.replace('initTRPC.create()', 'initTRPC.create({ transformer: superjson })')}` };
    const everyRouter = ['appRouter', 'order', 'order.items'].map((router) => `codec-changed ${router} [new-to-old,old-to-new]`);
    assert.deepEqual(compare(plain, withSuperjson), everyRouter);
    assert.deepEqual(compare(withSuperjson, plain), everyRouter);
    const witnesses = (before: Record<string, string>, after: Record<string, string>) => {
      const old = extract(before).model;
      const now = extract(after).model;
      return Object.fromEntries(findingsBetween(before, after, {}, root).map((f) => [f.contract, witnessFor(f, old, now)]));
    };
    const added = witnesses(plain, withSuperjson);
    // This version's client wraps the call's input; a baseline server reads the envelope as the input itself.
    assert.deepEqual(pick(added.order), { value: [{ json: { qty: 0 } }], writer: 'this version', direction: 'new-to-old' });
    // A router whose procedures take no input shows it on a result: this version's server wraps it for a baseline client.
    assert.deepEqual(pick(added.appRouter), { value: { json: 'ok' }, writer: 'this version', direction: 'old-to-new' });
    const removed = witnesses(withSuperjson, plain);
    assert.deepEqual(pick(removed.order), { value: [{ json: { qty: 0 } }], writer: 'baseline', direction: 'old-to-new' });
  });

  test(title('findings name the tRPC client and server'), () => {
    const added = BASE.replace('  get:', '  cancel: publicProcedure.input(z.string()).mutation(() => true),\n  get:');
    const [words] = wordsOf(project(BASE), project(added));
    assert.equal(words?.[0], 'A tRPC server on v1 receiving order from a tRPC client on this version fails.');
    assert.equal(words?.at(-1), 'upgrade tRPC servers first, then tRPC clients');
  });
}

test('subscriptions stream their yielded values server to client', () => {
  const sub = (value: string) => BASE.replace('  get:', `  onChange: publicProcedure.subscription(async function* () { yield ${value}; }),\n  get:`);
  const { model } = extractProject(project(sub("{ id: 'o1' }")));
  const order = model.contracts.order;
  assert.equal(order?.kind === 'service' && order.methods.find((m) => m.name === 'onChange')?.result.kind, 'object');
  assert.deepEqual(compareProjects(project(sub("{ id: 'o1' }")), project(sub('{ id: 1 }'))), ['type-changed order.onChange(result).id [new-to-old,old-to-new]']);
});

test('tRPC v10: subscriptions stream the values of the observable they return', () => {
  const sub = (value: string) =>
    `import { observable } from '@trpc/server/observable';\n${BASE.replace('  get:', `  onChange: publicProcedure.subscription(() => observable<{ id: ${value} }>((emit) => { emit.next({ id: ${value === 'string' ? "'o1'" : '1'} }); })),\n  get:`)}`;
  const { model } = extractProject(project(sub('string')), {}, undefined, V10_ROOT);
  const order = model.contracts.order;
  assert.equal(order?.kind === 'service' && order.methods.find((m) => m.name === 'onChange')?.result.kind, 'object');
  assert.deepEqual(compareProjects(project(sub('string')), project(sub('number')), {}, V10_ROOT), ['type-changed order.onChange(result).id [new-to-old,old-to-new]']);
});

test('lazy routers (v11 lazy()): the procedures of the router they load are read, by a named or a default export', () => {
  const files = (extra: string) => ({
    'package.json': packageJson('@trpc/server', 'zod'),
    'src/trpc.ts': TRPC,
    'src/billing.ts': `import { z } from 'zod';
import { createTRPCRouter, publicProcedure } from './trpc';
export const billingRouter = createTRPCRouter({ invoice: publicProcedure.input(z.object({ id: z.string()${extra} })).query(() => ({ total: 1 })) });
export default billingRouter;
`,
    'src/root.ts': `import { lazy } from '@trpc/server';
import { createTRPCRouter, publicProcedure } from './trpc';
export const appRouter = createTRPCRouter({
  billing: lazy(() => import('./billing').then((m) => m.billingRouter)),
  legacyBilling: lazy(() => import('./billing')),
  health: publicProcedure.query(() => 'ok' as const),
});
`,
  });
  const { model } = extractProject(files(''));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['appRouter', 'billing', 'legacyBilling']);
  const billing = model.contracts.billing;
  assert.equal(billing?.kind === 'service' && billing.methods[0]?.loc?.file, 'src/billing.ts');
  assert.deepEqual(compareProjects(files(''), files(', currency: z.string()')), [
    'field-required-added billing.invoice(input).currency [old-to-new]',
    'field-required-added legacyBilling.invoice(input).currency [old-to-new]',
  ]);
});

test('tRPC is recognised by its package.json name, not its folder: @trpc/server mapped by tsconfig paths to the v10 install', () => {
  // The declarations then live under node_modules/trpc-server-v10/, whose package.json still says "@trpc/server".
  const root = aliasedModules({ 'trpc-server-v10': 'trpc-server-v10', zod: 'zod' });
  const tsconfig = JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022'],
      paths: { '@trpc/server': ['./node_modules/trpc-server-v10'], '@trpc/server/*': ['./node_modules/trpc-server-v10/*'] },
    },
  });
  const files = (order: string) => ({ ...project(order), 'tsconfig.json': tsconfig });
  const { model } = extractProject(files(BASE), {}, undefined, root);
  assert.deepEqual(Object.keys(model.contracts).sort(), ['appRouter', 'order', 'order.items']);
  const removed = BASE.replace(/ {2}get: .*\n/, '');
  assert.deepEqual(compareProjects(files(BASE), files(removed), {}, root), ['rpc-method-removed order.get [old-to-new]']);
});

test('tRPC installed under an npm alias ("trpc-server-v10": "npm:@trpc/server@10…") turns the adapter on and is read as tRPC', () => {
  const aliased = (files: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(files).map(([file, text]) => [
        file,
        file === 'package.json' ? JSON.stringify({ name: 'fixture', dependencies: { 'trpc-server-v10': 'npm:@trpc/server@10.45.4', zod: '*' } }) : text.replaceAll("from '@trpc/server'", "from 'trpc-server-v10'"),
      ]),
    );
  const { model } = extractProject(aliased(project(BASE)));
  assert.deepEqual(Object.keys(model.contracts).sort(), ['appRouter', 'order', 'order.items']);
  const added = BASE.replace('  get:', '  cancel: publicProcedure.input(z.string()).mutation(() => true),\n  get:');
  assert.deepEqual(compareProjects(aliased(project(BASE)), aliased(project(added))), ['rpc-method-added order.cancel [new-to-old]']);
});

for (const { name, root } of VERSIONS) {
  const title = (what: string) => `tRPC ${name}: ${what}`;
  const compare = (before: Record<string, string>, after: Record<string, string>) => compareProjects(before, after, {}, root);
  const router = (procedures: string) => project(`export const orderRouter = createTRPCRouter({\n${procedures}\n});`);
  const create = (input: string) => `  create: publicProcedure.input(${input}).mutation(() => ({ id: 'o1' })),`;

  test(title('the input parser is read as a schema: its strictness and checks are what the server refuses by'), () => {
    assert.deepEqual(compare(router(create('z.object({ qty: z.number(), note: z.string().optional() })')), router(create('z.strictObject({ qty: z.number().int() })'))), [
      'reader-refinement-added order.create(input).qty [old-to-new]',
      'strict-reader-undeclared-field order.create(input).note [old-to-new]',
    ]);
  });

  test(title('a procedure renamed whose input is a schema object (its policy seen by the server only) is one rename'), () => {
    const input = 'z.object({ qty: z.number() })';
    assert.deepEqual(compare(router(create(input)), router(create(input).replace('create:', 'add:'))), ['rpc-method-renamed order.add [new-to-old,old-to-new]']);
  });

  test(title('a parser that is not a zod or valibot schema is read from its type, as before'), () => {
    const parsed = (fields: string) => create(`(raw: unknown) => raw as { ${fields} }`);
    assert.deepEqual(compare(router(parsed('qty: number')), router(parsed('qty: number; currency: string'))), ['field-required-added order.create(input).currency [old-to-new]']);
  });

  test(title('stacked parsers that read one key as different shapes are read from the merged type'), () => {
    const stacked = (second: string) => `  create: publicProcedure.input(z.object({ qty: z.number() })).input(${second}).mutation(() => ({ id: 'o1' })),`;
    // Not a reader-refinement finding: the key's two readers are not merged, the type is read (no checks).
    assert.deepEqual(compare(router(stacked('z.object({ qty: z.number().optional() })')), router(stacked('z.object({ qty: z.number().int().optional() })'))), []);
  });
}
