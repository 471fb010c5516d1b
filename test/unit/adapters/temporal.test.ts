import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareProjects, extractProject, packageJson, wordsBetween } from './adapter-helper.js';

const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022'], types: [] } });

const ACTIVITIES = `export interface Charge { orderId: string; cents: number; currency?: string }
export async function charge(input: Charge): Promise<{ receipt: string }> { return { receipt: input.orderId }; }
export async function ship(orderId: string, express?: boolean): Promise<void> {}
export async function audit(line: string): Promise<void> {}
`;

const WORKFLOWS = `import { proxyActivities, proxyLocalActivities, defineSignal, defineQuery, defineUpdate, setHandler, condition } from '@temporalio/workflow';
import type * as activities from './activities';
const { charge, ship } = proxyActivities<typeof activities>({ startToCloseTimeout: '1 minute' });
const { audit } = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '5 seconds' });
export const cancel = defineSignal<[reason: string]>('cancel');
export const status = defineQuery<{ state: 'open' | 'paid' }>('status');
export const addItem = defineUpdate<number, [sku: string, qty: number]>('addItem');
export async function order(orderId: string, cents: number): Promise<{ receipt: string }> {
  let cancelled = false;
  setHandler(cancel, () => { cancelled = true; });
  setHandler(status, () => ({ state: 'open' as const }));
  setHandler(addItem, (sku, qty) => qty);
  await audit(orderId);
  const paid = await charge({ orderId, cents });
  await ship(orderId);
  await condition(() => cancelled);
  return paid;
}
`;

const project = (activities: string, workflows = WORKFLOWS) => ({
  'package.json': packageJson('@temporalio/workflow', '@temporalio/client'),
  'tsconfig.json': TSCONFIG,
  'src/activities.ts': activities,
  'src/workflows.ts': workflows,
});

test('activities, workflows, signals, queries and updates are persisted services', () => {
  const { model, problems } = extractProject(project(ACTIVITIES));
  assert.deepEqual(problems, []);
  assert.deepEqual(Object.keys(model.contracts).sort(), ['Activities', 'Queries', 'Signals', 'Updates', 'Workflows']);
  const methods = (name: string) => {
    const c = model.contracts[name]!;
    assert.equal(c.persisted, true);
    assert.equal(c.adapter, 'temporal');
    return c.kind === 'service' ? c.methods.map((m) => `${m.name}(${m.params.map((p) => p.name).join(',')})`) : [];
  };
  assert.deepEqual(methods('Activities').sort(), ['audit(line)', 'charge(input)', 'ship(orderId,express)']);
  assert.deepEqual(methods('Workflows'), ['order(orderId,cents)']);
  assert.deepEqual(methods('Signals'), ['cancel(reason)']);
  assert.deepEqual(methods('Queries'), ['status()']);
  assert.deepEqual(methods('Updates'), ['addItem(sku,qty)']);
});

test('without the dependency or with the adapter off nothing is found', () => {
  assert.deepEqual(Object.keys(extractProject({ ...project(ACTIVITIES), 'package.json': packageJson('zod') }).model.contracts), []);
  assert.deepEqual(Object.keys(extractProject(project(ACTIVITIES), { adapters: { temporal: false } }).model.contracts), []);
});

test('activities added, removed and renamed', () => {
  const added = ACTIVITIES + 'export async function refund(orderId: string): Promise<void> {}\n';
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(added)), ['rpc-method-added Activities.refund [new-to-old]']);
  const removed = ACTIVITIES.replace(/export async function audit.*\n/, '');
  const unproxied = WORKFLOWS.replace(/const \{ audit \}.*\n/, '').replace('  await audit(orderId);\n', '');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(removed, unproxied)), ['rpc-method-removed Activities.audit [old-to-new]']);
  const renamed = ACTIVITIES.replace('function ship(', 'function dispatch(');
  const renamedUse = WORKFLOWS.replace('{ charge, ship }', '{ charge, dispatch: ship }');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(renamed, renamedUse)), ['rpc-method-renamed Activities.dispatch [new-to-old,old-to-new]']);
});

