import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModels } from '../../../server/src/rules';
import type { Shape } from '../../../server/src/engine/shape';
import { messages, s, service } from './models';

// The examples table of the compatibility model, on hand-built models.
const base = { id: s.string, amount: s.number, note: [s.string, '?'] as [Shape, '?'] };
const breaksOf = (oldFields: Parameters<typeof s.obj>[0], newFields: Parameters<typeof s.obj>[0]) => {
  const { findings } = compareModels(messages({ Order: s.obj(oldFields) }), messages({ Order: s.obj(newFields) }));
  return [...new Set(findings.flatMap((f) => f.breaks))].sort();
};

const cases: [string, Parameters<typeof s.obj>[0], string[]][] = [
  ['add coupon?: string', { ...base, coupon: [s.string, '?'] }, []],
  ['add currency: string', { ...base, currency: s.string }, ['old-to-new']],
  ['remove amount', { id: s.string, note: [s.string, '?'] }, ['new-to-old']],
  ['remove note', { id: s.string, amount: s.number }, []],
  ['note? -> note', { ...base, note: s.string }, ['old-to-new']],
  ['id: string -> string | number', { ...base, id: s.union(s.string, s.number) }, ['new-to-old']],
  ['amount: number -> string', { ...base, amount: s.string }, ['new-to-old', 'old-to-new']],
  ['rename amount -> total', { id: s.string, total: s.number, note: [s.string, '?'] }, ['new-to-old', 'old-to-new']],
  ['reorder fields', { note: [s.string, '?'], amount: s.number, id: s.string }, []],
];
for (const [name, next, expected] of cases) {
  test(`model example: ${name}`, () => assert.deepEqual(breaksOf(base, next), expected));
}

test('model example: implicit enum renumbered breaks both ways on the shifted member', () => {
  const { findings } = compareModels(
    messages({ P: s.enum({ Low: 0, High: 1 }, true) }),
    messages({ P: s.enum({ Low: 0, Medium: 1, High: 2 }, true) }),
  );
  assert.deepEqual(findings.map((f) => [f.rule, f.path, f.breaks]), [['enum-value-changed', 'P.High', ['old-to-new', 'new-to-old']]]);
});

test('string enum key renamed with the same value is no change', () => {
  const { findings } = compareModels(messages({ C: s.enum({ Usd: 'USD' }) }), messages({ C: s.enum({ USDollar: 'USD' }) }));
  assert.deepEqual(findings, []);
});

const svc = (methods: Parameters<typeof service>[1]) => service('UserService', methods, { User: s.obj({ id: s.string }) });
const rpcBreaks = (oldM: Parameters<typeof service>[1], newM: Parameters<typeof service>[1]) =>
  compareModels(svc(oldM), svc(newM)).findings.map((f) => [f.rule, f.path, f.breaks, f.order]);

test('model example: RPC add method breaks new-to-old, servers first', () => {
  assert.deepEqual(
    rpcBreaks({ get: { params: [['id', s.string]], result: s.ref('User') } }, {
      get: { params: [['id', s.string]], result: s.ref('User') },
      list: { params: [], result: s.array(s.ref('User')) },
    }),
    [['rpc-method-added', 'UserService.list', ['new-to-old'], 'servers-first']],
  );
});

test('model example: RPC add required parameter breaks old-to-new, clients first', () => {
  assert.deepEqual(
    rpcBreaks({ get: { params: [['id', s.string]], result: s.ref('User') } }, {
      get: { params: [['id', s.string], ['tenant', s.string]], result: s.ref('User') },
    }),
    [['rpc-parameter-required-added', 'UserService.get(tenant)', ['old-to-new'], 'clients-first']],
  );
});

test('model example: RPC result User -> User | null breaks old-to-new (the result flows back)', () => {
  assert.deepEqual(
    rpcBreaks({ get: { params: [['id', s.string]], result: s.ref('User') } }, {
      get: { params: [['id', s.string]], result: s.union(s.ref('User'), s.null) },
    }),
    [['union-variant-added', 'UserService.get(result)', ['old-to-new'], 'clients-first']],
  );
});

test('any narrowed to number breaks old-to-new; number widened to unknown breaks new-to-old', () => {
  assert.deepEqual(breaksOf({ v: s.any }, { v: s.number }), ['old-to-new']);
  assert.deepEqual(breaksOf({ v: s.number }, { v: s.any }), ['new-to-old']);
});

test('a recursive type compares without looping', () => {
  const tree = (leaf: Shape) => messages({ Node: s.obj({ value: leaf, children: s.array(s.ref('Node')) }) });
  assert.deepEqual(compareModels(tree(s.string), tree(s.string)).findings, []);
  const { findings } = compareModels(tree(s.string), tree(s.number));
  assert.deepEqual(findings.map((f) => f.path), ['Node.value']);
});

test('a change inside a nested contract is reported once, on the inner contract, naming its container', () => {
  const v = (amount: Shape) => messages({ Money: s.obj({ amount }), Order: s.obj({ total: s.ref('Money') }) });
  const { findings } = compareModels(v(s.number), v(s.string));
  assert.deepEqual(findings.map((f) => [f.contract, f.path, f.affects]), [['Money', 'Money.amount', ['Order']]]);
});

test('an untagged nested type is reported on every contract that reaches it', () => {
  const v = (amount: Shape) =>
    messages({ Money: s.obj({ amount }), A: s.obj({ m: s.ref('Money') }), B: s.obj({ m: s.ref('Money') }) }, ['A', 'B']);
  const { findings } = compareModels(v(s.number), v(s.string));
  assert.deepEqual(findings.map((f) => f.path), ['A.m.amount', 'B.m.amount']);
});

test('a removed contract breaks old-to-new and has no working-tree location', () => {
  const { findings } = compareModels(messages({ A: s.obj({}) }), messages({}));
  assert.equal(findings.length, 1);
  const removed = findings[0]!;
  assert.equal(removed.rule, 'contract-removed');
  assert.deepEqual(removed.breaks, ['old-to-new']);
  assert.equal(removed.loc, undefined);
});
