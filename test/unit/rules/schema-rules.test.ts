import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareModels, type Finding } from '../../../server/src/rules';
import type { WireModel } from '../../../server/src/engine/shape';
import { witnessFor } from '../../../server/src/witness/witness-for';
import { checkWitness } from '../witness/sides';
import { checked, s, schemas, service, zobj } from '../engine/schema-models';

// The reader-policy table of docs/schemas.md on hand-built schema models (what the extractor makes of zod and
// valibot): each row's findings, and a witness for each error that the two sides' validators confirm.
const brief = (findings: Finding[]) => findings.map((f) => [f.rule, f.path, f.breaks, f.severity]);

function compare(oldModel: WireModel, newModel: WireModel) {
  const { findings } = compareModels(oldModel, newModel);
  for (const f of findings) {
    const witness = witnessFor(f, oldModel, newModel);
    if (f.severity !== 'error') continue;
    assert.ok(!('none' in witness), `no witness for ${f.rule} at ${f.path}: ${'none' in witness ? witness.none : ''}`);
    assert.equal(checkWitness(f, witness, oldModel, newModel), undefined);
  }
  return findings;
}

const order = (policy: 'lenient' | 'strip' | 'strict', extra: Parameters<typeof zobj>[1] = {}) =>
  schemas({ Order: zobj(policy, { id: s.string, ...extra }) });

test('writer adds an optional field: safe for lenient and strip readers, new-to-old for a strict one', () => {
  assert.deepEqual(brief(compare(order('lenient'), order('lenient', { coupon: [s.string, '?'] }))), []);
  assert.deepEqual(brief(compare(order('strip'), order('strip', { coupon: [s.string, '?'] }))), []);
  const found = compare(order('strict'), order('strict', { coupon: [s.string, '?'] }));
  assert.deepEqual(brief(found), [['strict-reader-undeclared-field', 'Order.coupon', ['new-to-old'], 'error']]);
  assert.match(found[0]!.message, /the deployed reader `Order` is strict at its root \(set at schemas\.ts:4\)/);
  const witness = witnessFor(found[0]!, order('strict'), order('strict', { coupon: [s.string, '?'] }));
  assert.ok('value' in witness);
  assert.deepEqual(witness.value, { id: 'x', coupon: 'x' });
});

test('the policy is read per object: a strict nested object names its place', () => {
  const items = (policy: 'strip' | 'strict', extra: Parameters<typeof zobj>[1] = {}) =>
    schemas({ Order: zobj('strip', { id: s.string, items: s.array(zobj(policy, { sku: s.string, ...extra })) }) });
  assert.deepEqual(brief(compare(items('strip'), items('strip', { note: [s.string, '?'] }))), []);
  const found = compare(items('strict'), items('strict', { note: [s.string, '?'] }));
  assert.deepEqual(brief(found), [['strict-reader-undeclared-field', 'Order.items[].note', ['new-to-old'], 'error']]);
  assert.match(found[0]!.message, /the deployed reader `Order` is strict at `\.items\[\]`/);
  // A strict parent says nothing about its children.
  const parent = (extra: Parameters<typeof zobj>[1] = {}) => schemas({ Order: zobj('strict', { id: s.string, items: s.array(zobj('strip', { sku: s.string, ...extra })) }) });
  assert.deepEqual(brief(compare(parent(), parent({ note: [s.string, '?'] }))), []);
});