test('activity input fields both ways and results', () => {
  const required = ACTIVITIES.replace('currency?: string', 'currency: string');
  const passes = WORKFLOWS.replace('charge({ orderId, cents })', "charge({ orderId, cents, currency: 'EUR' })");
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(required, passes)), ['field-made-required Activities.charge(input).currency [old-to-new]']);
  const dropped = ACTIVITIES.replace('orderId: string; cents: number;', 'orderId: string;').replace('{ return { receipt: input.orderId }; }', "{ return { receipt: '' }; }");
  const droppedUse = WORKFLOWS.replace('charge({ orderId, cents })', 'charge({ orderId })');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(dropped, droppedUse)), ['field-removed Activities.charge(input).cents [new-to-old]']);
  const result = ACTIVITIES.replace('Promise<{ receipt: string }>', 'Promise<{ receipt: number }>').replace('receipt: input.orderId', 'receipt: 1');
  const resultUse = WORKFLOWS.replace(/Promise<\{ receipt: string \}>/, 'Promise<{ receipt: number }>');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(result, resultUse)), [
    'type-changed Activities.charge(result).receipt [new-to-old,old-to-new]',
    'type-changed Workflows.order(result).receipt [new-to-old,old-to-new]',
  ]);
});

test('signals, queries and updates are named by their string name; workflow arguments come from the client', () => {
  const signal = WORKFLOWS.replace("defineSignal<[reason: string]>('cancel')", "defineSignal<[reason: string, by: string]>('cancel')");
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(ACTIVITIES, signal)), ['rpc-parameter-required-added Signals.cancel(by) [old-to-new]']);
  const renamed = WORKFLOWS.replace("('status')", "('state')");
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(ACTIVITIES, renamed)), ['rpc-method-renamed Queries.state [new-to-old,old-to-new]']);
  const query = WORKFLOWS.replace("'open' | 'paid'", "'open' | 'paid' | 'shipped'");
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(ACTIVITIES, query)), ['union-variant-added Queries.status(result).state [old-to-new]']);
  const update = WORKFLOWS.replace('defineUpdate<number,', 'defineUpdate<string,').replace('(sku, qty) => qty', '(sku, qty) => sku');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(ACTIVITIES, update)), ['type-changed Updates.addItem(result) [new-to-old,old-to-new]']);
  const argument = WORKFLOWS.replace('order(orderId: string, cents: number)', 'order(orderId: string, cents: number, coupon: string)');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(ACTIVITIES, argument)), ['rpc-parameter-required-added Workflows.order(coupon) [old-to-new]']);
});

test('the JSON payload converter: a bigint in an activity result is not wire-safe', () => {
  const big = ACTIVITIES.replace('Promise<{ receipt: string }>', 'Promise<{ receipt: string; cents?: bigint }>');
  assert.deepEqual(compareProjects(project(ACTIVITIES), project(big)), ['not-wire-safe Activities.charge(result).cents [new-to-old,old-to-new]']);
});

test('the library is recognised by its declarations: an aliased import counts, a look-alike of the project does not', () => {
  const aliased = WORKFLOWS.replace('import { proxyActivities,', 'import { proxyActivities as proxy,')
    .replace('= proxyActivities<', '= proxy<')
    .replace(/const \{ audit \}.*\n/, '')
    .replace('  await audit(orderId);\n', '');
  const { model } = extractProject(project(ACTIVITIES, aliased));
  const activities = model.contracts.Activities;
  assert.deepEqual(activities?.kind === 'service' && activities.methods.map((m) => m.name).sort(), ['audit', 'charge', 'ship']);
  const lookalike = `import type * as activities from './activities';\nfunction proxyActivities<A>(o: object): A { return o as A; }\nexport const { charge } = proxyActivities<typeof activities>({});\n`;
  assert.deepEqual(Object.keys(extractProject(project(ACTIVITIES, lookalike)).model.contracts), []);
});

test('activity findings name the workflow and activity workers; signal findings the client and the workflow worker', () => {
  const required = ACTIVITIES.replace('currency?: string', 'currency: string');
  const passes = WORKFLOWS.replace('charge({ orderId, cents })', "charge({ orderId, cents, currency: 'EUR' })");
  assert.deepEqual(wordsBetween(project(ACTIVITIES), project(required, passes)), [
    [
      'An activity worker on this version receiving Activities from a workflow worker on v1 fails.',
      "This version's activity workers can't handle Activities from v1 workflow workers: `currency` now required. Upgrade workflow workers first. [old-to-new]",
      'an activity worker on this version receiving Activities from a workflow worker on the baseline fails',
      'upgrade workflow workers first, then activity workers',
    ],
  ]);
  const signal = WORKFLOWS.replace("defineSignal<[reason: string]>('cancel')", "defineSignal<[reason: string, by: string]>('cancel')");
  const [words] = wordsBetween(project(ACTIVITIES), project(ACTIVITIES, signal));
  assert.equal(words?.[0], 'A workflow worker on this version receiving Signals from a Temporal client on v1 fails.');
  assert.equal(words?.at(-1), 'upgrade Temporal clients first, then workflow workers');
});
