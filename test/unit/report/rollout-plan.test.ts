import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Order } from '../../../server/src/engine/finding';
import { rolloutPlan, type PlanChange } from '../../../server/src/report/rollout-plan';
import type { RuleId } from '../../../server/src/rules';

const change = (path: string, order: Order, rule: RuleId = 'type-changed'): PlanChange => ({
  rule,
  path,
  order,
  contract: path.split(/[.(]/)[0]!,
  contractKind: order === 'servers-first' || order === 'clients-first' ? 'service' : 'message',
});

describe('rollout plan', () => {
  it('no breaking change: safe in any order, no releases to plan', () => {
    const plan = rolloutPlan([]);
    assert.equal(plan.verdict, 'any-order');
    assert.equal(plan.headline, 'Safe in any order');
    assert.deepEqual(plan.releases, []);
  });

  it('readers-first and servers-first changes share one release: receivers go first', () => {
    const plan = rolloutPlan([change('OrderCreated.kind', 'readers-first'), change('UserService.list', 'servers-first')]);
    assert.equal(plan.verdict, 'readers-first');
    assert.equal(plan.headline, 'Upgrade readers and servers first, then writers and clients');
    assert.equal(plan.releases.length, 1);
    assert.deepEqual(plan.releases[0]!.steps, [
      'Upgrade every node that reads OrderCreated or serves UserService.',
      'Then upgrade every node that writes OrderCreated or calls UserService.',
    ]);
    assert.deepEqual(plan.needTwoReleases, []);
  });

  it('writers-first changes alone: senders go first', () => {
    const plan = rolloutPlan([change('OrderCreated.currency', 'writers-first')]);
    assert.equal(plan.verdict, 'writers-first');
    assert.deepEqual(plan.releases[0]!.steps, ['Upgrade every node that writes OrderCreated.', 'Then upgrade every node that reads OrderCreated.']);
  });

  it('a change that breaks both ways needs two releases with its expand and contract steps', () => {
    const plan = rolloutPlan([change('OrderCreated.total', 'none', 'field-renamed'), change('OrderCreated.kind', 'readers-first')]);
    assert.equal(plan.verdict, 'two-releases');
    assert.equal(plan.headline, 'No safe order: these changes need two releases');
    assert.deepEqual(plan.needTwoReleases.map((n) => n.change.path), ['OrderCreated.total']);
    assert.match(plan.needTwoReleases[0]!.expand, /keep the old field and add the new name/);
    assert.match(plan.needTwoReleases[0]!.contract, /remove the old one/);
    const [r1, r2] = plan.releases;
    assert.equal(r1!.title, 'Release 1 (expand)');
    assert.ok(r1!.steps.some((s) => s.startsWith('OrderCreated.total: keep the old field')));
    assert.ok(r1!.steps.includes('Ship OrderCreated.kind.'), 'the readers-first change rides in release 1');
    assert.equal(r2!.title, 'Release 2 (contract)');
    assert.equal(r2!.steps[0], 'Wait until no node runs the baseline any more.');
  });

  it('opposite orders in one change set: the writers-first ones wait for release 2', () => {
    const plan = rolloutPlan([change('OrderCreated.kind', 'readers-first'), change('UserService.get(tenant)', 'clients-first')]);
    assert.equal(plan.verdict, 'two-releases');
    assert.match(plan.reason, /one rollout cannot do both/);
    assert.deepEqual(plan.needTwoReleases.map((n) => n.change.path), ['UserService.get(tenant)']);
    assert.deepEqual(plan.releases.map((r) => r.changes.map((c) => c.path)), [['OrderCreated.kind'], ['UserService.get(tenant)']]);
    assert.ok(plan.releases[1]!.steps.includes('Upgrade every node that calls UserService.'));
  });

  it('every rule that can break both ways has its own expand/contract words, others a generic pair', () => {
    const specific: RuleId[] = ['field-renamed', 'type-changed', 'enum-value-changed', 'rpc-method-renamed', 'not-wire-safe'];
    const texts = specific.map((rule) => rolloutPlan([change('M.x', 'none', rule)]).needTwoReleases[0]!.expand);
    assert.equal(new Set(texts).size, specific.length);
    const generic = rolloutPlan([change('M.x', 'none', 'union-variant-added')]).needTwoReleases[0]!;
    assert.match(generic.expand, /read both the baseline shape and the new one/);
  });
});

describe('rollout plan wording', () => {
  it('names each place once when several findings share it (variants added to one union)', () => {
    // Two releases (a writers-first change too), so release 1 lists what it ships.
    const plan = rolloutPlan([
      change('Schema', 'readers-first', 'union-variant-added'),
      change('Schema', 'readers-first', 'union-variant-added'),
      change('Order.id', 'writers-first', 'field-required-added'),
    ]);
    const ship = plan.releases.flatMap((r) => r.steps).filter((s) => s.startsWith('Ship'));
    assert.ok(ship.length > 0 && ship.every((s) => !/Schema.*Schema/.test(s)), ship.join(' | '));
  });
});

describe('rollout plan in the words of adapter roles', () => {
  const queue = { caller: 'producer', callee: 'worker' };
  const toClients = { caller: 'emitting server', callee: 'listening client' };
  const roled = (path: string, order: Order, roles: PlanChange['roles']): PlanChange => ({ ...change(path, order), roles });

  it('changes whose adapters name their ends order those ends: workers before producers', () => {
    const plan = rolloutPlan([roled('images.resize(data).width', 'servers-first', queue), roled('ServerToClientEvents.orderUpdated', 'servers-first', toClients)]);
    assert.equal(plan.verdict, 'readers-first');
    assert.equal(plan.headline, 'Upgrade listening clients and workers first, then emitting servers and producers');
    assert.deepEqual(plan.releases[0]!.steps, [
      'Upgrade every worker of images, and every listening client of ServerToClientEvents.',
      'Then upgrade every producer of images, and every emitting server of ServerToClientEvents.',
    ]);
  });

  it('with hand-marked contracts in the same plan the headline keeps the generic words, the steps name both', () => {
    const plan = rolloutPlan([change('OrderCreated.kind', 'readers-first'), roled('images.resize(data).width', 'servers-first', queue)]);
    assert.equal(plan.headline, 'Upgrade readers and servers first, then writers and clients');
    assert.deepEqual(plan.releases[0]!.steps, [
      'Upgrade every node that reads OrderCreated, and every worker of images.',
      'Then upgrade every node that writes OrderCreated, and every producer of images.',
    ]);
  });

  it('a change deferred to release 2 says whose upgrade it waits for', () => {
    const plan = rolloutPlan([change('OrderCreated.kind', 'readers-first'), roled('images.resize(result).key', 'clients-first', queue)]);
    assert.equal(plan.verdict, 'two-releases');
    const deferred = plan.needTwoReleases[0]!;
    assert.equal(deferred.why, 'it needs producers upgraded first, the opposite of the other changes');
    assert.equal(deferred.contract, 'ship it in release 2, upgrading producers first, then workers.');
    assert.deepEqual(plan.releases[1]!.steps.slice(-2), ['Upgrade every producer of images.', 'Then upgrade every worker of images.']);
  });
});