test('the new reader drops a field old writers still send, while strict: old-to-new (and new-to-old when it was required)', () => {
  const found = compare(order('strict', { coupon: [s.string, '?'] }), order('strict'));
  assert.deepEqual(brief(found), [['strict-reader-undeclared-field', 'Order.coupon', ['old-to-new'], 'error']]);
  assert.match(found[0]!.message, /this version's reader `Order` is strict at its root/);
  // A strip reader just drops it.
  assert.deepEqual(brief(compare(order('strip', { coupon: [s.string, '?'] }), order('strip'))), []);
});

test('the reader made strict: old-to-new only if old writers send keys it does not declare', () => {
  assert.deepEqual(brief(compare(order('strip'), order('strict'))), []);
  const catchall = schemas({ Order: zobj('strip', { id: s.string }, { index: s.string }) });
  assert.deepEqual(brief(compare(catchall, order('strict'))), [['strict-reader-undeclared-field', 'Order', ['old-to-new'], 'error']]);
});

test('a required field added to a strict reader without a default: old-to-new (old writers lack it) and new-to-old (old strict readers refuse it)', () => {
  assert.deepEqual(brief(compare(order('strict'), order('strict', { total: s.number }))), [
    ['field-required-added', 'Order.total', ['old-to-new'], 'error'],
    ['strict-reader-undeclared-field', 'Order.total', ['new-to-old'], 'error'],
  ]);
  // With .default() old writers need not send it; the old strict reader still refuses the key new writers always send.
  assert.deepEqual(brief(compare(order('strict'), order('strict', { total: [s.number, '='] }))), [
    ['strict-reader-undeclared-field', 'Order.total', ['new-to-old'], 'error'],
  ]);
  assert.deepEqual(brief(compare(order('strip'), order('strip', { total: [s.number, '='] }))), []);
});

test('RPC: a strict server input meets a field a new client adds (new-to-old), a strict client result a field a new server adds (old-to-new)', () => {
  const svc = (input: Parameters<typeof zobj>[1], output: Parameters<typeof zobj>[1]) => {
    const model = service('Orders', { create: { params: [['input', zobj('strict', { id: s.string, ...input })]], result: zobj('strict', { ok: s.boolean, ...output }) } });
    model.contracts.Orders!.schema = { library: 'zod4' };
    return model;
  };
  assert.deepEqual(brief(compare(svc({}, {}), svc({ coupon: [s.string, '?'] }, {}))), [
    ['strict-reader-undeclared-field', 'Orders.create(input).coupon', ['new-to-old'], 'error'],
  ]);
  assert.deepEqual(brief(compare(svc({}, {}), svc({}, { warning: [s.string, '?'] }))), [
    ['strict-reader-undeclared-field', 'Orders.create(result).warning', ['old-to-new'], 'error'],
  ]);
});

test('a strip reader that writes back what it read loses a field this version adds: a warning, only with @roundtrip', () => {
  const model = (extra: Parameters<typeof zobj>[1], roundtrip: boolean) => schemas({ Order: zobj('strip', { id: s.string, ...extra }) }, { roundtrip });
  assert.deepEqual(brief(compare(model({}, false), model({ coupon: [s.string, '?'] }, false))), []);
  const found = compare(model({}, true), model({ coupon: [s.string, '?'] }, true));
  assert.deepEqual(brief(found), [['strip-reader-drops-field', 'Order.coupon', ['new-to-old'], 'warning']]);
  assert.match(found[0]!.message, /the deployed reader `Order` is strip at its root .*writes back what it read/);
  // Lenient (passthrough) readers keep the key.
  const loose = (extra: Parameters<typeof zobj>[1]) => schemas({ Order: zobj('lenient', { id: s.string, ...extra }) }, { roundtrip: true });
  assert.deepEqual(brief(compare(loose({}), loose({ coupon: [s.string, '?'] }))), []);
});

test('a refinement added by the reader is an old-to-new warning; removed or loosened is fine; tightened counts', () => {
  const qty = (...checks: [string, (string | number)?][]) => order('strip', { qty: checked(s.number, ...checks) });
  const plainQty = order('strip', { qty: s.number });
  const found = compare(plainQty, qty(['int']));
  assert.deepEqual(brief(found), [['reader-refinement-added', 'Order.qty', ['old-to-new'], 'warning']]);
  assert.match(found[0]!.message, /adds the check \.int\(\): old writers may send values the new check rejects/);
  assert.deepEqual(brief(compare(qty(['int']), plainQty)), []);
  assert.deepEqual(brief(compare(qty(['min', 5]), qty(['min', 3]))), []);
  assert.deepEqual(brief(compare(qty(['min', 3]), qty(['min', 5]))), [['reader-refinement-added', 'Order.qty', ['old-to-new'], 'warning']]);
  assert.deepEqual(brief(compare(qty(['max', 3]), qty(['max', 5]))), []);
  assert.deepEqual(brief(compare(qty(['int'], ['min', 1]), qty(['min', 1], ['int']))), []);
});

test('refinements on strings, arrays and objects; each evaluable one has a witness the old writer sends and the new reader rejects', () => {
  const cases: [string, ReturnType<typeof checked>, ReturnType<typeof checked>][] = [
    ['int', s.number, checked(s.number, ['int'])],
    ['positive', s.number, checked(s.number, ['positive'])],
    ['min', checked(s.string, ['min', 3]), checked(s.string, ['min', 5])],
    ['max length', s.string, checked(s.string, ['max', 3])],
    ['email', s.string, checked(s.string, ['email'])],
    ['url', s.string, checked(s.string, ['url'])],
    ['uuid', s.string, checked(s.string, ['uuid'])],
    ['regex', s.string, checked(s.string, ['regex', '/^[a-z]+-\\d+$/'])],
    ['startsWith', s.string, checked(s.string, ['startsWith', 'ord_'])],
    ['array min', s.array(s.string), checked(s.array(s.string), ['min', 1])],
  ];
  for (const [name, before, after] of cases) {
    const oldModel = order('strip', { v: before });
    const newModel = order('strip', { v: after });
    const [finding, ...more] = compare(oldModel, newModel);
    assert.equal(more.length, 0, name);
    assert.equal(finding?.rule, 'reader-refinement-added', name);
    const witness = witnessFor(finding, oldModel, newModel);
    assert.ok('value' in witness, `${name}: ${'none' in witness ? witness.none : ''}`);
    assert.equal(checkWitness(finding, witness, oldModel, newModel), undefined, name);
  }
});

test('a custom .refine() cannot be evaluated: the warning stands, and the witness says why there is none', () => {
  const oldModel = order('strip', { v: s.string });
  const newModel = order('strip', { v: checked(s.string, ['refine', 'isSku']) });
  const [finding] = compare(oldModel, newModel);
  assert.equal(finding?.rule, 'reader-refinement-added');
  const witness = witnessFor(finding, oldModel, newModel);
  assert.ok('none' in witness);
  assert.match(witness.none, /\.refine\("isSku"\) here, which runs the schema's own code/);
});
